package io.cairn.graph;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Credential;
import io.cairn.catalog.CredentialKind;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.Destination;
import io.cairn.catalog.EscoCollection;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Issuer;
import io.cairn.catalog.Occupation;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.Requirement;
import io.cairn.catalog.StackLink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;

/** Compiles a {@link CatalogSnapshot} from the graph with the {@code .rq} queries, in read transactions. */
final class SnapshotCompiler {
  /**
   * Every query a compile runs, by name ({@link #select} refuses any other): their texts are part of what a
   * persisted snapshot is keyed on (see {@link #fingerprint}).
   */
  static final List<String> QUERIES = List.of("competencies", "competency-alt-labels", "competency-broader",
      "competency-demand", "competency-hidden-labels", "competency-labels", "competency-matches",
      "competency-schemes", "credential-facts", "credential-outcomes", "credential-prerequisites",
      "credential-stacking", "credential-types", "issuers", "occupation-labels", "occupation-skills", "occupations",
      "pathway-destinations", "pathways", "requirement-children", "requirement-nodes");
  private static final Set<String> QUERY_SET = Set.copyOf(QUERIES);
  private final Clock clock;

  SnapshotCompiler(Clock clock) {
    this.clock = clock;
  }

  /**
   * Compiles the store's current content. The credentials are read in a second read transaction beside the
   * competencies and occupations (the two halves take about as long, and the machine has more than one core);
   * should a write commit between the transactions, the halves disagree on the store version and the compile
   * starts again.
   */
  CatalogSnapshot compile(GraphStore store) {
    while (true) {
      SideTask<Read<CredentialRows>> credentialSide = SideTask.start("snapshot-credentials",
          () -> store.query(sparql -> new Read<>(store.version(), CredentialRows.read(sparql))));
      Read<Concepts> concepts;
      Read<CredentialRows> credentialRows;
      try {
        concepts = store.query(sparql -> new Read<>(store.version(), concepts(sparql)));
      } finally {
        credentialRows = credentialSide.join();
      }
      if (credentialRows.version() != concepts.version()) {
        continue;
      }
      Concepts c = concepts.value();
      Map<String, Integer> credentialIndex = new HashMap<>();
      List<Credential> credentials = credentials(credentialRows.value(), c.matches(), c.issuerIndex(),
          credentialIndex);
      Read<List<Pathway>> pathways = store.query(sparql -> new Read<>(store.version(),
          pathways(sparql, c.matches(), credentialIndex, c.occupationIndex())));
      if (pathways.version() != concepts.version()) {
        continue;
      }
      return new CatalogSnapshot(concepts.version(), clock.instant(), c.competencies(), c.occupations(), credentials,
          c.issuers(), pathways.value(), c.broader());
    }
  }

  /**
   * Compiles what {@code view} holds, as of store version {@code version}: a view in memory that no commit can
   * move (the store as an import will leave it, read before the import commits), so one thread reads it all.
   */
  CatalogSnapshot compile(Sparql view, long version) {
    Concepts c = concepts(view);
    Map<String, Integer> credentialIndex = new HashMap<>();
    List<Credential> credentials = credentials(CredentialRows.read(view), c.matches(), c.issuerIndex(),
        credentialIndex);
    List<Pathway> pathways = pathways(view, c.matches(), credentialIndex, c.occupationIndex());
    return new CatalogSnapshot(version, clock.instant(), c.competencies(), c.occupations(), credentials,
        c.issuers(), pathways, c.broader());
  }

  /**
   * SHA-256 of what turns the store's triples into a snapshot, other than the triples: the codec's format
   * version, the texts of the {@link #QUERIES}, and the class files of the compiler, the row readers it uses and
   * the codec (with their nested classes). A Cairn whose compile could give another snapshot from the same store
   * has another fingerprint, so it never loads a snapshot persisted by this one.
   */
  static byte[] fingerprint() {
    java.security.MessageDigest sha = sha256();
    sha.update(java.nio.ByteBuffer.allocate(4).putInt(io.cairn.catalog.SnapshotCodec.FORMAT_VERSION).array());
    for (String query : QUERIES) {
      sha.update(query.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update(SparqlQueries.text("io/cairn/graph/queries/" + query + ".rq")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    for (Class<?> host : List.of(SnapshotCompiler.class, CredentialRows.class, CompetencyMatches.class,
        io.cairn.catalog.SnapshotCodec.class)) {
      for (Class<?> c : host.getNestMembers()) {
        String resource = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
        try (java.io.InputStream in = c.getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalStateException("cannot read the class file of " + c.getName());
          }
          sha.update(in.readAllBytes());
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    return sha.digest();
  }

  static java.security.MessageDigest sha256() {
    try {
      return java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** What one read transaction saw, and the store version it saw it at. */
  private record Read<T>(long version, T value) {}

  /** The competencies, occupations and issuers with their IRI-to-index maps. */
  private record Concepts(List<Competency> competencies, Map<String, Integer> competencyIndex, List<IntSet> broader,
      List<Occupation> occupations, Map<String, Integer> occupationIndex, List<Issuer> issuers,
      Map<String, Integer> issuerIndex, CompetencyMatches matches) {}

  private static Concepts concepts(Sparql graph) {
    Map<String, Integer> competencyIndex = new HashMap<>();
    List<Competency> competencies = competencies(graph, competencyIndex);
    List<IntSet> broader = broader(graph, competencyIndex, competencies.size());
    Map<String, Integer> occupationIndex = new HashMap<>();
    List<Occupation> occupations = occupations(graph, competencyIndex, occupationIndex);
    Map<String, Integer> issuerIndex = new HashMap<>();
    List<Issuer> issuers = issuers(graph, issuerIndex);
    return new Concepts(competencies, competencyIndex, broader, occupations, occupationIndex, issuers, issuerIndex,
        CompetencyMatches.read(graph, competencyIndex));
  }

  // ---------------- competencies ----------------

  private static List<Competency> competencies(Sparql graph, Map<String, Integer> index) {
    Map<String, List<String>> altLabels = new HashMap<>();
    select(graph, "competency-alt-labels", row ->
        altLabels.computeIfAbsent(uri(row, "concept"), k -> new ArrayList<>()).add(text(row, "label")));
    Map<String, List<String>> hiddenLabels = new HashMap<>();
    select(graph, "competency-hidden-labels", row ->
        hiddenLabels.computeIfAbsent(uri(row, "concept"), k -> new ArrayList<>()).add(text(row, "label")));
    Map<String, Set<EscoCollection>> collections = new HashMap<>();
    select(graph, "competency-schemes", row -> EscoCollection.forScheme(uri(row, "scheme")).ifPresent(c ->
        collections.computeIfAbsent(uri(row, "concept"), k -> new HashSet<>()).add(c)));
    // the preferred label: English (or untagged) over other languages, then the smallest, so it is deterministic
    Map<String, String> labels = new HashMap<>();
    Map<String, Boolean> english = new HashMap<>();
    select(graph, "competency-labels", row -> {
      String iri = uri(row, "concept");
      String lang = row.getLiteral("label").getLanguage();
      boolean en = lang.isEmpty() || lang.toLowerCase(java.util.Locale.ROOT).startsWith("en");
      String label = text(row, "label");
      String old = labels.get(iri);
      boolean oldEn = english.getOrDefault(iri, false);
      if (old == null || (en && !oldEn) || (en == oldEn && label.compareTo(old) < 0)) {
        labels.put(iri, label);
        english.put(iri, en);
      }
    });
    Map<String, QuerySolution> demand = new HashMap<>();
    select(graph, "competency-demand", row -> demand.merge(uri(row, "concept"), row,
        (a, b) -> number(a, "demandIndex") >= number(b, "demandIndex") ? a : b));
    // one row per type, skill type and reuse level: a concept is a competency when typed, and keeps its smallest
    // skill type and reuse level (a skill is typed a skill rather than a group should it be both)
    Map<String, Boolean> isGroup = new HashMap<>();
    Map<String, String> skillTypes = new HashMap<>();
    Map<String, String> reuseLevels = new HashMap<>();
    select(graph, "competencies", row -> {
      String iri = uri(row, "concept");
      if (row.contains("isGroup")) {
        isGroup.merge(iri, row.getLiteral("isGroup").getBoolean(), Boolean::logicalAnd);
      } else if (row.contains("skillType")) {
        skillTypes.merge(iri, uri(row, "skillType"), SnapshotCompiler::smaller);
      } else if (row.contains("reuseLevel")) {
        reuseLevels.merge(iri, uri(row, "reuseLevel"), SnapshotCompiler::smaller);
      }
    });
    List<String> concepts = new ArrayList<>(isGroup.keySet());
    concepts.sort(java.util.Comparator.naturalOrder());
    List<Competency> result = new ArrayList<>();
    for (String iri : concepts) {
      String skillType = isGroup.get(iri) ? "skill-group" : lastSegment(skillTypes.getOrDefault(iri, ""));
      QuerySolution d = demand.get(iri);
      int i = result.size();
      index.put(iri, i);
      result.add(new Competency(i, iri, lastSegment(iri), labels.getOrDefault(iri, lastSegment(iri)),
          sorted(altLabels.get(iri)), skillType, lastSegment(reuseLevels.getOrDefault(iri, "")),
          d == null ? 0 : number(d, "demandIndex"), d == null ? 0 : (long) number(d, "postingCount"),
          d == null ? "" : uri(d, "demandSource"), sorted(hiddenLabels.get(iri)),
          collections.getOrDefault(iri, Set.of())));
    }
    return result;
  }

  private static String smaller(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static List<IntSet> broader(Sparql graph, Map<String, Integer> index, int size) {
    List<List<Integer>> edges = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      edges.add(new ArrayList<>());
    }
    select(graph, "competency-broader", row -> {
      Integer child = index.get(uri(row, "concept"));
      Integer parent = index.get(uri(row, "broader"));
      if (child != null && parent != null && !child.equals(parent)) {
        edges.get(child).add(parent);
      }
    });
    return edges.stream().map(IntSet::of).toList();
  }

  // ---------------- occupations and issuers ----------------

  private static List<Occupation> occupations(
      Sparql graph, Map<String, Integer> competencyIndex, Map<String, Integer> index) {
    Map<String, List<Integer>> essential = new HashMap<>();
    Map<String, List<Integer>> optional = new HashMap<>();
    select(graph, "occupation-skills", row -> {
      Integer skill = competencyIndex.get(uri(row, "skill"));
      if (skill != null) {
        boolean isEssential = row.getLiteral("essential").getBoolean();
        (isEssential ? essential : optional).computeIfAbsent(uri(row, "occupation"), k -> new ArrayList<>()).add(skill);
      }
    });
    Map<String, List<String>> altLabels = new HashMap<>();
    Map<String, List<String>> hiddenLabels = new HashMap<>();
    select(graph, "occupation-labels", row -> (row.getLiteral("hidden").getBoolean() ? hiddenLabels : altLabels)
        .computeIfAbsent(uri(row, "occupation"), k -> new ArrayList<>()).add(text(row, "label")));
    List<Occupation> result = new ArrayList<>();
    selectSorted(graph, "occupations", by("occupation"), row -> {
      String iri = uri(row, "occupation");
      String label = text(row, "enLabel").isEmpty() ? text(row, "anyLabel") : text(row, "enLabel");
      String isco = lastSegment(uri(row, "iscoGroup"));
      int i = result.size();
      index.put(iri, i);
      IntSet ess = IntSet.of(essential.getOrDefault(iri, List.of()));
      // a skill both essential and optional is essential
      IntSet opt = IntSet.of(optional.getOrDefault(iri, List.of())).minus(ess);
      result.add(new Occupation(i, iri, lastSegment(iri), label, isco.startsWith("C") ? isco.substring(1) : isco,
          ess, opt, sorted(altLabels.get(iri)), sorted(hiddenLabels.get(iri))));
    });
    return result;
  }

  private static List<Issuer> issuers(Sparql graph, Map<String, Integer> index) {
    List<Issuer> result = new ArrayList<>();
    selectSorted(graph, "issuers", by("issuer"), row -> {
      String iri = uri(row, "issuer");
      int i = result.size();
      index.put(iri, i);
      result.add(new Issuer(i, iri, lastSegment(iri), text(row, "issuerName")));
    });
    return result;
  }

  // ---------------- credentials ----------------

  private static List<Credential> credentials(
      CredentialRows rows,
      CompetencyMatches competencies,
      Map<String, Integer> issuerIndex,
      Map<String, Integer> index) {
    List<String> iris = rows.credentials();
    for (String iri : iris) {
      index.put(iri, index.size());
    }
    List<Credential> result = new ArrayList<>();
    for (String iri : iris) {
      double ects = parseNumber(text(rows.fact(iri, "ects")));
      Map<Integer, Double> stacks = new java.util.TreeMap<>();
      for (CredentialRows.Stack stack : rows.stacks.getOrDefault(iri, List.of())) {
        Integer whole = index.get(stack.whole());
        if (whole != null) {
          stacks.merge(whole, stack.credits(), (a, b) -> Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b));
        }
      }
      List<StackLink> links = new ArrayList<>();
      stacks.forEach((whole, credits) -> links.add(new StackLink(whole, Double.isNaN(credits) ? ects : credits)));
      Integer issuer = issuerIndex.get(uri(rows.fact(iri, "issuer")));
      String currency = text(rows.currency.get(iri));
      result.add(new Credential(
          result.size(), iri, lastSegment(iri), text(rows.fact(iri, "name")), text(rows.fact(iri, "description")),
          kind(rows.types.getOrDefault(iri, Set.of())), text(rows.fact(iri, "achievementType")),
          issuer == null ? -1 : issuer,
          hours(text(rows.fact(iri, "volume"))), ects, eqf(uri(rows.fact(iri, "eqf"))),
          DeliveryMode.fromElmIri(uri(rows.fact(iri, "mode"))), number(rows.fact(iri, "price")),
          currency.isEmpty() ? "EUR" : currency,
          competencies.all(rows.teaches.get(iri)),
          indices(rows.requiredCredentials.get(iri), index),
          competencies.all(rows.requiredSkills.get(iri)),
          links, unknownFacts(rows.fact(iri, "volume"), rows.fact(iri, "price"))));
    }
    return result;
  }

  /** The indices of the IRIs that have one. */
  private static IntSet indices(List<String> iris, Map<String, Integer> index) {
    if (iris == null) {
      return IntSet.of();
    }
    List<Integer> found = new ArrayList<>(iris.size());
    for (String iri : iris) {
      Integer i = index.get(iri);
      if (i != null) {
        found.add(i);
      }
    }
    return IntSet.of(found);
  }

  static CredentialKind kind(Set<String> types) {
    Set<String> local = new HashSet<>();
    types.forEach(t -> local.add(lastSegment(t)));
    if (local.stream().anyMatch(t -> t.endsWith("Degree") && !t.equals("Nanodegree"))) {
      return CredentialKind.DEGREE;
    }
    if (local.contains("Nanodegree")) {
      return CredentialKind.NANODEGREE;
    }
    if (local.contains("MicroCredential")) {
      return CredentialKind.MICRO_CREDENTIAL;
    }
    if (local.contains("OpenBadge") || local.contains("DigitalBadge") || local.contains("Badge")) {
      return CredentialKind.BADGE;
    }
    if (local.stream().anyMatch(t -> t.endsWith("Certificate") || t.equals("Certification"))) {
      return CredentialKind.CERTIFICATE;
    }
    // an ELM qualification is a degree unless a CTDL class says what else it is (an EU micro-credential, say)
    return local.contains("Qualification") ? CredentialKind.DEGREE : CredentialKind.OTHER;
  }

  /** Days, hours (decimals allowed) and minutes of an ELM workload, as the shapes allow them: P2DT7.5H30M. */
  private static final java.util.regex.Pattern WORKLOAD =
      java.util.regex.Pattern.compile("P(?:(\\d+)D)?(?:T(?:(\\d+(?:\\.\\d+)?)H)?(?:(\\d+)M)?)?");

  /**
   * The hours of a workload ({@code PT40H}, {@code PT1.5H}, {@code P2D} = 48); 0 for anything else. Parsed here
   * rather than by {@link java.time.Duration}, which takes no decimal hours.
   */
  /** The facts a credential's description leaves out: no workload, or no price. */
  private static Set<Credential.Fact> unknownFacts(RDFNode volume, RDFNode price) {
    Set<Credential.Fact> unknown = java.util.EnumSet.noneOf(Credential.Fact.class);
    if (volume == null) {
      unknown.add(Credential.Fact.WORKLOAD);
    }
    if (price == null) {
      unknown.add(Credential.Fact.COST);
    }
    return unknown;
  }

  static double hours(String duration) {
    java.util.regex.Matcher m = WORKLOAD.matcher(duration.strip());
    if (duration.isBlank() || !m.matches()) {
      return 0;
    }
    double hours = (m.group(1) == null ? 0 : Double.parseDouble(m.group(1)) * 24)
        + (m.group(2) == null ? 0 : Double.parseDouble(m.group(2)))
        + (m.group(3) == null ? 0 : Double.parseDouble(m.group(3)) / 60);
    return Double.isFinite(hours) ? hours : 0;
  }

  private static int eqf(String iri) {
    String last = lastSegment(iri);
    return last.matches("[1-8]") ? Integer.parseInt(last) : 0;
  }

  // ---------------- pathways ----------------

  private record NodeRow(String iri, String kind, String name, String proxyFor, int requiredNumber,
      double minimumCredits, boolean shared, String condition) {}

  private static List<Pathway> pathways(
      Sparql graph,
      CompetencyMatches competencies,
      Map<String, Integer> credentialIndex,
      Map<String, Integer> occupationIndex) {
    Map<String, NodeRow> nodes = new HashMap<>();
    select(graph, "requirement-nodes", row -> {
      String iri = uri(row, "node");
      nodes.putIfAbsent(iri, new NodeRow(iri, text(row, "kind"), text(row, "name"), uri(row, "proxyFor"),
          (int) number(row, "requiredNumber"), number(row, "minimumCredits"),
          row.contains("allowsDoubleCounting") && row.getLiteral("allowsDoubleCounting").getBoolean(),
          uri(row, "condition")));
    });
    Map<String, List<String>> children = new LinkedHashMap<>();
    selectSorted(graph, "requirement-children", by("parent", "position", "child"), row ->
        children.computeIfAbsent(uri(row, "parent"), k -> new ArrayList<>()).add(uri(row, "child")));
    Map<String, List<String[]>> destinations = new LinkedHashMap<>();
    selectSorted(graph, "pathway-destinations", by("pathway", "destination"), row -> destinations.computeIfAbsent(uri(row, "pathway"),
        k -> new ArrayList<>()).add(new String[] {uri(row, "destination"),
            Boolean.toString(row.getLiteral("offRamp").getBoolean())}));
    TreeBuilder trees = new TreeBuilder(nodes, children, competencies, credentialIndex);
    List<Pathway> result = new ArrayList<>();
    selectSorted(graph, "pathways", by("pathway"), row -> {
      String iri = uri(row, "pathway");
      List<Destination> dests = new ArrayList<>();
      for (String[] d : destinations.getOrDefault(iri, List.of())) {
        NodeRow component = nodes.get(d[0]);
        if (component == null) {
          continue;
        }
        Integer credential = credentialIndex.get(component.proxyFor());
        Requirement tree = component.condition().isEmpty()
            ? trees.leaf(component)
            : trees.build(component.condition(), new HashSet<>(), new int[1], 0);
        dests.add(new Destination(component.iri(), lastSegment(component.iri()), component.name(),
            credential == null ? -1 : credential, Boolean.parseBoolean(d[1]), tree));
      }
      Integer occupation = occupationIndex.get(uri(row, "goalOccupation"));
      result.add(new Pathway(result.size(), iri, lastSegment(iri), text(row, "name"), text(row, "description"),
          dests, occupation == null ? -1 : occupation));
    });
    return result;
  }

  /** Turns the condition and component rows into {@link Requirement} trees. */
  private record TreeBuilder(
      Map<String, NodeRow> nodes,
      Map<String, List<String>> children,
      CompetencyMatches competencies,
      Map<String, Integer> credentialIndex) {

    /**
     * The tree under condition {@code iri}. Recursive, but never deeper than {@link Requirement#MAX_NESTING}
     * conditions nor larger than {@link Requirement#MAX_TREE_SIZE} requirements ({@code built} counts them):
     * the store refuses such trees and cycles, so any here means a store edited behind Cairn's back, and it is
     * refused with a message rather than a stack overflow or an exponential expansion. {@code depth} counts the
     * conditions above this one, not the group components between them, as the store's check does.
     */
    Requirement build(String iri, Set<String> path, int[] built, int depth) {
      NodeRow node = nodes.get(iri);
      if (node == null || !path.add(iri)) {
        throw new IllegalStateException("requirement " + iri + " is missing or part of a cycle");
      }
      if (++built[0] > Requirement.MAX_TREE_SIZE) {
        throw new IllegalStateException("the requirement tree holding " + iri + " spells out to more than "
            + Requirement.MAX_TREE_SIZE + " requirements, which the store refuses on load; reload its pathway");
      }
      try {
        if (node.kind().equals("group")) {
          // a group component (ceterms:BasicComponent) is completed by its one condition
          return build(node.condition(), path, built, depth);
        }
        if (!node.kind().equals("condition")) {
          return leaf(node);
        }
        if (depth + 1 > Requirement.MAX_NESTING) {
          throw new IllegalStateException("requirement " + iri + " nests conditions deeper than "
              + Requirement.MAX_NESTING + ", which the store refuses on load; reload the pathway that holds it");
        }
        List<Requirement> kids = new ArrayList<>();
        for (String child : children.getOrDefault(iri, List.of())) {
          kids.add(build(child, path, built, depth + 1));
        }
        Requirement.Rule rule = node.minimumCredits() > 0 ? Requirement.Rule.MINIMUM_CREDITS
            : node.requiredNumber() > 0 ? Requirement.Rule.AT_LEAST : Requirement.Rule.ALL_OF;
        int required = rule == Requirement.Rule.AT_LEAST ? node.requiredNumber() : kids.size();
        return new Requirement.Condition(iri, lastSegment(iri), node.name(), rule, required,
            node.minimumCredits(), node.shared(), kids);
      } finally {
        path.remove(iri);
      }
    }

    Requirement leaf(NodeRow node) {
      if (node.kind().equals("competency")) {
        Integer k = competencies.one(node.proxyFor());
        if (k == null) {
          throw new IllegalStateException("component " + node.iri() + " names unknown competency " + node.proxyFor());
        }
        return new Requirement.CompetencyLeaf(node.iri(), lastSegment(node.iri()), node.name(), k);
      }
      Integer c = credentialIndex.get(node.proxyFor());
      if (c == null) {
        throw new IllegalStateException("component " + node.iri() + " names unknown credential " + node.proxyFor());
      }
      return new Requirement.CredentialLeaf(node.iri(), lastSegment(node.iri()), node.name(), c);
    }
  }

  // ---------------- helpers over result rows ----------------

  /**
   * Like {@link #select} with the rows in {@code order}: dense indices must not depend on how the store
   * happens to iterate, and sorting here is far cheaper than an ORDER BY over grouped results.
   */
  private static void selectSorted(Sparql graph, String query, java.util.Comparator<QuerySolution> order,
      Consumer<QuerySolution> consumer) {
    List<QuerySolution> rows = new ArrayList<>();
    select(graph, query, rows::add);
    rows.sort(order);
    rows.forEach(consumer);
  }

  /** Numbers numerically (unbound first), everything else as text. */
  static final java.util.Comparator<RDFNode> NODE_ORDER = (x, y) -> {
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : -1) : 1;
    }
    if (x.isLiteral() && y.isLiteral() && x.asLiteral().getValue() instanceof Number m
        && y.asLiteral().getValue() instanceof Number n) {
      return Double.compare(m.doubleValue(), n.doubleValue());
    }
    return x.toString().compareTo(y.toString());
  };

  /** Orders rows by the given variables in turn, each by {@link #NODE_ORDER}. */
  private static java.util.Comparator<QuerySolution> by(String... vars) {
    java.util.Comparator<QuerySolution> order = (a, b) -> 0;
    for (String var : vars) {
      order = order.thenComparing((a, b) -> NODE_ORDER.compare(a.get(var), b.get(var)));
    }
    return order;
  }

  private static List<String> sorted(List<String> labels) {
    return labels == null ? List.of() : labels.stream().sorted().toList();
  }

  static void select(Sparql graph, String query, Consumer<QuerySolution> consumer) {
    if (!QUERY_SET.contains(query)) {
      throw new IllegalStateException("query " + query + " is not in SnapshotCompiler.QUERIES");
    }
    try (QueryExecution exec = graph.execute(SparqlQueries.get(query))) {
      ResultSet results = exec.execSelect();
      while (results.hasNext()) {
        consumer.accept(results.next());
      }
    }
  }

  static String uri(QuerySolution row, String var) {
    return uri(row.get(var));
  }

  private static String uri(RDFNode node) {
    return node != null && node.isURIResource() ? node.asResource().getURI() : "";
  }

  private static String text(QuerySolution row, String var) {
    return text(row.get(var));
  }

  private static String text(RDFNode node) {
    if (node == null) {
      return "";
    }
    return node.isLiteral() ? node.asLiteral().getLexicalForm().strip() : node.toString();
  }

  static double number(QuerySolution row, String var) {
    return number(row.get(var));
  }

  private static double number(RDFNode node) {
    if (node == null || !node.isLiteral()) {
      return 0;
    }
    Literal literal = node.asLiteral();
    Object value = literal.getValue();
    return value instanceof Number n ? n.doubleValue() : parseNumber(literal.getLexicalForm());
  }

  private static double parseNumber(String text) {
    try {
      return text.isBlank() ? 0 : Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static String lastSegment(String iri) {
    if (iri == null || iri.isEmpty()) {
      return "";
    }
    int cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#'));
    return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
  }
}
