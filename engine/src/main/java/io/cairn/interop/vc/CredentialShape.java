package io.cairn.interop.vc;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Open Badges 3.0 / CLR 2.0 data model, checked property by property. The OB3 JSON Schema is published under
 * a licence that does not let us keep a copy, so this checks the properties the specification requires (Open Badges
 * 3.0, appendix B: AchievementCredential, Profile, AchievementSubject, Achievement, Criteria, Alignment; CLR 2.0:
 * ClrCredential, ClrSubject) and the types and date formats the verifier relies on. It does not check optional
 * properties' shapes beyond that.
 */
final class CredentialShape {
  static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
  static final String VC_V1 = "https://www.w3.org/2018/credentials/v1";
  static final Set<String> BADGE_TYPES = Set.of("OpenBadgeCredential", "AchievementCredential");
  static final String CLR_TYPE = "ClrCredential";

  private CredentialShape() {}

  /**
   * What the verifier needs from a credential that follows the model.
   *
   * @param nested for a CLR, its {@code credentialSubject.verifiableCredential} entries (objects or JWT strings)
   */
  record Facts(String type, String id, String issuerId, String issuerName, Instant validFrom,
      Optional<Instant> validUntil, List<CredentialCheck.Achievement> achievements, List<JsonValue> nested) {}

  /** Whatever can be read from a credential without trusting it, for the report of a refused one; never throws. */
  static Facts peek(JsonObject credential) {
    String type = types(credential.get("type")).stream().filter(t -> BADGE_TYPES.contains(t) || t.equals(CLR_TYPE))
        .findFirst().orElse("");
    JsonValue issuer = credential.get("issuer");
    String issuerId = issuer instanceof JsonObject o ? string(o, "id") : issuer instanceof JsonString s ? s.getString() : "";
    String issuerName = issuer instanceof JsonObject o ? string(o, "name") : "";
    return new Facts(type, string(credential, "id"), issuerId, issuerName, null, Optional.empty(), List.of(),
        List.of());
  }

  /**
   * Checks {@code credential} against the model and reads it.
   *
   * @throws RefusedException {@link Refusal#SCHEMA_ERROR} naming the first property that is wrong
   */
  static Facts read(JsonObject credential) throws RefusedException {
    JsonValue context = credential.get("@context");
    if (context instanceof JsonArray array && !array.stream().allMatch(JsonString.class::isInstance)) {
      // an inline context could give the JSON a meaning its signed RDF does not have; only published ones count
      throw schema("@context must list context URLs only; inline context objects are not accepted");
    }
    List<String> contexts = strings(context);
    if (contexts.isEmpty() || !(contexts.getFirst().equals(VC_V2) || contexts.getFirst().equals(VC_V1))) {
      throw schema("@context must start with " + VC_V2 + " (or the VC 1.1 context)");
    }
    List<String> types = types(credential.get("type"));
    if (!types.contains("VerifiableCredential")) {
      throw schema("type must include VerifiableCredential");
    }
    String type = types.stream().filter(t -> BADGE_TYPES.contains(t) || t.equals(CLR_TYPE)).findFirst()
        .orElseThrow(() -> schema("type must include OpenBadgeCredential (or AchievementCredential) or ClrCredential,"
            + " got " + types));
    String id = required(credential, "id", "the credential");
    required(credential, "name", "the credential");
    JsonObject issuer = object(credential, "issuer", "the credential (a Profile with id and type)");
    String issuerId = required(issuer, "id", "issuer");
    needType(issuer, "Profile", "issuer");
    Instant validFrom = date(credential, "validFrom").or(() -> dateOrNull(credential, "issuanceDate"))
        .orElseThrow(() -> schema("validFrom is required (issuanceDate in VC 1.1 credentials)"));
    Optional<Instant> validUntil = date(credential, "validUntil").or(() -> dateOrNull(credential, "expirationDate"));
    JsonObject subject = object(credential, "credentialSubject", "the credential");
    if (type.equals(CLR_TYPE)) {
      needType(subject, "ClrSubject", "credentialSubject");
      JsonValue nested = subject.get("verifiableCredential");
      if (!(nested instanceof JsonArray array) || array.isEmpty()) {
        throw schema("credentialSubject.verifiableCredential of a ClrCredential must be a non-empty array");
      }
      return new Facts(type, id, issuerId, string(issuer, "name"), validFrom, validUntil, List.of(), List.copyOf(array));
    }
    needType(subject, "AchievementSubject", "credentialSubject");
    if (string(subject, "id").isEmpty() && !(subject.get("identifier") instanceof JsonArray)) {
      throw schema("credentialSubject needs an id or an identifier");
    }
    JsonObject achievement = object(subject, "achievement", "credentialSubject");
    return new Facts(type, id, issuerId, string(issuer, "name"), validFrom, validUntil,
        List.of(achievement(achievement)), List.of());
  }

  private static CredentialCheck.Achievement achievement(JsonObject achievement) throws RefusedException {
    String where = "credentialSubject.achievement";
    String id = required(achievement, "id", where);
    needType(achievement, "Achievement", where);
    String name = required(achievement, "name", where);
    required(achievement, "description", where);
    JsonObject criteria = object(achievement, "criteria", where);
    if (string(criteria, "id").isEmpty() && string(criteria, "narrative").isEmpty()) {
      throw schema(where + ".criteria needs an id or a narrative");
    }
    List<String> alignments = new ArrayList<>();
    JsonValue alignment = achievement.get("alignment");
    if (alignment != null) {
      if (!(alignment instanceof JsonArray array)) {
        throw schema(where + ".alignment must be an array");
      }
      for (int i = 0; i < array.size(); i++) {
        String at = where + ".alignment[" + i + "]";
        if (!(array.get(i) instanceof JsonObject entry)) {
          throw schema(at + " must be an object");
        }
        needType(entry, "Alignment", at);
        required(entry, "targetName", at);
        alignments.add(required(entry, "targetUrl", at));
      }
    }
    List<String> identifiers = new ArrayList<>();
    if (achievement.get("otherIdentifier") instanceof JsonArray others) {
      for (JsonValue other : others) {
        if (other instanceof JsonObject entry && !string(entry, "identifier").isEmpty()) {
          identifiers.add(string(entry, "identifier"));
        }
      }
    }
    return new CredentialCheck.Achievement(id, name, string(achievement, "achievementType"), alignments, identifiers);
  }

  private static RefusedException schema(String detail) {
    return new RefusedException(Refusal.SCHEMA_ERROR, detail);
  }

  private static String required(JsonObject object, String property, String where) throws RefusedException {
    String value = string(object, property);
    if (value.isBlank()) {
      throw schema(where + " needs '" + property + "' (a non-empty string)");
    }
    return value;
  }

  private static JsonObject object(JsonObject parent, String property, String where) throws RefusedException {
    if (parent.get(property) instanceof JsonObject object) {
      return object;
    }
    throw schema(where + " needs '" + property + "' as an object");
  }

  private static void needType(JsonObject object, String type, String where) throws RefusedException {
    if (!types(object.get("type")).contains(type)) {
      throw schema(where + ".type must include " + type);
    }
  }

  static String string(JsonObject object, String property) {
    return object.get(property) instanceof JsonString s ? s.getString() : "";
  }

  /** A string, or each string of an array. */
  static List<String> strings(JsonValue value) {
    if (value instanceof JsonString s) {
      return List.of(s.getString());
    }
    if (value instanceof JsonArray array) {
      return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
    }
    return List.of();
  }

  private static List<String> types(JsonValue value) {
    return strings(value);
  }

  private static Optional<Instant> dateOrNull(JsonObject object, String property) {
    try {
      return date(object, property);
    } catch (RefusedException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> date(JsonObject object, String property) throws RefusedException {
    JsonValue value = object.get(property);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonString s)) {
      throw schema(property + " must be a date-time string such as 2025-03-14T09:00:00Z");
    }
    try {
      return Optional.of(OffsetDateTime.parse(s.getString()).toInstant());
    } catch (DateTimeParseException e) {
      try {
        // an xsd:dateTime without a zone: read as UTC
        return Optional.of(LocalDateTime.parse(s.getString()).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException again) {
        throw schema(property + " must be a date-time such as 2025-03-14T09:00:00Z, got '" + s.getString() + "'");
      }
    }
  }
}
