# Ultrasound Multi-frame Image IOD (PS3.3 A.7): frame-grabber clips of the image area only; no
# calibration is invented (see us-image.tpl).
include common-image.tpl
(0008,0016) UI 1.2.840.10008.5.1.4.1.1.3.1
# Modality US comes from ObjectType
(0008,0008) CS ORIGINAL\PRIMARY
(0028,0100) US 8
(0028,0101) US 8
(0028,0102) US 7
(0028,0103) US 0
# Multi-frame (C.7.6.6) and US Image (C.8.5.6): frames follow each other in time
(0028,0009) AT (0018,1063)
