package io.cairn.server.api;

import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Occupation;
import io.cairn.labor.postings.Evidence;
import io.cairn.labor.postings.FoundSkill;
import io.cairn.labor.postings.Posting;
import io.cairn.labor.titles.OccupationMatch;
import java.util.List;

/** The JSON of {@code POST /api/postings/skills}: the posting as sent, and the skills it asks for with evidence. */
public final class PostingViews {
  private PostingViews() {}

  /** A job posting: title and text as written, or skill phrases, or both. */
  public record PostingBody(String title, String text, List<String> skills) {
    public Posting toPosting() {
      return new Posting(title, text, skills == null ? List.of() : skills);
    }
  }

  /** The occupation the title normalizes to. */
  public record OccupationView(String id, String iri, String label, String matchedLabel, String nearestTitle) {}

  /** One skill asked for, with every place the posting says it. */
  public record SkillView(String id, String iri, String label, String skillType, String matchedLabel,
      String labelKind, String forOccupation, List<Evidence> evidence) {}

  public record SkillsAnswer(OccupationView occupation, int count, List<SkillView> skills) {}

  public static SkillsAnswer skills(Cairn.PostingSkillsAnswer answer) {
    CatalogSnapshot snapshot = answer.snapshot();
    OccupationMatch match = answer.skills().occupation();
    OccupationView occupation = null;
    if (match != null) {
      Occupation o = snapshot.occupation(match.occupation());
      occupation = new OccupationView(o.id(), o.iri(), o.label(), match.matchedLabel(), match.nearestTitle());
    }
    List<SkillView> skills = answer.skills().skills().stream().map(s -> skill(snapshot, s)).toList();
    return new SkillsAnswer(occupation, skills.size(), skills);
  }

  private static SkillView skill(CatalogSnapshot snapshot, FoundSkill s) {
    Competency c = snapshot.competency(s.competency());
    return new SkillView(c.id(), c.iri(), c.label(), c.skillType().isEmpty() ? null : c.skillType(),
        s.matchedLabel(), s.labelKind(), s.forOccupation(), s.evidence());
  }
}
