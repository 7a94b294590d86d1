package org.bedsidecapture.app.ui;

import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Chooses a file for a settings key (a key store, a password or token file, a private key): the
 * platform's file dialog in the app, a prepared file in tests, where no native dialog can open.
 */
public interface FilePicker {
  /** The chosen file, or null when the installer cancelled. */
  Path choose(Window owner, String key);

  /** The platform's open-file dialog, titled with the key. */
  FilePicker DIALOG =
      (owner, key) -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(key);
        java.io.File f = chooser.showOpenDialog(owner);
        return f == null ? null : f.toPath();
      };
}
