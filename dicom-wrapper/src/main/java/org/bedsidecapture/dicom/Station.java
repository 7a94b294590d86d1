package org.bedsidecapture.dicom;

/**
 * The capture station (the cart running this app): its name and serial number (which stand for the
 * equipment when a device does not say its own), the app's software version, and the institution it
 * belongs to.
 */
public record Station(
    String stationName, String serialNumber, String softwareVersion, Institution institution) {
  public Station {
    stationName = Text.blankToNull(stationName);
    serialNumber = Text.blankToNull(serialNumber);
    softwareVersion = Text.blankToNull(softwareVersion);
  }
}
