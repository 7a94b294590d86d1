package org.bedsidecapture.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.bedsidecapture.app.service.CaptureSession;
import org.bedsidecapture.app.service.Picture;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** A capture's picture as the screens draw it, and its thumbnail with a clip marked as one. */
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

  /** The framed thumbnail of capture number {@code n}; a clip carries a camera badge. */
  static StackPane thumbnail(CaptureSession.Shot s, int n, double fitWidth, double fitHeight) {
    ImageView t = new ImageView(image(s.thumbnail()));
    if (fitWidth > 0) {
      t.setFitWidth(fitWidth);
    }
    if (fitHeight > 0) {
      t.setFitHeight(fitHeight);
    }
    t.setPreserveRatio(true);
    StackPane frame = new StackPane(t);
    frame.getStyleClass().add("thumbnail");
    if (s.source() == CaptureSession.Source.CLIP) {
      Label badge = new Label(Texts.t("source.CLIP"), new FontIcon(Material2MZ.VIDEOCAM));
      badge.getStyleClass().add("clip-badge");
      StackPane.setAlignment(badge, Pos.BOTTOM_LEFT);
      frame.getChildren().add(badge);
    }
    frame.setAccessibleText(said(s, n));
    return frame;
  }

  /** What a screen reader says for capture number {@code n}. */
  static String said(CaptureSession.Shot s, int n) {
    String said = Texts.t("capture.thumbnail", n, Names.site(s.site()));
    return s.source() == CaptureSession.Source.CLIP
        ? said + " (" + Texts.t("source.CLIP") + ")"
        : said;
  }
}
