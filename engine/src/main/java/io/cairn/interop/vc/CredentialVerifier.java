package io.cairn.interop.vc;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies the Open Badges 3.0 {@code OpenBadgeCredential}s and CLR 2.0 {@code ClrCredential}s a learner
 * presents, offline: the proof (Data Integrity eddsa-rdfc-2022 or Ed25519Signature2020, or a VC-JWT with EdDSA,
 * ES256 or RS256), that the proof's key belongs to the issuer (did:key, did:jwk, or a key the operator trusts),
 * the OB3 / CLR data model, and the validity period; for a CLR, every nested credential too. Thread-safe.
 */
public final class CredentialVerifier {
  /** A CLR with more nested credentials than this is refused rather than verified one by one. */
  public static final int MAX_NESTED = 50;

  private final DataIntegrity dataIntegrity;
  private final VcJwt jwt;
  private final TrustedIssuers trusted;
  private final Clock clock;

  public CredentialVerifier(OfflineContexts contexts, TrustedIssuers trusted, Clock clock) {
    IssuerKeys keys = new IssuerKeys(Objects.requireNonNull(trusted, "trusted"));
    this.dataIntegrity = new DataIntegrity(new Canonicalizer(Objects.requireNonNull(contexts, "contexts")), keys);
    this.jwt = new VcJwt(keys);
    this.trusted = trusted;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The operator's trusted issuers this verifier uses. */
  public TrustedIssuers trusted() {
    return trusted;
  }

  /** Verifies each credential; the checks come back in the same order, each with its position. */
  public List<CredentialCheck> verifyAll(List<PresentedCredential> presented) {
    List<CredentialCheck> checks = new ArrayList<>(presented.size());
    for (int i = 0; i < presented.size(); i++) {
      checks.add(verify(i, presented.get(i)));
    }
    return checks;
  }

  /** Verifies one credential, presented at position {@code index}. Never throws for bad input: it refuses it. */
  public CredentialCheck verify(int index, PresentedCredential presented) {
    Instant now = clock.instant();
    String text = presented.text();
    if (text.length() > PresentedCredential.MAX_CHARS) {
      return refused(index, Refusal.MALFORMED, "the credential has " + text.length() + " characters; at most "
          + PresentedCredential.MAX_CHARS + " are accepted", "", null);
    }
    if (presented.isJson()) {
      JsonObject credential;
      try {
        credential = Json.createReader(new StringReader(text)).readObject();
      } catch (JsonException | IllegalStateException e) {
        return refused(index, Refusal.MALFORMED, "the credential is not a JSON object: " + e.getMessage(), "", null);
      }
      return check(index, credential, null, now);
    }
    return check(index, null, text.trim(), now);
  }

  private CredentialCheck check(int index, JsonObject json, String compact, Instant now) {
    JsonObject peeked = json != null ? json : VcJwt.peek(compact).orElse(JsonValue.EMPTY_JSON_OBJECT);
    CredentialShape.Facts known = CredentialShape.peek(peeked);
    String format = "";
    try {
      Verified verified = json != null ? verifyEmbedded(json, now, 0) : verifyJwt(compact, now, 0);
      CredentialShape.Facts facts = verified.facts();
      return new CredentialCheck(index, Optional.empty(), describe(verified), verified.format(), facts.type(),
          facts.id(), issuer(facts), verified.achievements());
    } catch (RefusedException e) {
      if (json != null && json.get("proof") instanceof JsonObject proof) {
        format = proofFormat(proof);
      } else if (compact != null) {
        format = VcJwt.peekFormat(compact);
      }
      return refused(index, e.refusal(), e.getMessage(), format, known);
    }
  }

  private record Verified(CredentialShape.Facts facts, String format, List<CredentialCheck.Achievement> achievements) {}

  private Verified verifyEmbedded(JsonObject credential, Instant now, int depth) throws RefusedException {
    String issuer = CredentialShape.peek(credential).issuerId();
    if (issuer.isEmpty()) {
      // without an issuer id no key can be checked against it: a data model problem, reported as such
      CredentialShape.read(credential);
      throw new RefusedException(Refusal.SCHEMA_ERROR, "the credential's issuer has no id");
    }
    checkListed(issuer);
    String format = dataIntegrity.verify(credential, issuer);
    CredentialShape.Facts facts = CredentialShape.read(credential);
    checkPeriod(facts.validFrom(), facts.validUntil(), now);
    return new Verified(facts, format, achievements(facts, now, depth));
  }

  private Verified verifyJwt(String compact, Instant now, int depth) throws RefusedException {
    VcJwt.Verified verified = jwt.verify(compact);
    CredentialShape.Facts facts = CredentialShape.read(verified.credential());
    checkListed(facts.issuerId());
    checkPeriod(verified.notBefore().map(nbf -> later(nbf, facts.validFrom())).orElse(facts.validFrom()),
        verified.expires().map(exp -> facts.validUntil().map(u -> u.isBefore(exp) ? u : exp).orElse(exp))
            .or(facts::validUntil), now);
    return new Verified(facts, verified.format(), achievements(facts, now, depth));
  }

  /** With {@code acceptUnlisted: false}, only the operator's issuers count, whatever their keys. */
  private void checkListed(String issuer) throws RefusedException {
    if (!trusted.acceptsUnlisted() && !trusted.lists(issuer)) {
      throw new RefusedException(Refusal.UNKNOWN_ISSUER, "the issuer " + issuer + " is not among the issuers this"
          + " server trusts (" + trusted.size() + " listed in " + trusted.source() + ")");
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The achievements a credential attests: its own, or for a CLR those of its nested credentials, each verified. */
  private List<CredentialCheck.Achievement> achievements(CredentialShape.Facts facts, Instant now, int depth)
      throws RefusedException {
    if (!facts.type().equals(CredentialShape.CLR_TYPE)) {
      return facts.achievements();
    }
    if (depth > 0) {
      throw new RefusedException(Refusal.SCHEMA_ERROR, "a ClrCredential nested in another is not accepted");
    }
    if (facts.nested().size() > MAX_NESTED) {
      throw new RefusedException(Refusal.SCHEMA_ERROR, "the CLR holds " + facts.nested().size()
          + " credentials; at most " + MAX_NESTED + " are verified");
    }
    List<CredentialCheck.Achievement> all = new ArrayList<>();
    for (int i = 0; i < facts.nested().size(); i++) {
      JsonValue nested = facts.nested().get(i);
      String at = "credentialSubject.verifiableCredential[" + i + "]";
      try {
        Verified inner;
        if (nested instanceof JsonObject object) {
          inner = verifyEmbedded(object, now, depth + 1);
        } else if (nested instanceof JsonString string) {
          inner = verifyJwt(string.getString(), now, depth + 1);
        } else {
          throw new RefusedException(Refusal.SCHEMA_ERROR, "it must be a credential object or a compact JWT");
        }
        all.addAll(inner.achievements());
      } catch (RefusedException e) {
        String id = nested instanceof JsonObject object ? CredentialShape.string(object, "id") : "";
        throw new RefusedException(e.refusal(), "nested " + at + (id.isEmpty() ? "" : " (" + id + ")") + ": "
            + e.getMessage() + "; a CLR counts only when every credential in it verifies");
      }
    }
    return all;
  }

  private static void checkPeriod(Instant validFrom, Optional<Instant> validUntil, Instant now)
      throws RefusedException {
    if (validUntil.isPresent() && !now.isBefore(validUntil.get())) {
      throw new RefusedException(Refusal.EXPIRED, "the credential expired on " + validUntil.get()
          + " (validUntil / exp); the signature itself is valid");
    }
    if (validFrom != null && now.isBefore(validFrom)) {
      throw new RefusedException(Refusal.NOT_YET_VALID, "the credential is valid only from " + validFrom
          + " (validFrom / nbf)");
    }
  }

  private CredentialCheck.IssuerInfo issuer(CredentialShape.Facts facts) {
    return new CredentialCheck.IssuerInfo(facts.issuerId(), facts.issuerName(), trusted.lists(facts.issuerId()));
  }

  private static String describe(Verified verified) {
    return verified.format() + " proof verified with the issuer's key" + (verified.facts().type()
        .equals(CredentialShape.CLR_TYPE) ? ", and each of its " + verified.facts().nested().size()
        + " nested credentials" : "") + "; valid now";
  }

  private static String proofFormat(JsonObject proof) {
    String type = CredentialShape.string(proof, "type");
    return type.equals("DataIntegrityProof") ? CredentialShape.string(proof, "cryptosuite") : type;
  }

  private CredentialCheck refused(int index, Refusal refusal, String detail, String format,
      CredentialShape.Facts known) {
    CredentialShape.Facts facts = known == null ? CredentialShape.peek(JsonValue.EMPTY_JSON_OBJECT) : known;
    return new CredentialCheck(index, Optional.of(refusal), detail, format, facts.type(), facts.id(), issuer(facts),
        List.of());
  }
}
