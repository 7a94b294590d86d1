package org.bedsidecapture.dicom;

/** The institution (hospital) and department where the capture takes place. */
public record Institution(String name, String address, String department) {
  public Institution {
    name = Text.blankToNull(name);
    address = Text.blankToNull(address);
    department = Text.blankToNull(department);
  }
}
