# Ultrasound Image IOD (PS3.3 A.6): frame-grabber stills whose grab shows only the scanner's image
# area. The US Region Calibration module is left out: a grab does not know the calibration, and
# inventing it would make measurements on the image lie.
include common-image.tpl
(0008,0016) UI 1.2.840.10008.5.1.4.1.1.6.1
# Modality US comes from ObjectType
# US Image (C.8.5.6): Image Type is Type 2 here
(0008,0008) CS ORIGINAL\PRIMARY
(0028,0100) US 8
(0028,0101) US 8
(0028,0102) US 7
(0028,0103) US 0
