package io.cairn.server.api;

import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Occupation;
import io.cairn.catalog.Credential;
import io.cairn.labor.demand.SkillDemand;
import io.cairn.labor.postings.CredentialMatch;
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
      String labelKind, String forOccupation, List<Evidence> evidence, Long jobOffers) {}

  public record SkillsAnswer(OccupationView occupation, int count, List<SkillView> skills) {}

  /** The answer, each skill with its job offers from {@code demand} (built for the answer's snapshot). */
  public static SkillsAnswer skills(Cairn.PostingSkillsAnswer answer, SkillDemand demand) {
    CatalogSnapshot snapshot = answer.snapshot();
    List<SkillView> skills = answer.skills().skills().stream().map(s -> skill(snapshot, s, demand)).toList();
    return new SkillsAnswer(occupation(snapshot, answer.skills().occupation()), skills.size(), skills);
  }

  private static OccupationView occupation(CatalogSnapshot snapshot, OccupationMatch match) {
    if (match == null) {
      return null;
    }
    Occupation o = snapshot.occupation(match.occupation());
    return new OccupationView(o.id(), o.iri(), o.label(), match.matchedLabel(), match.nearestTitle());
  }

  /** {@code POST /api/postings/match}: a posting or an occupation, an optional learner, how many credentials. */
  public record MatchBody(PostingBody posting, String occupation, RequestBodies.LearnerBody learner, Integer k) {
    public static final int MAX_K = 100;

    public int size() {
      if (k == null) {
        return 10;
      }
      if (k < 1 || k > MAX_K) {
        throw ApiException.badRequest("'k' must be from 1 to " + MAX_K + ", got " + k);
      }
      return k;
    }
  }

  /** A skill the posting asks for; {@code held} says whether the learner's holdings show it (null: no learner). */
  public record WantedView(String id, String iri, String label, boolean essential, double weight, Boolean held) {}

  /** What one credential covers of the posting. */
  public record CoverageView(Views.Ref credential, double cost, String currency, double hours, int essential,
      double weight, double share, List<Views.Ref> covers) {}

  /** The greedy covering set and what it leaves uncovered. */
  public record CoveringView(List<CoverageView> credentials, double share, List<Views.Ref> uncovered) {}

  public record LearnerView(List<Views.Ref> held, List<Views.Ref> missing, HoldingsViews.HoldingsView holdings) {}

  public record MatchAnswer(OccupationView occupation, List<WantedView> skills, List<CoverageView> credentials,
      CoveringView coveringSet, LearnerView learner) {}

  public static MatchAnswer match(Cairn.PostingMatchAnswer answer) {
    CatalogSnapshot snapshot = answer.snapshot();
    Views views = new Views(snapshot);
    CredentialMatch m = answer.match();
    boolean learner = answer.learner() != null;
    List<WantedView> skills = m.wanted().stream().map(w -> {
      Competency c = snapshot.competency(w.competency());
      return new WantedView(c.id(), c.iri(), c.label(), w.essential(), round(w.weight()),
          learner ? m.held().contains(w.competency()) : null);
    }).toList();
    double total = m.wanted().stream().mapToDouble(CredentialMatch.Wanted::weight).sum();
    double covered = m.coveringSet().stream().mapToDouble(CredentialMatch.Coverage::weight).sum();
    double heldWeight = m.wanted().stream().filter(w -> m.held().contains(w.competency()))
        .mapToDouble(CredentialMatch.Wanted::weight).sum();
    CoveringView covering = new CoveringView(m.coveringSet().stream().map(c -> coverage(views, snapshot, c)).toList(),
        total == 0 ? 0 : round((covered + heldWeight) / total), views.competencies(m.uncoverable()));
    return new MatchAnswer(answer.skills() == null ? null : occupation(snapshot, answer.skills().occupation()), skills,
        m.ranked().stream().map(c -> coverage(views, snapshot, c)).toList(), covering,
        learner ? new LearnerView(views.competencies(m.held()), views.competencies(m.missing()),
            HoldingsViews.of(views, answer.learner().holdings())) : null);
  }

  private static CoverageView coverage(Views views, CatalogSnapshot snapshot, CredentialMatch.Coverage c) {
    Credential credential = snapshot.credential(c.credential());
    return new CoverageView(views.credentialRef(c.credential()), credential.cost(),
        Views.emptyToNull(credential.currency()), credential.hours(), c.essential(), round(c.weight()),
        round(c.share()), views.competencies(c.covered()));
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static SkillView skill(CatalogSnapshot snapshot, FoundSkill s, SkillDemand demand) {
    Competency c = snapshot.competency(s.competency());
    return new SkillView(c.id(), c.iri(), c.label(), c.skillType().isEmpty() ? null : c.skillType(),
        s.matchedLabel(), s.labelKind(), s.forOccupation(), s.evidence(),
        demand.known() ? demand.essential(s.competency()) : null);
  }
}
