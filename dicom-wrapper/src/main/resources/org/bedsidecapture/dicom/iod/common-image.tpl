# Modules every capture object shares, with each Type 2 attribute present and empty: the factory
# fills them from the encounter context and the capture. One attribute a line: tag, VR, value
# (empty: present without a value; several values separated by a backslash).

# SOP Common (C.12.1)
(0008,0005) CS ISO_IR 192

# Patient (C.7.1.1): Type 2
(0010,0010) PN
(0010,0020) LO
(0010,0030) DA
(0010,0040) CS

# General Study (C.7.2.1): Type 2
(0008,0020) DA
(0008,0030) TM
(0008,0090) PN
(0020,0010) SH
(0008,0050) SH

# General Series (C.7.3.1): Type 2
(0020,0011) IS

# General Equipment (C.7.5.1): Type 2
(0008,0070) LO

# General Image (C.7.6.1): Type 2 and 2C
(0020,0013) IS
(0020,0020) CS
