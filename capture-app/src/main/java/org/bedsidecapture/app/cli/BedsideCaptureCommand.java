package org.bedsidecapture.app.cli;

public class BedsideCaptureCommand {
  public static void main(String[] args) {}
}
