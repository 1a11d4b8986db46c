package io.cairn.interop.elm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Credential;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.Issuer;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.StackLink;
import io.cairn.interop.ExportFacts;
import io.cairn.interop.Kinds;
import io.cairn.interop.StandardExporter;
import io.cairn.interop.StandardFormat;
import io.cairn.interop.Vocab;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes credentials as European Learning Model JSON-LD (the EDC application profile's context): each credential
 * a learning achievement specification (a qualification when it is one) with its title, workload, mode, ECTS, EQF
 * level, learning outcomes aligned to ESCO, parts ({@code isPartOf}) and awarding body (an agent). ELM requires a
 * field of education and a language, which Cairn does not hold: the field is ISCED-F 9999 "field unknown" and the
 * language that of the names (English). What ELM cannot say, or says only of things Cairn does not hold (a price
 * belongs to a learning opportunity provided by an organisation with an address), is written in Cairn's own
 * model's terms under a context of their own: price ({@code ceterms:estimatedCost}), prerequisites
 * ({@code ceterms:requires}), credits carried into a larger credential ({@code cairn:stacksInto}), the CTDL class
 * and the Open Badges achievement type. ELM has no pathways (export them as CTDL).
 */
public final class ElmExporter implements StandardExporter {
  static final String VC_CONTEXT = "https://www.w3.org/2018/credentials/v1";
  static final String CONTEXT = "http://data.europa.eu/snb/model/context/edc-ap";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LEARNING_ASSESSMENT = "http://data.europa.eu/snb/learning-assessment/";

  @Override
  public StandardFormat format() {
    return StandardFormat.ELM;
  }

  @Override
  public ObjectNode credential(CatalogSnapshot s, Credential c, ExportFacts facts) {
    ObjectNode doc = document();
    ArrayNode graph = doc.putArray("@graph");
    nodes(s, c, facts, graph);
    if (c.issuer() >= 0) {
      graph.add(organisation(s.issuer(c.issuer()), facts));
    }
    return doc;
  }

  @Override
  public Optional<ObjectNode> pathway(CatalogSnapshot s, Pathway p, ExportFacts facts) {
    return Optional.empty();
  }

  @Override
  public Map<String, JsonNode> catalog(CatalogSnapshot s, ExportFacts facts) {
    ObjectNode doc = document();
    ArrayNode graph = doc.putArray("@graph");
    Set<Integer> issuers = new LinkedHashSet<>();
    for (Credential c : s.credentials()) {
      nodes(s, c, facts, graph);
      if (c.issuer() >= 0) {
        issuers.add(c.issuer());
      }
    }
    issuers.forEach(i -> graph.add(organisation(s.issuer(i), facts)));
    Map<String, JsonNode> files = new LinkedHashMap<>();
    files.put("credentials.elm.jsonld", doc);
    return files;
  }

  private static ObjectNode document() {
    ObjectNode doc = JSON.createObjectNode();
    ArrayNode context = doc.putArray("@context");
    context.add(VC_CONTEXT).add(CONTEXT);
    context.addObject()
        .put("ceterms", Vocab.CETERMS)
        .put("cairn", Vocab.CAIRN)
        .put("ob", Vocab.OB);
    return doc;
  }

  /** The specification and its learning opportunity. */
  private static void nodes(CatalogSnapshot s, Credential c, ExportFacts facts, ArrayNode graph) {
    boolean qualification = facts.typesOf(c.iri()).contains(Vocab.ELM + "Qualification");
    ObjectNode spec = graph.addObject();
    spec.put("id", c.iri());
    ArrayNode types = spec.putArray("type").add(qualification ? "Qualification" : "LearningAchievementSpecification");
    String cairnClass = Kinds.cairnClass(c, facts);
    types.add("ceterms:" + Kinds.ctdlClass(c, facts).substring(Vocab.CETERMS.length()));
    if (cairnClass != null) {
      types.add("cairn:" + cairnClass.substring(Vocab.CAIRN.length()));
    }
    spec.set("title", lang(c.name()));
    if (!c.description().isBlank()) {
      spec.set("description", lang(c.description()));
    }
    spec.put("ob:achievementType", Kinds.achievementType(c));
    spec.putArray("thematicArea").add(concept("http://data.europa.eu/snb/isced-f/9999", "Field unknown",
        "http://data.europa.eu/snb/isced-f/25831c2"));
    spec.putArray("language").add(concept("http://publications.europa.eu/resource/authority/language/ENG", "English",
        "http://publications.europa.eu/resource/authority/language"));
    if (c.workloadKnown()) {
      spec.put("volumeOfLearning", Kinds.duration(c.hours()));
    }
    if (c.mode() != DeliveryMode.UNKNOWN) {
      spec.putArray("mode").add(concept(c.mode().elmIri(), switch (c.mode()) {
        case ONLINE -> "Online";
        case BLENDED -> "Blended";
        default -> "Presential";
      }, LEARNING_ASSESSMENT + "25831c2"));
    }
    if (c.ects() > 0) {
      ObjectNode credits = spec.putArray("creditPoint").addObject();
      credits.put("id", c.iri() + "#ects");
      credits.put("type", "CreditPoint");
      credits.set("framework", concept(Vocab.ECTS, "European Credit Transfer and Accumulation System",
          "http://data.europa.eu/snb/education-credit/25831c2"));
      credits.put("point", Kinds.number(c.ects()));
    }
    if (c.eqfLevel() > 0) {
      spec.set(qualification ? "eqfLevel" : "educationLevel", concept("http://data.europa.eu/snb/eqf/" + c.eqfLevel(),
          "Level " + c.eqfLevel(), "http://data.europa.eu/snb/eqf/25831c2"));
    }
    if (!c.teaches().isEmpty()) {
      ArrayNode outcomes = spec.putArray("learningOutcome");
      c.teaches().stream().forEach(k -> {
        Competency skill = s.competency(k);
        ObjectNode outcome = outcomes.addObject();
        outcome.put("id", c.iri() + "#outcome-" + skill.id());
        outcome.put("type", "LearningOutcome");
        outcome.set("title", lang(skill.label()));
        outcome.putArray("relatedESCOSkill").add(concept(skill.iri(), skill.label(),
            "http://data.europa.eu/esco/concept-scheme/skills"));
      });
    }
    if (c.issuer() >= 0) {
      ObjectNode awarding = spec.putArray("awardingOpportunity").addObject();
      awarding.put("id", c.iri() + "#awarding");
      awarding.put("type", "AwardingOpportunity");
      awarding.put("awardingBody", s.issuer(c.issuer()).iri());
    }
    if (!c.stacksInto().isEmpty()) {
      ArrayNode wholes = spec.putArray("isPartOf");
      ArrayNode links = spec.putArray("cairn:stacksInto");
      for (StackLink link : c.stacksInto()) {
        String whole = s.credential(link.target()).iri();
        wholes.add(whole);
        ObjectNode l = links.addObject();
        l.put("type", "cairn:StackingLink");
        l.putObject("cairn:stackTarget").put("id", whole);
        l.putObject("cairn:transferCredits").put("@value", Kinds.number(link.transferCredits()))
            .put("@type", "http://www.w3.org/2001/XMLSchema#decimal");
      }
    }
    if (!c.requiredCredentials().isEmpty() || !c.requiredCompetencies().isEmpty()) {
      ObjectNode requires = spec.putArray("ceterms:requires").addObject();
      requires.put("type", "ceterms:ConditionProfile");
      c.requiredCredentials().stream().forEach(i -> requires.withArrayProperty("ceterms:targetCredential")
          .addObject().put("id", s.credential(i).iri()));
      c.requiredCompetencies().stream().forEach(k -> {
        ObjectNode alignment = requires.withArrayProperty("ceterms:targetCompetency").addObject();
        alignment.put("type", "ceterms:CredentialAlignmentObject");
        alignment.putObject("ceterms:targetNode").put("id", s.competency(k).iri());
      });
    }
    if (c.costKnown()) {
      // ELM prices a learning opportunity, which an Organisation with a known address provides; Cairn knows
      // neither the address nor an offering, so the price is written in CTDL's terms on the specification
      ObjectNode cost = spec.putObject("ceterms:estimatedCost");
      cost.put("type", "ceterms:CostProfile");
      cost.putObject("ceterms:price").put("@value", Kinds.number(c.cost()))
          .put("@type", "http://www.w3.org/2001/XMLSchema#decimal");
      cost.put("ceterms:currency", c.currency());
    }
  }

  /**
   * The issuer as an ELM agent: ELM requires an Organisation's location (an address with a country), which Cairn
   * does not hold, so the issuer is written as the agent it certainly is.
   */
  private static ObjectNode organisation(Issuer issuer, ExportFacts facts) {
    ObjectNode org = JSON.createObjectNode();
    org.put("id", issuer.iri());
    org.put("type", "Agent");
    org.set("prefLabel", lang(issuer.name()));
    String description = facts.issuerDescriptions().get(issuer.iri());
    if (description != null) {
      org.set("description", lang(description));
    }
    return org;
  }

  private static ObjectNode concept(String iri, String label, String scheme) {
    ObjectNode c = JSON.createObjectNode();
    c.put("id", iri);
    c.put("type", "Concept");
    c.putObject("inScheme").put("id", scheme).put("type", "ConceptScheme");
    c.set("prefLabel", lang(label));
    return c;
  }

  private static ObjectNode lang(String text) {
    ObjectNode n = JSON.createObjectNode();
    n.put("en", text);
    return n;
  }
}
