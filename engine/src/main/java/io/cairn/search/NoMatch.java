package io.cairn.search;

import io.cairn.catalog.CatalogSnapshot;
import java.util.Locale;

/**
 * Why a search found nothing, in a sentence a person can act on: what was searched, how much the loaded catalog
 * holds, and, when it holds less than the ESCO classification, how much more full ESCO has and how to load it.
 */
public final class NoMatch {
  // counted in the v1.1.1 CSV download (rows of occupations_en.csv, skills_en.csv and skillGroups_en.csv)
  static final int ESCO_OCCUPATIONS = 3_007;
  static final int ESCO_SKILLS = 13_896;
  static final int ESCO_SKILL_GROUPS = 640;

  private NoMatch() {}

  /** What was searched for. */
  public enum Searched { COMPETENCY, OCCUPATION, CREDENTIAL }

  /** The sentence for a search of {@code text} among {@code searched} of {@code snapshot} that found nothing. */
  public static String reason(CatalogSnapshot snapshot, Searched searched, String text) {
    String quoted = "'" + (text == null ? "" : text.strip()) + "'";
    return switch (searched) {
      case OCCUPATION -> {
        int held = snapshot.occupations().size();
        yield String.format(Locale.ROOT, "No occupation's label matches %s among the %,d occupation%s loaded%s.",
            quoted, held, held == 1 ? "" : "s", held < ESCO_OCCUPATIONS ? String.format(Locale.ROOT,
                "; the full ESCO classification has %,d (import it with 'cairn import esco')", ESCO_OCCUPATIONS) : "");
      }
      case COMPETENCY -> {
        int held = snapshot.competencies().size();
        int esco = ESCO_SKILLS + ESCO_SKILL_GROUPS;
        yield String.format(Locale.ROOT, "No skill's label matches %s among the %,d skills and skill groups loaded%s.",
            quoted, held, held < esco ? String.format(Locale.ROOT,
                "; the full ESCO classification has %,d skills and %,d skill groups (import it with 'cairn import"
                    + " esco')", ESCO_SKILLS, ESCO_SKILL_GROUPS) : "");
      }
      case CREDENTIAL -> {
        int held = snapshot.credentials().size();
        yield String.format(Locale.ROOT, "No credential's name holds the words %s among the %,d credential%s in the"
            + " catalog (whole words; from three letters a word's start is enough). Credentials are the catalog's"
            + " own: load more with 'cairn load FILE'.", quoted, held, held == 1 ? "" : "s");
      }
    };
  }
}
