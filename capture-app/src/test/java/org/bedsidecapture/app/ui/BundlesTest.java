package org.bedsidecapture.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both languages say everything, with the same blanks to fill, and every pattern formats. */
class BundlesTest {
  private static final Pattern BLANK = Pattern.compile("\\{(\\d)");

  private static Set<String> blanks(String pattern) {
    Set<String> found = new TreeSet<>();
    Matcher m = BLANK.matcher(pattern);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "org.bedsidecapture.app.ui.messages",
        "org.bedsidecapture.app.ui.model.says",
        "org.bedsidecapture.app.service.check"
      })
  void germanSaysEveryThingEnglishSaysWithTheSameBlanks(String name) {
    ResourceBundle english = ResourceBundle.getBundle(name, Locale.ROOT);
    ResourceBundle german = ResourceBundle.getBundle(name, Locale.GERMAN);

    assertThat(german.keySet()).isEqualTo(english.keySet());
    for (String key : english.keySet()) {
      String en = english.getString(key);
      String de = german.getString(key);
      assertThat(blanks(de)).as(key).isEqualTo(blanks(en));
      Object[] args = {2, 3, 4, 5, 6, 7};
      assertThat(new MessageFormat(de, Locale.GERMAN).format(args)).as(key).doesNotContain("{");
      assertThat(new MessageFormat(en, Locale.ROOT).format(args)).as(key).doesNotContain("{");
    }
  }

  @Test
  void everyBodySiteOfTheCatalogueHasItsGermanName() {
    ResourceBundle german =
        ResourceBundle.getBundle("org.bedsidecapture.app.ui.body_sites", Locale.GERMAN);
    for (org.bedsidecapture.dicom.BodySite site :
        org.bedsidecapture.dicom.BodySiteCatalogue.standard().all()) {
      assertThat(german.containsKey(site.snomedId())).as(site.meaning()).isTrue();
    }
  }
}
