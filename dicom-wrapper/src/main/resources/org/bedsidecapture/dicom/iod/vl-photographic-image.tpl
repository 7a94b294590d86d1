# VL Photographic Image IOD (PS3.3 A.32.4): camera photos.
include common-image.tpl
(0008,0016) UI 1.2.840.10008.5.1.4.1.1.77.1.4
# Modality XC (A.32.4.3.1, A.32.7.3.1) comes from ObjectType, the one place that maps types
# VL Image (C.8.12.1)
(0008,0008) CS ORIGINAL\PRIMARY
(0028,0100) US 8
(0028,0101) US 8
(0028,0102) US 7
(0028,0103) US 0
# Acquisition Context (C.7.6.14), part of the VL IODs only: Type 2, no context is recorded
(0040,0555) SQ
