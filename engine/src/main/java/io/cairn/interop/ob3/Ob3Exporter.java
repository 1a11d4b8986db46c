package io.cairn.interop.ob3;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Credential;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.StackLink;
import io.cairn.interop.ExportFacts;
import io.cairn.interop.Kinds;
import io.cairn.interop.StandardExporter;
import io.cairn.interop.StandardFormat;
import io.cairn.interop.Vocab;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes credentials as Open Badges 3.0 {@code Achievement}s: id, type, achievement type, name, description,
 * criteria, creator (the issuer's profile), alignments to the ESCO skills it teaches, and {@code creditsAvailable}
 * (its ECTS). Open Badges has no terms for workload, mode, EQF level, price, prerequisites or stacking; those are
 * written in Cairn's own model's terms (ELM, CTDL and Cairn IRIs) under an extra context, as Open Badges allows,
 * so that Cairn reads them back. Criteria are not held by Cairn: the narrative says what the credential teaches.
 */
public final class Ob3Exporter implements StandardExporter {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public StandardFormat format() {
    return StandardFormat.OB3;
  }

  @Override
  public ObjectNode credential(CatalogSnapshot s, Credential c, ExportFacts facts) {
    ObjectNode achievement = achievement(s, c, facts);
    ObjectNode doc = JSON.createObjectNode();
    doc.set("@context", context());
    doc.setAll(achievement);
    return doc;
  }

  @Override
  public Optional<ObjectNode> pathway(CatalogSnapshot s, Pathway p, ExportFacts facts) {
    return Optional.empty();
  }

  /** The catalog as one JSON array of achievements, each with its context. */
  @Override
  public Map<String, JsonNode> catalog(CatalogSnapshot s, ExportFacts facts) {
    ArrayNode all = JSON.createArrayNode();
    s.credentials().forEach(c -> all.add(credential(s, c, facts)));
    Map<String, JsonNode> files = new LinkedHashMap<>();
    files.put("achievements.ob3.json", all);
    return files;
  }

  static ArrayNode context() {
    ArrayNode context = JSON.createArrayNode();
    Ob3Importer.DEFAULT_CONTEXT.forEach(context::add);
    context.addObject()
        .put("elm", Vocab.ELM)
        .put("ceterms", Vocab.CETERMS)
        .put("cairn", Vocab.CAIRN)
        .put("xsd", Vocab.XSD);
    return context;
  }

  private static ObjectNode achievement(CatalogSnapshot s, Credential c, ExportFacts facts) {
    ObjectNode a = JSON.createObjectNode();
    a.put("id", c.iri());
    ArrayNode types = a.putArray("type").add("Achievement");
    types.add("ceterms:" + Kinds.ctdlClass(c, facts).substring(Vocab.CETERMS.length()));
    String cairnClass = Kinds.cairnClass(c, facts);
    if (cairnClass != null) {
      types.add("cairn:" + cairnClass.substring(Vocab.CAIRN.length()));
    }
    a.put("achievementType", Kinds.achievementType(c));
    a.put("name", c.name());
    a.put("description", c.description().isBlank() ? c.name() : c.description());
    a.putObject("criteria").put("narrative", criteria(s, c));
    if (c.issuer() >= 0) {
      var issuer = s.issuer(c.issuer());
      ObjectNode creator = a.putObject("creator");
      creator.put("id", issuer.iri());
      creator.putArray("type").add("Profile");
      creator.put("name", issuer.name());
      String description = facts.issuerDescriptions().get(issuer.iri());
      if (description != null) {
        creator.put("description", description);
      }
    }
    if (!c.teaches().isEmpty()) {
      ArrayNode alignments = a.putArray("alignment");
      c.teaches().stream().forEach(k -> {
        Competency skill = s.competency(k);
        ObjectNode al = alignments.addObject();
        al.putArray("type").add("Alignment");
        al.put("targetName", skill.label());
        al.put("targetUrl", skill.iri());
        al.put("targetFramework", "ESCO");
        al.put("targetCode", skill.id());
        al.put("targetType", "ext:ESCOSkill");
      });
    }
    if (c.ects() > 0) {
      a.put("creditsAvailable", c.ects());
    }
    // what Open Badges has no terms for, in Cairn's model's terms
    if (c.workloadKnown()) {
      a.putObject("elm:volumeOfLearning").put("@value", Kinds.duration(c.hours())).put("@type", "xsd:duration");
    }
    if (c.mode() != DeliveryMode.UNKNOWN) {
      a.putObject("elm:mode").put("@id", c.mode().elmIri());
    }
    if (c.ects() > 0) {
      ObjectNode credits = a.putObject("elm:creditPoint");
      credits.put("@type", "elm:CreditPoint");
      credits.putObject("elm:framework").put("@id", Vocab.ECTS);
      credits.put("elm:point", Kinds.number(c.ects()));
    }
    if (c.eqfLevel() > 0) {
      boolean qualification = facts.typesOf(c.iri()).contains(Vocab.ELM + "Qualification");
      a.putObject(qualification ? "elm:EQFLevel" : "elm:educationLevel")
          .put("@id", "http://data.europa.eu/snb/eqf/" + c.eqfLevel());
      if (qualification) {
        types.add("elm:Qualification");
      }
    }
    if (c.costKnown()) {
      ObjectNode cost = a.putObject("ceterms:estimatedCost");
      cost.put("@type", "ceterms:CostProfile");
      cost.putObject("ceterms:price").put("@value", Kinds.number(c.cost())).put("@type", "xsd:decimal");
      cost.put("ceterms:currency", c.currency());
    }
    if (!c.requiredCredentials().isEmpty() || !c.requiredCompetencies().isEmpty()) {
      ObjectNode requires = a.putObject("ceterms:requires");
      requires.put("@type", "ceterms:ConditionProfile");
      c.requiredCredentials().stream().forEach(i -> requires.withArrayProperty("ceterms:targetCredential")
          .addObject().put("@id", s.credential(i).iri()));
      c.requiredCompetencies().stream().forEach(k -> requires.withArrayProperty("ceterms:targetCompetency")
          .addObject().put("@type", "ceterms:CredentialAlignmentObject")
          .putObject("ceterms:targetNode").put("@id", s.competency(k).iri()));
    }
    if (!c.stacksInto().isEmpty()) {
      ArrayNode links = a.putArray("cairn:stacksInto");
      ArrayNode wholes = a.putArray("ceterms:isPartOf");
      for (StackLink link : c.stacksInto()) {
        String whole = s.credential(link.target()).iri();
        wholes.addObject().put("@id", whole);
        ObjectNode l = links.addObject();
        l.put("@type", "cairn:StackingLink");
        l.putObject("cairn:stackTarget").put("@id", whole);
        l.putObject("cairn:transferCredits").put("@value", Kinds.number(link.transferCredits()))
            .put("@type", "xsd:decimal");
      }
    }
    return a;
  }

  private static String criteria(CatalogSnapshot s, Credential c) {
    String skills = c.teaches().stream().mapToObj(k -> s.competency(k).label()).collect(Collectors.joining(", "));
    return "Awarded on completing " + c.name() + (skills.isEmpty() ? "." : "; it teaches: " + skills + ".");
  }
}
