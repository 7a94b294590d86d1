package org.bedsidecapture.dicom.iod;

import com.pixelmed.dicom.AttributeTag;

/** The attribute tags this app writes, named as in PS3.6 (keywords), in one reviewable place. */
public final class Tags {
  private Tags() {}

  public static final AttributeTag SpecificCharacterSet = t(0x0008, 0x0005);
  public static final AttributeTag ImageType = t(0x0008, 0x0008);
  public static final AttributeTag InstanceCreationDate = t(0x0008, 0x0012);
  public static final AttributeTag InstanceCreationTime = t(0x0008, 0x0013);
  public static final AttributeTag SOPClassUID = t(0x0008, 0x0016);
  public static final AttributeTag SOPInstanceUID = t(0x0008, 0x0018);
  public static final AttributeTag StudyDate = t(0x0008, 0x0020);
  public static final AttributeTag SeriesDate = t(0x0008, 0x0021);
  public static final AttributeTag ContentDate = t(0x0008, 0x0023);
  public static final AttributeTag AcquisitionDateTime = t(0x0008, 0x002A);
  public static final AttributeTag StudyTime = t(0x0008, 0x0030);
  public static final AttributeTag SeriesTime = t(0x0008, 0x0031);
  public static final AttributeTag ContentTime = t(0x0008, 0x0033);
  public static final AttributeTag AccessionNumber = t(0x0008, 0x0050);
  public static final AttributeTag IssuerOfAccessionNumberSequence = t(0x0008, 0x0051);
  public static final AttributeTag Modality = t(0x0008, 0x0060);
  public static final AttributeTag Manufacturer = t(0x0008, 0x0070);
  public static final AttributeTag InstitutionName = t(0x0008, 0x0080);
  public static final AttributeTag InstitutionAddress = t(0x0008, 0x0081);
  public static final AttributeTag ReferringPhysicianName = t(0x0008, 0x0090);
  public static final AttributeTag CodeValue = t(0x0008, 0x0100);
  public static final AttributeTag CodingSchemeDesignator = t(0x0008, 0x0102);
  public static final AttributeTag CodeMeaning = t(0x0008, 0x0104);
  public static final AttributeTag TimezoneOffsetFromUTC = t(0x0008, 0x0201);
  public static final AttributeTag StationName = t(0x0008, 0x1010);
  public static final AttributeTag InstitutionalDepartmentName = t(0x0008, 0x1040);
  public static final AttributeTag OperatorsName = t(0x0008, 0x1070);
  public static final AttributeTag ManufacturerModelName = t(0x0008, 0x1090);
  public static final AttributeTag DerivationDescription = t(0x0008, 0x2111);
  public static final AttributeTag RecommendedDisplayFrameRate = t(0x0008, 0x2144);
  public static final AttributeTag AnatomicRegionSequence = t(0x0008, 0x2218);
  public static final AttributeTag AnatomicRegionModifierSequence = t(0x0008, 0x2220);
  public static final AttributeTag PatientName = t(0x0010, 0x0010);
  public static final AttributeTag PatientID = t(0x0010, 0x0020);
  public static final AttributeTag IssuerOfPatientID = t(0x0010, 0x0021);
  public static final AttributeTag TypeOfPatientID = t(0x0010, 0x0022);
  public static final AttributeTag IssuerOfPatientIDQualifiersSequence = t(0x0010, 0x0024);
  public static final AttributeTag PatientBirthDate = t(0x0010, 0x0030);
  public static final AttributeTag PatientSex = t(0x0010, 0x0040);
  public static final AttributeTag OtherPatientIDsSequence = t(0x0010, 0x1002);
  public static final AttributeTag CineRate = t(0x0018, 0x0040);
  public static final AttributeTag DeviceSerialNumber = t(0x0018, 0x1000);
  public static final AttributeTag SoftwareVersions = t(0x0018, 0x1020);
  public static final AttributeTag FrameTime = t(0x0018, 0x1063);
  public static final AttributeTag StudyInstanceUID = t(0x0020, 0x000D);
  public static final AttributeTag SeriesInstanceUID = t(0x0020, 0x000E);
  public static final AttributeTag StudyID = t(0x0020, 0x0010);
  public static final AttributeTag SeriesNumber = t(0x0020, 0x0011);
  public static final AttributeTag InstanceNumber = t(0x0020, 0x0013);
  public static final AttributeTag ImageLaterality = t(0x0020, 0x0062);
  public static final AttributeTag ImageComments = t(0x0020, 0x4000);
  public static final AttributeTag SamplesPerPixel = t(0x0028, 0x0002);
  public static final AttributeTag PhotometricInterpretation = t(0x0028, 0x0004);
  public static final AttributeTag PlanarConfiguration = t(0x0028, 0x0006);
  public static final AttributeTag NumberOfFrames = t(0x0028, 0x0008);
  public static final AttributeTag Rows = t(0x0028, 0x0010);
  public static final AttributeTag Columns = t(0x0028, 0x0011);
  public static final AttributeTag LossyImageCompression = t(0x0028, 0x2110);
  public static final AttributeTag LossyImageCompressionRatio = t(0x0028, 0x2112);
  public static final AttributeTag LossyImageCompressionMethod = t(0x0028, 0x2114);
  public static final AttributeTag ICCProfile = t(0x0028, 0x2000);
  public static final AttributeTag ColorSpace = t(0x0028, 0x2002);
  public static final AttributeTag ReasonForVisit = t(0x0032, 0x1066);
  public static final AttributeTag AdmissionID = t(0x0038, 0x0010);
  public static final AttributeTag IssuerOfAdmissionIDSequence = t(0x0038, 0x0014);
  public static final AttributeTag LocalNamespaceEntityID = t(0x0040, 0x0031);
  public static final AttributeTag UniversalEntityID = t(0x0040, 0x0032);
  public static final AttributeTag UniversalEntityIDType = t(0x0040, 0x0033);
  public static final AttributeTag IdentifierTypeCode = t(0x0040, 0x0035);
  public static final AttributeTag PixelData = t(0x7FE0, 0x0010);

  /** Parses a tag written as in PS3.6, {@code (gggg,eeee)}. */
  public static AttributeTag parse(String text) {
    String t = text.strip();
    if (!t.matches("\\([0-9A-Fa-f]{4},[0-9A-Fa-f]{4}\\)")) {
      throw new IllegalArgumentException("'" + text + "' is not a tag like (0010,0020)");
    }
    return t(Integer.parseInt(t.substring(1, 5), 16), Integer.parseInt(t.substring(6, 10), 16));
  }

  private static AttributeTag t(int group, int element) {
    return new AttributeTag(group, element);
  }
}
