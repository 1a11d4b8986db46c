package io.cairn.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import io.cairn.learner.LearnerHoldings;
import io.cairn.rank.CountedSkill;
import io.cairn.rank.Explanation;
import io.cairn.rank.Recommendation;
import io.cairn.rank.RecommendationList;
import io.cairn.rank.RequirementStep;
import io.cairn.rank.Target;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer to {@code POST /api/recommendations} in its default, compact form, written field by field into UTF-8
 * bytes: the document {@code Views.recommendations(list, demand, COMPACT)} serializes to, byte for byte
 * ({@code CompactRecommendationsJsonProperties} holds the two equal), without the view records, their lists and
 * Jackson's per-property writers in between. On the bench's answers building the records took about a third of the
 * time spent turning an engine answer into bytes (13 of about 40 microseconds); most of what is left is reading the
 * catalog's strings from memory, which no writer avoids.
 *
 * <p>The rare parts, credentials a learner presented, still go through the view records and the mapper.
 */
public final class CompactRecommendationsJson {
  private final CatalogSnapshot s;
  private final Views views;
  private final ObjectWriter writer;
  private final CatalogStrings strings;

  /**
   * @param writer the mapper's writer whose features the bytes follow (the server's: four-byte UTF-8 for characters
   *     beyond the Basic Multilingual Plane)
   */
  public CompactRecommendationsJson(CatalogSnapshot snapshot, ObjectWriter writer) {
    this(writer, CatalogStrings.of(snapshot, null));
  }

  /** With the snapshot's strings encoded by earlier answers ({@link CatalogStrings}): the server's. */
  public CompactRecommendationsJson(ObjectWriter writer, CatalogStrings strings) {
    this.s = strings.snapshot();
    this.views = new Views(s);
    this.writer = writer;
    this.strings = strings;
  }

  /** The whole document; complete before anything is sent, so a failure can still become a problem response. */
  public byte[] bytes(RecommendationList list) throws IOException {
    try (ByteArrayBuilder out = new ByteArrayBuilder(8192)) {
      try (JsonGenerator g = writer.createGenerator(out)) {
        write(g, list);
      }
      return out.toByteArray();
    }
  }

  private void write(JsonGenerator g, RecommendationList list) throws IOException {
    g.writeStartObject();
    Views.GoalView goal = views.goal(list);
    g.writeObjectFieldStart("goal");
    g.writeStringField("type", goal.type());
    g.writeStringField("id", goal.id());
    g.writeStringField("label", goal.label());
    g.writeNumberField("unmetTargets", goal.unmetTargets());
    g.writeNumberField("metTargets", goal.metTargets());
    g.writeNumberField("goalSkills", goal.goalSkills());
    g.writeEndObject();
    g.writeArrayFieldStart("items");
    for (Recommendation r : list.items()) {
      item(g, r);
    }
    g.writeEndArray();
    g.writeStringField("reason", list.reason().orElse(null));
    g.writeNumberField("candidates", list.candidates());
    g.writeObjectFieldStart("excluded");
    for (Map.Entry<String, Integer> e : new TreeMap<>(list.excluded()).entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeStringField("scorer", list.scorer());
    g.writeNumberField("catalogVersion", list.catalogVersion());
    g.writeFieldName("holdings");
    holdings(g, list.holdings());
    g.writeEndObject();
  }

  private void item(JsonGenerator g, Recommendation r) throws IOException {
    g.writeStartObject();
    g.writeNumberField("rank", r.rank());
    g.writeNumberField("score", Views.round(r.score()));
    g.writeNumberField("relevance", Views.round(r.relevance()));
    g.writeFieldName("credential");
    summary(g, s.credential(r.credential()));
    g.writeFieldName("explanation");
    explanation(g, r.explanation());
    g.writeEndObject();
  }

  /** As {@link Views.CredentialSummary}. */
  private void summary(JsonGenerator g, Credential c) throws IOException {
    g.writeStartObject();
    strings.credentials.ids().write(g, "id", c.index());
    strings.credentials.iris().write(g, "iri", c.index());
    strings.credentials.labels().write(g, "name", c.index());
    g.writeStringField("type", c.kind().apiName());
    g.writeStringField("achievementType", Views.emptyToNull(c.achievementType()));
    g.writeFieldName("issuer");
    if (c.issuer() < 0) {
      g.writeNull();
    } else {
      strings.issuers.write(g, c.issuer());
    }
    g.writeBooleanField("creditBearing", c.creditBearing());
    g.writeNumberField("ects", c.ects());
    g.writeNumberField("hours", c.hours());
    g.writeFieldName("eqfLevel");
    if (c.eqfLevel() == 0) {
      g.writeNull();
    } else {
      g.writeNumber(c.eqfLevel());
    }
    g.writeStringField("mode", c.mode().apiName());
    g.writeNumberField("cost", c.cost());
    g.writeStringField("currency", c.currency());
    if (!c.unknown().isEmpty()) {
      strings(g, "unknown", Views.unknown(c));
    }
    g.writeEndObject();
  }

  /** As {@link CompactExplanations.CompactExplanationView}. */
  private void explanation(JsonGenerator g, Explanation e) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("covers");
    for (Target t : e.covers()) {
      strings.competencies.ids().write(g, t.competency());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("advances");
    for (RequirementStep step : e.advances()) {
      g.writeStartObject();
      g.writeStringField("requirement", step.requirementId());
      g.writeStringField("component", step.leafId());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("stacksInto");
    for (int i : e.stacksInto()) {
      strings.credentials.ids().write(g, i);
    }
    g.writeEndArray();
    ids(g, "unlocks", e.unlocks(), strings.credentials.ids());
    g.writeBooleanField("oneStepAway", e.oneStepAway());
    ids(g, "missingPrerequisites", e.missingPrerequisites(), strings.credentials.ids());
    ids(g, "missingCompetencies", e.missingCompetencies(), strings.competencies.ids());
    g.writeNumberField("totalCost", e.totalCost());
    g.writeNumberField("totalHours", e.totalHours());
    // absent, as in the full form, when the transparent scorer (which counts none) ranked the list
    if (!e.counted().isEmpty()) {
      g.writeArrayFieldStart("skills");
      for (CountedSkill c : e.counted()) {
        strings.competencies.ids().write(g, c.competency());
      }
      g.writeEndArray();
    }
    if (!e.unknown().isEmpty()) {
      strings(g, "unknown", e.unknown());
    }
    g.writeEndObject();
  }

  private static void ids(JsonGenerator g, String field, IntSet set, CatalogStrings.Column ids) throws IOException {
    g.writeArrayFieldStart(field);
    for (int i = 0; i < set.size(); i++) {
      ids.write(g, set.get(i));
    }
    g.writeEndArray();
  }

  private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }

  /** As {@link HoldingsViews.HoldingsView}; presented credentials, when there are any, through the view records. */
  private void holdings(JsonGenerator g, LearnerHoldings holdings) throws IOException {
    if (!holdings.verified().isEmpty() || !holdings.refused().isEmpty()) {
      writer.writeValue(g, HoldingsViews.of(views, holdings));
      return;
    }
    g.writeStartObject();
    g.writeObjectFieldStart("declared");
    refs(g, "credentials", holdings.declaredCredentials(), strings.credentials);
    refs(g, "competencies", holdings.declaredCompetencies(), strings.competencies);
    g.writeEndObject();
    g.writeArrayFieldStart("verified");
    g.writeEndArray();
    g.writeArrayFieldStart("refused");
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void refs(JsonGenerator g, String field, IntSet set, CatalogStrings.Refs refs) throws IOException {
    g.writeArrayFieldStart(field);
    for (int i = 0; i < set.size(); i++) {
      refs.write(g, set.get(i));
    }
    g.writeEndArray();
  }
}
