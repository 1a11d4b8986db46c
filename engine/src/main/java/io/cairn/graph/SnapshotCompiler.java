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

/** Compiles a {@link CatalogSnapshot} from the graph with the {@code .rq} queries, in one read transaction. */
final class SnapshotCompiler {
  private final Clock clock;

  SnapshotCompiler(Clock clock) {
    this.clock = clock;
  }

  CatalogSnapshot compile(Sparql graph, long version) {
    Map<String, Integer> competencyIndex = new HashMap<>();
    List<Competency> competencies = competencies(graph, competencyIndex);
    List<IntSet> broader = broader(graph, competencyIndex, competencies.size());
    Map<String, Integer> occupationIndex = new HashMap<>();
    List<Occupation> occupations = occupations(graph, competencyIndex, occupationIndex);
    Map<String, Integer> issuerIndex = new HashMap<>();
    List<Issuer> issuers = issuers(graph, issuerIndex);
    Map<String, Integer> credentialIndex = new HashMap<>();
    List<Credential> credentials = credentials(graph, competencyIndex, issuerIndex, credentialIndex);
    List<Pathway> pathways = pathways(graph, competencyIndex, credentialIndex, occupationIndex);
    return new CatalogSnapshot(version, clock.instant(), competencies, occupations, credentials, issuers,
        pathways, broader);
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
    List<Competency> result = new ArrayList<>();
    selectSorted(graph, "competencies", by("concept"), row -> {
      String iri = uri(row, "concept");
      if (index.containsKey(iri)) {
        return;
      }
      boolean group = row.getLiteral("isGroup").getBoolean();
      String skillType = group ? "skill-group" : lastSegment(uri(row, "skillType"));
      QuerySolution d = demand.get(iri);
      int i = result.size();
      index.put(iri, i);
      result.add(new Competency(i, iri, lastSegment(iri), labels.getOrDefault(iri, lastSegment(iri)),
          sorted(altLabels.get(iri)), skillType, lastSegment(uri(row, "reuseLevel")),
          d == null ? 0 : number(d, "demandIndex"), d == null ? 0 : (long) number(d, "postingCount"),
          d == null ? "" : uri(d, "demandSource"), sorted(hiddenLabels.get(iri)),
          collections.getOrDefault(iri, Set.of())));
    });
    return result;
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
      Sparql graph,
      Map<String, Integer> competencyIndex,
      Map<String, Integer> issuerIndex,
      Map<String, Integer> index) {
    Map<String, Set<String>> types = new HashMap<>();
    select(graph, "credential-types", row ->
        types.computeIfAbsent(uri(row, "credential"), k -> new HashSet<>()).add(uri(row, "type")));
    List<QuerySolution> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    selectSorted(graph, "credentials", by("credential", "name", "issuer", "price"), row -> {
      if (seen.add(uri(row, "credential"))) {
        rows.add(row);
      }
    });
    for (QuerySolution row : rows) {
      index.put(uri(row, "credential"), index.size());
    }
    Map<String, List<Integer>> teaches = new HashMap<>();
    select(graph, "credential-outcomes", row -> {
      Integer skill = competencyIndex.get(uri(row, "skill"));
      if (skill != null) {
        teaches.computeIfAbsent(uri(row, "credential"), k -> new ArrayList<>()).add(skill);
      }
    });
    Map<String, List<Integer>> requiredCredentials = new HashMap<>();
    Map<String, List<Integer>> requiredCompetencies = new HashMap<>();
    select(graph, "credential-prerequisites", row -> {
      String credential = uri(row, "credential");
      Integer c = index.get(uri(row, "requiredCredential"));
      if (c != null) {
        requiredCredentials.computeIfAbsent(credential, k -> new ArrayList<>()).add(c);
      }
      Integer k = competencyIndex.get(uri(row, "requiredSkill"));
      if (k != null) {
        requiredCompetencies.computeIfAbsent(credential, x -> new ArrayList<>()).add(k);
      }
    });
    Map<String, Map<Integer, Double>> stacks = new HashMap<>();
    select(graph, "credential-stacking", row -> {
      Integer whole = index.get(uri(row, "whole"));
      if (whole != null) {
        double credits = row.contains("credits") ? number(row, "credits") : Double.NaN;
        stacks.computeIfAbsent(uri(row, "credential"), k -> new LinkedHashMap<>()).merge(whole, credits,
            (a, b) -> Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b));
      }
    });
    List<Credential> result = new ArrayList<>();
    for (QuerySolution row : rows) {
      String iri = uri(row, "credential");
      double ects = parseNumber(text(row, "ects"));
      List<StackLink> links = new ArrayList<>();
      stacks.getOrDefault(iri, Map.of()).forEach((whole, credits) ->
          links.add(new StackLink(whole, Double.isNaN(credits) ? ects : credits)));
      // the query's row order is the store's: sort so equal data gives equal snapshots
      links.sort(java.util.Comparator.comparingInt(StackLink::target));
      Integer issuer = issuerIndex.get(uri(row, "issuer"));
      result.add(new Credential(
          result.size(), iri, lastSegment(iri), text(row, "name"), text(row, "description"),
          kind(types.getOrDefault(iri, Set.of())), text(row, "achievementType"),
          issuer == null ? -1 : issuer,
          hours(text(row, "volume")), ects, eqf(uri(row, "eqf")),
          DeliveryMode.fromElmIri(uri(row, "mode")), number(row, "price"),
          text(row, "currency").isEmpty() ? "EUR" : text(row, "currency"),
          IntSet.of(teaches.getOrDefault(iri, List.of())),
          IntSet.of(requiredCredentials.getOrDefault(iri, List.of())),
          IntSet.of(requiredCompetencies.getOrDefault(iri, List.of())),
          links));
    }
    return result;
  }

  static CredentialKind kind(Set<String> types) {
    Set<String> local = new HashSet<>();
    types.forEach(t -> local.add(lastSegment(t)));
    if (local.stream().anyMatch(t -> t.endsWith("Degree") && !t.equals("Nanodegree")) || local.contains("Qualification")) {
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
    return CredentialKind.OTHER;
  }

  static double hours(String duration) {
    if (duration.isEmpty()) {
      return 0;
    }
    try {
      return java.time.Duration.parse(duration).toMinutes() / 60.0;
    } catch (java.time.format.DateTimeParseException e) {
      return 0;
    }
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
      Map<String, Integer> competencyIndex,
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
    TreeBuilder trees = new TreeBuilder(nodes, children, competencyIndex, credentialIndex);
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
            : trees.build(component.condition(), new HashSet<>());
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
      Map<String, Integer> competencyIndex,
      Map<String, Integer> credentialIndex) {

    Requirement build(String iri, Set<String> path) {
      NodeRow node = nodes.get(iri);
      if (node == null || !path.add(iri)) {
        // a dangling reference or a cycle: the shapes refuse both, so this is a store edited behind our back
        throw new IllegalStateException("requirement " + iri + " is missing or part of a cycle");
      }
      try {
        if (!node.kind().equals("condition")) {
          return leaf(node);
        }
        List<Requirement> kids = new ArrayList<>();
        for (String child : children.getOrDefault(iri, List.of())) {
          kids.add(build(child, path));
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
        Integer k = competencyIndex.get(node.proxyFor());
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

  /** Orders rows by the given variables in turn: numbers numerically (unbound first), everything else as text. */
  private static java.util.Comparator<QuerySolution> by(String... vars) {
    java.util.Comparator<QuerySolution> order = (a, b) -> 0;
    for (String var : vars) {
      order = order.thenComparing((a, b) -> {
        RDFNode x = a.get(var);
        RDFNode y = b.get(var);
        if (x == null || y == null) {
          return x == null ? (y == null ? 0 : -1) : 1;
        }
        if (x.isLiteral() && y.isLiteral() && x.asLiteral().getValue() instanceof Number m
            && y.asLiteral().getValue() instanceof Number n) {
          return Double.compare(m.doubleValue(), n.doubleValue());
        }
        return x.toString().compareTo(y.toString());
      });
    }
    return order;
  }

  private static List<String> sorted(List<String> labels) {
    return labels == null ? List.of() : labels.stream().sorted().toList();
  }

  private static void select(Sparql graph, String query, Consumer<QuerySolution> consumer) {
    try (QueryExecution exec = graph.execute(SparqlQueries.get(query))) {
      ResultSet results = exec.execSelect();
      while (results.hasNext()) {
        consumer.accept(results.next());
      }
    }
  }

  private static String uri(QuerySolution row, String var) {
    RDFNode node = row.get(var);
    return node != null && node.isURIResource() ? node.asResource().getURI() : "";
  }

  private static String text(QuerySolution row, String var) {
    RDFNode node = row.get(var);
    if (node == null) {
      return "";
    }
    return node.isLiteral() ? node.asLiteral().getLexicalForm().strip() : node.toString();
  }

  private static double number(QuerySolution row, String var) {
    RDFNode node = row.get(var);
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
