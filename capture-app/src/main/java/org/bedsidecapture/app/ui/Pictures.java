package org.bedsidecapture.app.ui;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.bedsidecapture.app.service.Picture;

/** A capture's picture as the screens draw it. */
final class Pictures {
  private Pictures() {}

  static WritableImage image(Picture p) {
    WritableImage image = new WritableImage(p.width(), p.height());
    image
        .getPixelWriter()
        .setPixels(
            0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(), p.argb(), 0, p.width());
    return image;
  }
}
