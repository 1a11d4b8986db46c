package io.cairn.catalog;

import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, int-indexed view of the catalog compiled from the graph. The recommender and the audit run on
 * it, never on per-request SPARQL. Entities are looked up by short id (last IRI segment) or by full IRI.
 *
 * <p>Thread-safe: nothing in it changes after construction.
 */
public final class CatalogSnapshot {
  /** Up to this many held credentials, what they teach is merged set by set rather than through a bit set. */
  private static final int SMALL_HOLDINGS = 8;
  private final long version;
  private final Instant builtAt;
  private final List<Competency> competencies;
  private final List<Occupation> occupations;
  private final List<Credential> credentials;
  private final List<Issuer> issuers;
  private final List<Pathway> pathways;
  private final IntSet[] broader;
  private final IntSet[] narrower;
  private final IntSet[] ancestors;
  private final IntSet[] taughtBy;
  // what a credential covers: what it teaches and every concept broader than that; and its inverse
  private final IntSet[] covers;
  private final IntSet[] coveredBy;
  private final IntSet[] stackedFrom;
  private final IntSet[] stackClosureUp;
  private final IntSet[] stackClosureDown;
  private final IntSet[] unlocks;
  private final CredentialFacts facts;
  private final BitSet taughtWithoutPrerequisites;
  private final Map<String, Integer> competencyKeys;
  private final Map<String, Integer> occupationKeys;
  private final Map<String, Integer> credentialKeys;
  private final Map<String, Integer> issuerKeys;
  private final Map<String, Integer> pathwayKeys;

  /**
   * @param broader for each competency, the competencies directly broader than it (same size as competencies)
   */
  public CatalogSnapshot(
      long version,
      Instant builtAt,
      List<Competency> competencies,
      List<Occupation> occupations,
      List<Credential> credentials,
      List<Issuer> issuers,
      List<Pathway> pathways,
      List<IntSet> broader) {
    this.version = version;
    this.builtAt = builtAt;
    this.competencies = List.copyOf(competencies);
    this.occupations = List.copyOf(occupations);
    this.credentials = List.copyOf(credentials);
    this.issuers = List.copyOf(issuers);
    this.pathways = List.copyOf(pathways);
    checkDense(this.competencies, Competency::index, "competency");
    checkDense(this.occupations, Occupation::index, "occupation");
    checkDense(this.credentials, Credential::index, "credential");
    checkDense(this.issuers, Issuer::index, "issuer");
    checkDense(this.pathways, Pathway::index, "pathway");
    if (broader.size() != competencies.size()) {
      throw new IllegalArgumentException("broader must have one entry per competency");
    }
    int nc = competencies.size();
    this.broader = broader.toArray(IntSet[]::new);
    this.narrower = invert(this.broader, nc);
    this.ancestors = closures(this.broader);
    int nk = credentials.size();
    IntSet[] teaches = new IntSet[nk];
    IntSet[] stacks = new IntSet[nk];
    IntSet[] requires = new IntSet[nk];
    for (Credential c : this.credentials) {
      teaches[c.index()] = c.teaches();
      stacks[c.index()] = IntSet.of(c.stacksInto().stream().mapToInt(StackLink::target).toArray());
      requires[c.index()] = c.requiredCredentials();
    }
    this.taughtBy = invert(teaches, nc);
    this.covers = covering(teaches, ancestors, nc);
    this.coveredBy = invert(covers, nc);
    this.stackedFrom = invert(stacks, nk);
    this.unlocks = invert(requires, nk);
    this.stackClosureUp = closures(stacks);
    this.stackClosureDown = closures(stackedFrom);
    this.facts = new CredentialFacts(this.credentials, stackClosureUp);
    this.taughtWithoutPrerequisites = new BitSet(nc);
    for (int k = 0; k < nc; k++) {
      IntSet teachers = taughtBy[k];
      for (int i = 0; i < teachers.size() && !taughtWithoutPrerequisites.get(k); i++) {
        if (!facts.hasPrerequisites(teachers.get(i))) {
          taughtWithoutPrerequisites.set(k);
        }
      }
    }
    this.competencyKeys = keys(this.competencies, Competency::iri, Competency::id, Competency::index);
    this.occupationKeys = keys(this.occupations, Occupation::iri, Occupation::id, Occupation::index);
    this.credentialKeys = keys(this.credentials, Credential::iri, Credential::id, Credential::index);
    this.issuerKeys = keys(this.issuers, Issuer::iri, Issuer::id, Issuer::index);
    this.pathwayKeys = keys(this.pathways, Pathway::iri, Pathway::id, Pathway::index);
  }

  /** An empty catalog, used before the first build. */
  public static CatalogSnapshot empty() {
    return new CatalogSnapshot(0, Instant.EPOCH, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /** Monotonically increasing version; caches key on it. */
  public long version() {
    return version;
  }

  public Instant builtAt() {
    return builtAt;
  }

  public List<Competency> competencies() {
    return competencies;
  }

  public List<Occupation> occupations() {
    return occupations;
  }

  public List<Credential> credentials() {
    return credentials;
  }

  public List<Issuer> issuers() {
    return issuers;
  }

  public List<Pathway> pathways() {
    return pathways;
  }

  public Competency competency(int index) {
    return competencies.get(index);
  }

  public Occupation occupation(int index) {
    return occupations.get(index);
  }

  public Credential credential(int index) {
    return credentials.get(index);
  }

  public Issuer issuer(int index) {
    return issuers.get(index);
  }

  public Pathway pathway(int index) {
    return pathways.get(index);
  }

  public Optional<Competency> findCompetency(String idOrIri) {
    return find(competencyKeys, idOrIri).map(competencies::get);
  }

  public Optional<Occupation> findOccupation(String idOrIri) {
    return find(occupationKeys, idOrIri).map(occupations::get);
  }

  public Optional<Credential> findCredential(String idOrIri) {
    return find(credentialKeys, idOrIri).map(credentials::get);
  }

  public Optional<Issuer> findIssuer(String idOrIri) {
    return find(issuerKeys, idOrIri).map(issuers::get);
  }

  public Optional<Pathway> findPathway(String idOrIri) {
    return find(pathwayKeys, idOrIri).map(pathways::get);
  }

  /** Competencies directly broader than {@code competency}. */
  public IntSet broader(int competency) {
    return broader[competency];
  }

  /** Competencies directly narrower than {@code competency}. */
  public IntSet narrower(int competency) {
    return narrower[competency];
  }

  /** Every competency above {@code competency} in the hierarchy (transitive, itself excluded). */
  public IntSet ancestors(int competency) {
    return ancestors[competency];
  }

  /** Credentials whose learning outcomes align to {@code competency}. */
  public IntSet taughtBy(int competency) {
    return taughtBy[competency];
  }

  /**
   * Credentials that teach {@code competency} or a concept narrower than it: a broader concept (an ESCO skill group
   * such as ISCED-F 0613, or knowledge with narrower knowledge) is covered through its narrower ones. Equal to
   * {@link #taughtBy} for a concept with nothing narrower.
   */
  public IntSet coveredBy(int competency) {
    return coveredBy[competency];
  }

  /** What {@code credential} covers: what it teaches and every concept broader than that (see {@link #coveredBy}). */
  public IntSet covers(int credential) {
    return covers[credential];
  }

  /** Credentials that stack directly into {@code credential}. */
  public IntSet stackedFrom(int credential) {
    return stackedFrom[credential];
  }

  /** Everything {@code credential} stacks into, transitively. */
  public IntSet stacksIntoClosure(int credential) {
    return stackClosureUp[credential];
  }

  /** Everything that stacks into {@code credential}, transitively. */
  public IntSet stackedFromClosure(int credential) {
    return stackClosureDown[credential];
  }

  /** Credentials that list {@code credential} as a prerequisite. */
  /** True when some credential teaching {@code competency} has no prerequisites, so anyone can take it now. */
  public boolean taughtWithoutPrerequisites(int competency) {
    return taughtWithoutPrerequisites.get(competency);
  }

  /** The credentials' hot facts in flat arrays, for loops over many candidates. */
  public CredentialFacts facts() {
    return facts;
  }

  public IntSet unlocks(int credential) {
    return unlocks[credential];
  }

  /** Competencies held through the given credentials (what their learning outcomes align to). */
  public IntSet competenciesTaughtBy(IntSet heldCredentials) {
    if (heldCredentials.size() <= SMALL_HOLDINGS) {
      // a learner holds a few credentials: merging their sorted sets beats marking the whole competency range
      IntSet taught = IntSet.empty();
      for (int i = 0; i < heldCredentials.size(); i++) {
        taught = taught.union(credentials.get(heldCredentials.get(i)).teaches());
      }
      return taught;
    }
    BitSet bits = new BitSet(competencies.size());
    heldCredentials.stream().forEach(c -> credentials.get(c).teaches().stream().forEach(bits::set));
    return IntSet.of(bits);
  }

  private static Optional<Integer> find(Map<String, Integer> keys, String idOrIri) {
    if (idOrIri == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(keys.get(idOrIri.trim()));
  }

  private static <T> Map<String, Integer> keys(
      List<T> items,
      java.util.function.Function<T, String> iri,
      java.util.function.Function<T, String> id,
      java.util.function.ToIntFunction<T> index) {
    Map<String, Integer> keys = new HashMap<>(items.size() * 4);
    for (T item : items) {
      keys.put(iri.apply(item), index.applyAsInt(item));
    }
    for (T item : items) {
      // an id shared by two IRIs stays ambiguous: such items are reachable by IRI only
      keys.merge(id.apply(item), index.applyAsInt(item), (a, b) -> a.equals(b) ? a : -1);
    }
    keys.values().removeIf(v -> v < 0);
    // not Map.copyOf: copying tens of thousands of keys into another table costs a restart more than it saves
    return java.util.Collections.unmodifiableMap(keys);
  }

  private static <T> void checkDense(List<T> items, java.util.function.ToIntFunction<T> index, String what) {
    for (int i = 0; i < items.size(); i++) {
      if (index.applyAsInt(items.get(i)) != i) {
        throw new IllegalArgumentException(what + " at position " + i + " has index " + index.applyAsInt(items.get(i)));
      }
    }
  }

  /** For each target, the sources whose set holds it (ascending, as the sources are visited in order). */
  private static IntSet[] invert(IntSet[] forward, int targetCount) {
    int[] counts = new int[targetCount];
    for (IntSet targets : forward) {
      for (int i = 0; i < targets.size(); i++) {
        counts[targets.get(i)]++;
      }
    }
    int[][] sources = new int[targetCount][];
    for (int t = 0; t < targetCount; t++) {
      sources[t] = new int[counts[t]];
    }
    int[] filled = new int[targetCount];
    for (int source = 0; source < forward.length; source++) {
      IntSet targets = forward[source];
      for (int i = 0; i < targets.size(); i++) {
        int t = targets.get(i);
        sources[t][filled[t]++] = source;
      }
    }
    IntSet[] result = new IntSet[targetCount];
    for (int t = 0; t < targetCount; t++) {
      result[t] = IntSet.ofSortedDistinct(sources[t]);
    }
    return result;
  }

  /** For each credential, what it teaches and every ancestor of that, merged through one stamp array. */
  private static IntSet[] covering(IntSet[] teaches, IntSet[] ancestors, int nc) {
    IntSet[] result = new IntSet[teaches.length];
    int[] stamp = new int[nc];
    int[] found = new int[64];
    for (int c = 0; c < teaches.length; c++) {
      IntSet taught = teaches[c];
      int count = 0;
      for (int i = 0; i < taught.size(); i++) {
        int k = taught.get(i);
        IntSet above = ancestors[k];
        if (found.length < count + 1 + above.size()) {
          found = java.util.Arrays.copyOf(found, 2 * (count + 1 + above.size()));
        }
        if (stamp[k] != c + 1) {
          stamp[k] = c + 1;
          found[count++] = k;
        }
        for (int j = 0; j < above.size(); j++) {
          int a = above.get(j);
          if (stamp[a] != c + 1) {
            stamp[a] = c + 1;
            found[count++] = a;
          }
        }
      }
      int[] covered = java.util.Arrays.copyOf(found, count);
      java.util.Arrays.sort(covered);
      result[c] = IntSet.ofSortedDistinct(covered);
    }
    return result;
  }

  /**
   * For each node, every node reachable from it along {@code edges} (itself excluded, even on a cycle); one stamp
   * array (a node is seen from {@code start} when it holds {@code start + 1}) and one stack serve every node.
   */
  private static IntSet[] closures(IntSet[] edges) {
    int n = edges.length;
    IntSet[] result = new IntSet[n];
    int[] seen = new int[n];
    int[] stack = new int[16];
    int[] found = new int[16];
    for (int start = 0; start < n; start++) {
      if (edges[start].isEmpty()) {
        result[start] = IntSet.empty();
        continue;
      }
      int top = 0;
      int count = 0;
      stack[top++] = start;
      while (top > 0) {
        IntSet next = edges[stack[--top]];
        for (int i = 0; i < next.size(); i++) {
          int node = next.get(i);
          if (seen[node] != start + 1) {
            seen[node] = start + 1;
            if (count == found.length) {
              found = java.util.Arrays.copyOf(found, 2 * count);
            }
            found[count++] = node;
            if (top == stack.length) {
              stack = java.util.Arrays.copyOf(stack, 2 * top);
            }
            stack[top++] = node;
          }
        }
      }
      int kept = 0;
      for (int i = 0; i < count; i++) {
        if (found[i] != start) {
          found[kept++] = found[i];
        }
      }
      int[] reachable = java.util.Arrays.copyOf(found, kept);
      java.util.Arrays.sort(reachable);
      result[start] = IntSet.ofSortedDistinct(reachable);
    }
    return result;
  }
}
