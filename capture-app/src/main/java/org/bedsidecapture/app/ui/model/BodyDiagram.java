package org.bedsidecapture.app.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bedsidecapture.dicom.BodySite;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.bedsidecapture.dicom.Laterality;

/**
 * The tappable body diagram: regions of a standing figure seen from the front and from the back,
 * each naming a site of the catalogue and, for paired sites, the patient's side. Seen from the
 * front, the patient's right is on the viewer's left; from the back, on the viewer's right. Places
 * are in a 100 × 220 box that the screen scales.
 */
public final class BodyDiagram {
  /** Which side of the patient the figure shows. */
  public enum View {
    FRONT,
    BACK
  }

  /** One tappable region. */
  public record Region(
      View view, BodySite site, Laterality side, double x, double y, double width, double height) {
    /** Whether a point of the 100 × 220 box falls in it. */
    public boolean contains(double px, double py) {
      return px >= x && px < x + width && py >= y && py < y + height;
    }
  }

  private final List<Region> regions;

  private BodyDiagram(List<Region> regions) {
    this.regions = List.copyOf(regions);
  }

  /** The figure with the catalogue's sites; a site missing from the catalogue is left out. */
  public static BodyDiagram of(BodySiteCatalogue catalogue) {
    List<Region> r = new ArrayList<>();
    for (View v : View.values()) {
      add(r, catalogue, v, "69536005", null, 38, 0, 24, 26);
      add(r, catalogue, v, "45048000", null, 43, 26, 14, 8);
      add(r, catalogue, v, v == View.FRONT ? "43799004" : "77568009", null, 30, 34, 40, 36);
      add(r, catalogue, v, v == View.FRONT ? "818981001" : "54735007", null, 32, 70, 36, 22);
      if (v == View.FRONT) {
        add(r, catalogue, v, "816092008", null, 32, 92, 36, 16);
      } else {
        pair(r, catalogue, v, "46862004", 32, 92, 18, 16);
      }
      pair(r, catalogue, v, "16982005", 18, 34, 12, 12);
      pair(r, catalogue, v, "40983000", 16, 46, 12, 22);
      pair(r, catalogue, v, "14975008", 12, 68, 12, 24);
      pair(r, catalogue, v, "85562004", 8, 92, 14, 16);
      pair(r, catalogue, v, "68367000", 34, 108, 15, 36);
      pair(r, catalogue, v, "72696002", 34, 144, 15, 12);
      pair(r, catalogue, v, "30021000", 34, 156, 15, 40);
      pair(r, catalogue, v, v == View.FRONT ? "56459004" : "76853006", 32, 196, 17, 20);
    }
    return new BodyDiagram(r);
  }

  private static void add(
      List<Region> r,
      BodySiteCatalogue c,
      View v,
      String code,
      Laterality side,
      double x,
      double y,
      double w,
      double h) {
    c.bySnomedId(code)
        .ifPresent(
            site ->
                r.add(
                    new Region(
                        v,
                        site,
                        side == null
                            ? (site.paired() ? Laterality.BOTH : Laterality.UNPAIRED)
                            : side,
                        x,
                        y,
                        w,
                        h)));
  }

  /**
   * A paired site on both sides: the region at {@code x} is on the viewer's left, which is the
   * patient's right from the front and the patient's left from the back.
   */
  private static void pair(
      List<Region> r,
      BodySiteCatalogue c,
      View v,
      String code,
      double x,
      double y,
      double w,
      double h) {
    Laterality viewersLeft = v == View.FRONT ? Laterality.RIGHT : Laterality.LEFT;
    Laterality viewersRight = v == View.FRONT ? Laterality.LEFT : Laterality.RIGHT;
    add(r, c, v, code, viewersLeft, x, y, w, h);
    add(r, c, v, code, viewersRight, 100 - x - w, y, w, h);
  }

  public List<Region> regions(View view) {
    return regions.stream().filter(r -> r.view() == view).toList();
  }

  /** The region at a point of the box, if any. */
  public Optional<Region> at(View view, double x, double y) {
    return regions(view).stream().filter(r -> r.contains(x, y)).findFirst();
  }
}
