package io.cairn.interop.ctdl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Credential;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.Destination;
import io.cairn.catalog.Issuer;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.Requirement;
import io.cairn.catalog.StackLink;
import io.cairn.interop.ExportFacts;
import io.cairn.interop.Kinds;
import io.cairn.interop.StandardExporter;
import io.cairn.interop.StandardFormat;
import io.cairn.interop.Vocab;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes credentials and pathways as CTDL JSON-LD with the registry's context, in CTDL's terms only: a
 * credential's class, workload ({@code estimatedDuration}), delivery, EQF level ({@code audienceLevelType}),
 * ECTS ({@code creditValue}), cost, issuer, what it teaches, its prerequisites ({@code requires}), its parts and
 * the credits they carry ({@code isPartOf} and a {@code TransferValueProfile} per stacking link); a pathway with
 * its destinations, components, conditions ({@code requiredNumber}, minimum ECTS as {@code creditValue}) and goal
 * occupation ({@code occupationType}). Siblings are written in the catalog's order, which Cairn reads back from
 * the document's order. CTDL has no term for Cairn's nanodegree (written as a certificate) or for a condition
 * that lets holdings count twice (left out); off-ramps are a {@code componentDesignation}.
 */
public final class CtdlExporter implements StandardExporter {
  public static final String CONTEXT = "https://credreg.net/ctdl/schema/context/json";
  /** The component designation that marks a destination as an off-ramp. */
  static final String OFF_RAMP = Vocab.CAIRN + "offRamp";
  private static final String DELIVERY = "https://purl.org/ctdl/vocabs/deliveryType/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public StandardFormat format() {
    return StandardFormat.CTDL;
  }

  @Override
  public ObjectNode credential(CatalogSnapshot s, Credential c, ExportFacts facts) {
    ObjectNode doc = document();
    ArrayNode graph = doc.putArray("@graph");
    graph.add(credentialNode(s, c, facts));
    if (c.issuer() >= 0) {
      graph.add(issuerNode(s.issuer(c.issuer()), facts));
    }
    transferValues(s, c).forEach(graph::add);
    return doc;
  }

  @Override
  public Optional<ObjectNode> pathway(CatalogSnapshot s, Pathway p, ExportFacts facts) {
    ObjectNode doc = document();
    ArrayNode graph = doc.putArray("@graph");
    pathwayNodes(s, p).forEach(graph::add);
    return Optional.of(doc);
  }

  @Override
  public Map<String, JsonNode> catalog(CatalogSnapshot s, ExportFacts facts) {
    ObjectNode credentials = document();
    ArrayNode graph = credentials.putArray("@graph");
    Set<Integer> issuers = new LinkedHashSet<>();
    for (Credential c : s.credentials()) {
      graph.add(credentialNode(s, c, facts));
      if (c.issuer() >= 0) {
        issuers.add(c.issuer());
      }
    }
    issuers.forEach(i -> graph.add(issuerNode(s.issuer(i), facts)));
    s.credentials().forEach(c -> transferValues(s, c).forEach(graph::add));
    ObjectNode pathways = document();
    ArrayNode pg = pathways.putArray("@graph");
    s.pathways().forEach(p -> pathwayNodes(s, p).forEach(pg::add));
    Map<String, JsonNode> files = new LinkedHashMap<>();
    files.put("credentials.ctdl.jsonld", credentials);
    files.put("pathways.ctdl.jsonld", pathways);
    return files;
  }

  private static ObjectNode document() {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("@context", CONTEXT);
    return doc;
  }

  private static ObjectNode credentialNode(CatalogSnapshot s, Credential c, ExportFacts facts) {
    ObjectNode n = JSON.createObjectNode();
    n.put("@id", c.iri());
    n.put("@type", "ceterms:" + Kinds.ctdlClass(c, facts).substring(Vocab.CETERMS.length()));
    n.set("ceterms:name", lang(c.name()));
    if (!c.description().isBlank()) {
      n.set("ceterms:description", lang(c.description()));
    }
    if (c.issuer() >= 0) {
      n.put("ceterms:ownedBy", s.issuer(c.issuer()).iri());
    }
    if (c.workloadKnown()) {
      n.putArray("ceterms:estimatedDuration").addObject().put("@type", "ceterms:DurationProfile")
          .put("ceterms:exactDuration", Kinds.duration(c.hours()));
    }
    if (c.mode() != DeliveryMode.UNKNOWN) {
      String delivery = switch (c.mode()) {
        case ONLINE -> "OnlineOnly";
        case BLENDED -> "BlendedDelivery";
        default -> "InPerson";
      };
      n.putArray("ceterms:learningDeliveryType").add(alignment(DELIVERY + delivery, delivery, DELIVERY));
    }
    if (c.eqfLevel() > 0) {
      n.putArray("ceterms:audienceLevelType").add(alignment("http://data.europa.eu/snb/eqf/" + c.eqfLevel(),
          "EQF level " + c.eqfLevel(), "http://data.europa.eu/snb/eqf/25831c2"));
    }
    if (c.ects() > 0) {
      n.putArray("ceterms:creditValue").add(ects(c.ects()));
    }
    if (c.costKnown()) {
      ObjectNode cost = n.putArray("ceterms:estimatedCost").addObject();
      cost.put("@type", "ceterms:CostProfile");
      cost.put("ceterms:price", c.cost());
      cost.put("ceterms:currency", c.currency());
    }
    if (!c.teaches().isEmpty()) {
      ArrayNode teaches = n.putArray("ceterms:teaches");
      c.teaches().stream().forEach(k -> teaches.add(skill(s.competency(k))));
    }
    if (!c.requiredCredentials().isEmpty() || !c.requiredCompetencies().isEmpty()) {
      ObjectNode requires = n.putArray("ceterms:requires").addObject();
      requires.put("@type", "ceterms:ConditionProfile");
      if (!c.requiredCredentials().isEmpty()) {
        ArrayNode creds = requires.putArray("ceterms:targetCredential");
        c.requiredCredentials().stream().forEach(i -> creds.add(s.credential(i).iri()));
      }
      if (!c.requiredCompetencies().isEmpty()) {
        ArrayNode skills = requires.putArray("ceterms:targetCompetency");
        c.requiredCompetencies().stream().forEach(k -> skills.add(skill(s.competency(k))));
      }
    }
    if (!c.stacksInto().isEmpty()) {
      ArrayNode wholes = n.putArray("ceterms:isPartOf");
      c.stacksInto().forEach(link -> wholes.add(s.credential(link.target()).iri()));
    }
    return n;
  }

  /** One transfer value profile per stacking link: the ECTS the part carries into the whole. */
  private static List<ObjectNode> transferValues(CatalogSnapshot s, Credential c) {
    List<ObjectNode> out = new ArrayList<>();
    for (StackLink link : c.stacksInto()) {
      Credential whole = s.credential(link.target());
      ObjectNode tvp = JSON.createObjectNode();
      tvp.put("@id", Vocab.CAIRN_ID + "transfer/" + c.id() + "--" + whole.id());
      tvp.put("@type", "ceterms:TransferValueProfile");
      tvp.set("ceterms:name", lang(c.name() + " toward " + whole.name()));
      tvp.putArray("ceterms:transferValueFrom").add(c.iri());
      tvp.putArray("ceterms:transferValueFor").add(whole.iri());
      tvp.putArray("ceterms:transferValue").add(ects(link.transferCredits()));
      out.add(tvp);
    }
    return out;
  }

  private static ObjectNode issuerNode(Issuer issuer, ExportFacts facts) {
    ObjectNode n = JSON.createObjectNode();
    n.put("@id", issuer.iri());
    n.put("@type", "ceterms:CredentialOrganization");
    n.set("ceterms:name", lang(issuer.name()));
    String description = facts.issuerDescriptions().get(issuer.iri());
    if (description != null) {
      n.set("ceterms:description", lang(description));
    }
    return n;
  }

  /** The pathway, then its components and conditions in tree order (siblings in the catalog's order). */
  private static List<ObjectNode> pathwayNodes(CatalogSnapshot s, Pathway p) {
    List<ObjectNode> nodes = new ArrayList<>();
    ObjectNode n = JSON.createObjectNode();
    n.put("@id", p.iri());
    n.put("@type", "ceterms:Pathway");
    n.set("ceterms:name", lang(p.name()));
    if (!p.description().isBlank()) {
      n.set("ceterms:description", lang(p.description()));
    }
    ArrayNode destinations = n.putArray("ceterms:hasDestinationComponent");
    p.destinations().forEach(d -> destinations.add(d.iri()));
    if (p.goalOccupation() >= 0) {
      var occupation = s.occupation(p.goalOccupation());
      n.putArray("ceterms:occupationType").add(alignment(occupation.iri(), occupation.label(),
          "http://data.europa.eu/esco/concept-scheme/occupations"));
    }
    nodes.add(n);
    for (Destination d : p.destinations()) {
      ObjectNode component = JSON.createObjectNode();
      component.put("@id", d.iri());
      boolean leafOnly = !(d.requirement() instanceof Requirement.Condition);
      component.put("@type", d.credential() >= 0 ? "ceterms:CredentialComponent" : "ceterms:BasicComponent");
      component.set("ceterms:name", lang(d.name()));
      if (d.credential() >= 0) {
        component.put("ceterms:proxyFor", s.credential(d.credential()).iri());
      }
      component.put("ceterms:isDestinationComponentOf", p.iri());
      if (d.offRamp()) {
        component.putArray("ceterms:componentDesignation").add(alignment(OFF_RAMP, "off-ramp", Vocab.CAIRN));
      }
      nodes.add(component);
      if (!leafOnly) {
        component.putArray("ceterms:hasCondition").add(d.requirement().iri());
        conditionNodes(s, (Requirement.Condition) d.requirement(), nodes, new LinkedHashSet<>());
      }
    }
    return nodes;
  }

  private static void conditionNodes(CatalogSnapshot s, Requirement.Condition c, List<ObjectNode> out, Set<String> seen) {
    if (!seen.add(c.iri())) {
      return;
    }
    ObjectNode n = JSON.createObjectNode();
    n.put("@id", c.iri());
    n.put("@type", "ceterms:ComponentCondition");
    if (!c.name().isBlank()) {
      n.set("ceterms:name", lang(c.name()));
    }
    switch (c.rule()) {
      case AT_LEAST -> n.put("ceterms:requiredNumber", c.requiredNumber());
      case MINIMUM_CREDITS -> n.putArray("ceterms:creditValue").add(ects(c.minimumCredits()));
      case ALL_OF -> { }
    }
    out.add(n);
    // pre-order: each child's node (and a nested condition's whole subtree) where it stands among its siblings,
    // so the document's order is the tree's
    for (Requirement child : c.children()) {
      if (child instanceof Requirement.Condition condition) {
        n.withArrayProperty("ceterms:hasCondition").add(condition.iri());
        conditionNodes(s, condition, out, seen);
      } else {
        n.withArrayProperty("ceterms:targetComponent").add(child.iri());
        out.add(leaf(s, child));
      }
    }
  }

  private static ObjectNode leaf(CatalogSnapshot s, Requirement leaf) {
    ObjectNode n = JSON.createObjectNode();
    n.put("@id", leaf.iri());
    if (leaf instanceof Requirement.CompetencyLeaf k) {
      n.put("@type", "ceterms:CompetencyComponent");
      n.put("ceterms:proxyFor", s.competency(k.competency()).iri());
    } else {
      n.put("@type", "ceterms:CredentialComponent");
      n.put("ceterms:proxyFor", s.credential(((Requirement.CredentialLeaf) leaf).credential()).iri());
    }
    if (!leaf.name().isBlank()) {
      n.set("ceterms:name", lang(leaf.name()));
    }
    return n;
  }

  private static ObjectNode skill(Competency k) {
    return alignment(k.iri(), k.label(), "http://data.europa.eu/esco/concept-scheme/skills");
  }

  private static ObjectNode alignment(String target, String name, String framework) {
    ObjectNode a = JSON.createObjectNode();
    a.put("@type", "ceterms:CredentialAlignmentObject");
    a.put("ceterms:targetNode", target);
    a.set("ceterms:targetNodeName", lang(name));
    a.put("ceterms:framework", framework);
    return a;
  }

  private static ObjectNode ects(double credits) {
    ObjectNode v = JSON.createObjectNode();
    v.put("@type", "ceterms:ValueProfile");
    v.put("schema:value", credits);
    v.put("ceterms:creditUnitType", Vocab.ECTS);
    return v;
  }

  private static ObjectNode lang(String text) {
    ObjectNode n = JSON.createObjectNode();
    n.put("en", text);
    return n;
  }
}
