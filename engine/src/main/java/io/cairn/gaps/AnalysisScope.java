package io.cairn.gaps;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Issuer;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.Requirement;
import java.util.BitSet;

/**
 * The credentials a designer's analysis looks at: the whole catalog, one issuer's, or one pathway's.
 *
 * <p>A pathway's credentials are those its requirement trees name (credential requirements and the credentials
 * its destinations award) and those that teach one of its skills as {@link CoverageAnalysis#of(CatalogSnapshot,
 * Pathway)} lists them (the competencies its trees name and the skills of the occupation it prepares for), taught
 * directly or through a narrower concept.
 *
 * @param kind what the scope is
 * @param id the issuer's or pathway's id; {@code catalog} for the whole catalog
 * @param label its name, for people
 * @param credentials dense indices of the credentials in scope
 */
public record AnalysisScope(Kind kind, String id, String label, IntSet credentials) {

  /** What a scope covers. */
  public enum Kind {
    CATALOG, ISSUER, PATHWAY;

    /** The word the API uses: {@code catalog}, {@code issuer}, {@code pathway}. */
    public String apiName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Every credential of the catalog. */
  public static AnalysisScope catalog(CatalogSnapshot snapshot) {
    BitSet all = new BitSet();
    all.set(0, snapshot.credentials().size());
    return new AnalysisScope(Kind.CATALOG, "catalog", "the whole catalog", IntSet.of(all));
  }

  /** The credentials {@code issuer} awards. */
  public static AnalysisScope issuer(CatalogSnapshot snapshot, Issuer issuer) {
    BitSet mine = new BitSet();
    for (Credential c : snapshot.credentials()) {
      if (c.issuer() == issuer.index()) {
        mine.set(c.index());
      }
    }
    return new AnalysisScope(Kind.ISSUER, issuer.id(), issuer.name(), IntSet.of(mine));
  }

  /** The credentials {@code pathway} names or that teach its skills (see the type's description). */
  public static AnalysisScope pathway(CatalogSnapshot snapshot, Pathway pathway) {
    IntSet teaching = CoverageAnalysis.teachingAny(CoverageAnalysis.of(snapshot, pathway));
    return new AnalysisScope(Kind.PATHWAY, pathway.id(), pathway.name(), namedBy(pathway).union(teaching));
  }

  /** The credentials {@code pathway} names: those its destinations award and its credential requirements. */
  public static IntSet namedBy(Pathway pathway) {
    BitSet named = new BitSet();
    pathway.destinations().forEach(d -> {
      if (d.credential() >= 0) {
        named.set(d.credential());
      }
      addNamed(d.requirement(), named);
    });
    return IntSet.of(named);
  }

  private static void addNamed(Requirement requirement, BitSet named) {
    switch (requirement) {
      case Requirement.Condition c -> c.children().forEach(child -> addNamed(child, named));
      case Requirement.CredentialLeaf leaf -> named.set(leaf.credential());
      case Requirement.CompetencyLeaf ignored -> {
        // its teachers come in through the coverage report
      }
    }
  }

  /** True when {@code credential} is in scope. */
  public boolean contains(int credential) {
    return credentials.contains(credential);
  }
}
