package io.cairn.interop.esco;

import io.cairn.catalog.EscoCollection;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The CSV files of an ESCO download, in import order, with the columns Cairn reads from each. Files are matched
 * by name without the language suffix, so {@code skills_en.csv} (1.1.x) and {@code occupationSkillRelations_en.csv}
 * (1.2.x) are both found; columns are read by header name, so added columns do no harm.
 */
enum EscoFile {
  CONCEPT_SCHEMES("conceptschemes", true, null, "conceptSchemeUri", "preferredLabel"),
  ISCO_GROUPS("iscogroups", true, null, "conceptUri", "code", "preferredLabel"),
  SKILL_GROUPS("skillgroups", true, null, "conceptUri", "preferredLabel"),
  SKILLS("skills", true, null, "conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels", "hiddenLabels"),
  OCCUPATIONS("occupations", true, null, "conceptUri", "iscoGroup", "preferredLabel", "altLabels", "hiddenLabels"),
  SKILLS_HIERARCHY("skillshierarchy", true, null, "Level 0 URI", "Level 1 URI", "Level 2 URI", "Level 3 URI"),
  SKILL_BROADER("broaderrelationsskillpillar", true, null, "conceptUri", "broaderUri"),
  OCCUPATION_BROADER("broaderrelationsoccpillar", true, null, "conceptUri", "broaderUri"),
  OCCUPATION_SKILLS("occupationskillrelations", true, null, "occupationUri", "relationType", "skillUri"),
  SKILL_SKILLS("skillskillrelations", true, null, "originalSkillUri", "relationType", "relatedSkillUri"),
  DIGITAL("digitalskillscollection", false, EscoCollection.DIGITAL, "conceptUri"),
  GREEN("greenskillscollection", false, EscoCollection.GREEN, "conceptUri"),
  LANGUAGE("languageskillscollection", false, EscoCollection.LANGUAGE, "conceptUri"),
  TRANSVERSAL("transversalskillscollection", false, EscoCollection.TRANSVERSAL, "conceptUri"),
  RESEARCH_SKILLS("researchskillscollection", false, EscoCollection.RESEARCH, "conceptUri"),
  RESEARCH_OCCUPATIONS("researchoccupationscollection", false, EscoCollection.RESEARCH_OCCUPATIONS, "conceptUri"),
  DIGCOMP("digcompskillscollection", false, EscoCollection.DIGCOMP, "conceptUri");

  private final String key;
  private final boolean required;
  private final EscoCollection collection;
  private final List<String> columns;

  EscoFile(String key, boolean required, EscoCollection collection, String... columns) {
    this.key = key;
    this.required = required;
    this.collection = collection;
    this.columns = List.of(columns);
  }

  /** True when an import without this file is incomplete. */
  boolean required() {
    return required;
  }

  /** For collection files, the collection. */
  Optional<EscoCollection> collection() {
    return Optional.ofNullable(collection);
  }

  /** Columns that must be in the header. */
  List<String> columns() {
    return columns;
  }

  /** The file this name stands for, if any: case-insensitive, with or without a language suffix. */
  static Optional<EscoFile> forFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    if (!name.endsWith(".csv")) {
      return Optional.empty();
    }
    name = name.substring(0, name.length() - 4).replaceFirst("_[a-z]{2}$", "");
    for (EscoFile file : values()) {
      if (file.key.equals(name)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }
}
