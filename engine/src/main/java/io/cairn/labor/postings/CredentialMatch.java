package io.cairn.labor.postings;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The credentials of the catalog that evidence a posting's skills: each ranked by how much of the posting it
 * covers (essential skills first, each skill weighted by its labor-market demand), and a small set of credentials
 * that together cover what can be covered, chosen greedily (the credential adding the most uncovered weight
 * first, the cheaper and shorter on ties); with a learner, which skills their holdings already show, and the set
 * covers only the missing ones.
 *
 * @param wanted the posting's skills, essential first
 * @param ranked credentials covering at least one wanted skill, best first, at most the limit asked
 * @param coveringSet the greedy covering set, in the order chosen
 * @param held wanted skills the learner's holdings show (empty without a learner)
 * @param missing wanted skills they do not show (every wanted skill without a learner)
 * @param uncoverable missing skills no credential of the catalog teaches
 */
public record CredentialMatch(List<Wanted> wanted, List<Coverage> ranked, List<Coverage> coveringSet, IntSet held,
    IntSet missing, IntSet uncoverable) {

  /**
   * A skill the posting asks for.
   *
   * @param weight (2 when essential, else 1) × (1 + the skill's demand index in [0, 1])
   */
  public record Wanted(int competency, boolean essential, double weight) {}

  /**
   * What one credential covers of the posting.
   *
   * @param covered the wanted skills it teaches (in the covering set: those it adds)
   * @param essential how many of them are essential
   * @param weight their summed weight
   * @param share their weight over all wanted skills' weight
   */
  public record Coverage(int credential, IntSet covered, int essential, double weight, double share) {}

  /** The wanted skills: {@code essential} ones are weighted double, every one by its demand. */
  public static List<Wanted> wanted(CatalogSnapshot snapshot, IntSet essential, IntSet other) {
    List<Wanted> wanted = new ArrayList<>();
    essential.stream().forEach(c -> wanted.add(new Wanted(c, true, 2 * (1 + snapshot.competency(c).demandIndex()))));
    other.minus(essential).stream().forEach(c -> wanted.add(
        new Wanted(c, false, 1 + snapshot.competency(c).demandIndex())));
    return wanted;
  }

  /** Matches the catalog of {@code snapshot} to {@code wanted}, for a learner holding {@code heldSkills}. */
  public static CredentialMatch of(CatalogSnapshot snapshot, List<Wanted> wanted, IntSet heldSkills, int limit) {
    double[] weight = new double[snapshot.competencies().size()];
    boolean[] essential = new boolean[weight.length];
    double total = 0;
    for (Wanted w : wanted) {
      weight[w.competency()] = w.weight();
      essential[w.competency()] = w.essential();
      total += w.weight();
    }
    IntSet all = IntSet.of(wanted.stream().map(Wanted::competency).toList());
    IntSet held = all.intersect(heldSkills);
    IntSet missing = all.minus(held);
    Set<Integer> candidates = new HashSet<>();
    all.stream().forEach(c -> snapshot.taughtBy(c).stream().forEach(candidates::add));
    List<Coverage> ranked = new ArrayList<>();
    for (int credential : candidates) {
      ranked.add(coverage(snapshot, credential, all, weight, essential, total));
    }
    Comparator<Coverage> order = Comparator.comparingInt(Coverage::essential).reversed()
        .thenComparing(Comparator.comparingDouble(Coverage::weight).reversed())
        .thenComparing(c -> cheaper(snapshot, c.credential()));
    ranked.sort(order);

    List<Coverage> chosen = new ArrayList<>();
    IntSet left = missing;
    while (!left.isEmpty()) {
      Coverage best = null;
      for (int credential : candidates) {
        Coverage c = coverage(snapshot, credential, left, weight, essential, total);
        if (c.weight() > 0 && (best == null || c.weight() > best.weight()
            || c.weight() == best.weight() && cheaper(snapshot, credential).compareTo(cheaper(snapshot,
                best.credential())) < 0)) {
          best = c;
        }
      }
      if (best == null) {
        break;
      }
      chosen.add(best);
      left = left.minus(best.covered());
    }
    return new CredentialMatch(wanted, ranked.subList(0, Math.min(limit, ranked.size())), chosen, held, missing,
        left);
  }

  private static Coverage coverage(CatalogSnapshot snapshot, int credential, IntSet wanted, double[] weight,
      boolean[] essential, double total) {
    IntSet covered = snapshot.credential(credential).teaches().intersect(wanted);
    double w = covered.stream().mapToDouble(c -> weight[c]).sum();
    int e = (int) covered.stream().filter(c -> essential[c]).count();
    return new Coverage(credential, covered, e, w, total == 0 ? 0 : w / total);
  }

  /** Cheaper, then shorter, then the lower index: how ties are broken. */
  private static CostKey cheaper(CatalogSnapshot snapshot, int credential) {
    Credential c = snapshot.credential(credential);
    return new CostKey(c.cost(), c.hours(), credential);
  }

  private record CostKey(double cost, double hours, int index) implements Comparable<CostKey> {
    @Override
    public int compareTo(CostKey o) {
      return Comparator.comparingDouble(CostKey::cost).thenComparingDouble(CostKey::hours)
          .thenComparingInt(CostKey::index).compare(this, o);
    }
  }
}
