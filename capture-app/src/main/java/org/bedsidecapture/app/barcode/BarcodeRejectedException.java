package org.bedsidecapture.app.barcode;

/** A barcode that no site rule accepts; the message shows its content masked. */
public final class BarcodeRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  public BarcodeRejectedException(String message) {
    super(message);
  }
}
