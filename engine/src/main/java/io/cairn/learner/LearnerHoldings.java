package io.cairn.learner;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import io.cairn.interop.vc.CredentialCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a learner's holdings come from: the ids they declare, the presented credentials that verified (each
 * achievement mapped to a catalog credential or, when the catalog does not know it, to the ESCO skills it is aligned
 * to), and the presented credentials refused, with the reason.
 *
 * @param declaredCredentials credentials the learner lists
 * @param declaredCompetencies competencies the learner lists
 * @param verified presented credentials that verified, with what each counts as
 * @param refused presented credentials that did not verify; they count for nothing
 */
public record LearnerHoldings(IntSet declaredCredentials, IntSet declaredCompetencies, List<VerifiedHolding> verified,
    List<CredentialCheck> refused) {

  public LearnerHoldings {
    verified = List.copyOf(verified);
    refused = List.copyOf(refused);
  }

  /** Only declared holdings. */
  public static LearnerHoldings declared(IntSet credentials, IntSet competencies) {
    return new LearnerHoldings(credentials, competencies, List.of(), List.of());
  }

  /** A verified credential and what each of its achievements counts as. */
  public record VerifiedHolding(CredentialCheck check, List<MappedAchievement> achievements) {
    public VerifiedHolding {
      achievements = List.copyOf(achievements);
    }
  }

  /**
   * One verified achievement in catalog terms.
   *
   * @param credential the catalog credential whose IRI is the achievement's id (or one of its other identifiers); -1
   *     when the catalog does not know it
   * @param competencies when the catalog does not know it: the aligned skills that are in the catalog, held from now
   * @param unknownAlignments aligned IRIs that are not competencies of the catalog (they count for nothing)
   */
  public record MappedAchievement(CredentialCheck.Achievement achievement, int credential, IntSet competencies,
      List<String> unknownAlignments) {
    public MappedAchievement {
      unknownAlignments = List.copyOf(unknownAlignments);
    }

    public boolean inCatalog() {
      return credential >= 0;
    }
  }

  /** Credentials held through verified presentations. */
  public IntSet verifiedCredentials() {
    List<Integer> held = new ArrayList<>();
    verified.forEach(v -> v.achievements().stream().filter(MappedAchievement::inCatalog)
        .forEach(a -> held.add(a.credential())));
    return IntSet.of(held);
  }

  /** Competencies held through verified achievements the catalog does not know. */
  public IntSet verifiedCompetencies() {
    IntSet all = IntSet.empty();
    for (VerifiedHolding v : verified) {
      for (MappedAchievement a : v.achievements()) {
        all = all.union(a.competencies());
      }
    }
    return all;
  }

  /** Sorts the checks into verified (mapped onto {@code snapshot}) and refused. */
  static LearnerHoldings of(CatalogSnapshot snapshot, IntSet declaredCredentials, IntSet declaredCompetencies,
      List<CredentialCheck> checks) {
    List<VerifiedHolding> verified = new ArrayList<>();
    List<CredentialCheck> refused = new ArrayList<>();
    for (CredentialCheck check : checks) {
      if (!check.verified()) {
        refused.add(check);
        continue;
      }
      verified.add(new VerifiedHolding(check, check.achievements().stream().map(a -> map(snapshot, a)).toList()));
    }
    return new LearnerHoldings(declaredCredentials, declaredCompetencies, verified, refused);
  }

  private static MappedAchievement map(CatalogSnapshot snapshot, CredentialCheck.Achievement achievement) {
    Optional<Credential> known = byIri(snapshot, achievement.id());
    for (String identifier : achievement.identifiers()) {
      known = known.or(() -> byIri(snapshot, identifier));
    }
    if (known.isPresent()) {
      return new MappedAchievement(achievement, known.get().index(), IntSet.empty(), List.of());
    }
    List<Integer> competencies = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String target : achievement.alignments()) {
      Optional<Competency> competency = snapshot.findCompetency(target).filter(c -> c.iri().equals(target));
      competency.ifPresentOrElse(c -> competencies.add(c.index()), () -> unknown.add(target));
    }
    return new MappedAchievement(achievement, -1, IntSet.of(competencies), unknown);
  }

  /** Only a full IRI match: a short id could name another issuer's credential of the same slug. */
  private static Optional<Credential> byIri(CatalogSnapshot snapshot, String iri) {
    return snapshot.findCredential(iri).filter(c -> c.iri().equals(iri));
  }
}
