# Multi-frame True Color Secondary Capture Image IOD (PS3.3 A.8.5): a clip grabbed from a screen
# that shows burned-in text, or whose modality's facts are unknown.
include common-image.tpl
(0008,0016) UI 1.2.840.10008.5.1.4.1.1.7.4
(0008,0064) CS DV
(0008,0008) CS DERIVED\SECONDARY
# SC Multi-frame Image (C.8.6.3): Type 1 here
(0028,0301) CS YES
(0028,0100) US 8
(0028,0101) US 8
(0028,0102) US 7
(0028,0103) US 0
(0028,0009) AT (0018,1063)
