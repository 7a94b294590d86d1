# Secondary Capture Image IOD (PS3.3 A.8.1): a grab of a screen that shows text or patient data
# burned in, or whose modality's facts are unknown. The factory puts the source's modality (US,
# or OT when unknown) into Modality.
include common-image.tpl
(0008,0016) UI 1.2.840.10008.5.1.4.1.1.7
# SC Equipment (C.8.6.1): the picture was digitized from the device's video output
(0008,0064) CS DV
(0008,0008) CS DERIVED\SECONDARY
# General Image (C.7.6.1): a grabbed screen is taken to carry burned-in text
(0028,0301) CS YES
(0028,0100) US 8
(0028,0101) US 8
(0028,0102) US 7
(0028,0103) US 0
