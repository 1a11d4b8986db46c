package io.cairn.interop.vc;

/** Why a presented credential was refused; {@link #code()} is what the API reports. */
public enum Refusal {
  /** Neither a JSON credential nor a compact JWT, or not a credential at all. */
  MALFORMED("malformed", "not a readable credential"),
  /** No proof, or a proof type, cryptosuite, JOSE algorithm or key type Cairn does not verify (alg none among them). */
  UNSUPPORTED_PROOF("unsupported-proof", "unsupported or missing proof"),
  /** The signature does not match the credential: changed after signing, or signed with another key. */
  BAD_SIGNATURE("bad-signature", "bad signature"),
  /** The proof's key verifies, but it is not a key of the credential's issuer. */
  KEY_NOT_ISSUERS("key-not-issuers", "signed with a key that is not the issuer's"),
  /** The issuer's key cannot be found offline: not a did:key or did:jwk, and not among the operator's trusted keys. */
  UNKNOWN_ISSUER("unknown-issuer", "unknown issuer"),
  /** A JSON-LD context the credential names is not available offline (Cairn never fetches one). */
  UNAVAILABLE_CONTEXT("unavailable-context", "JSON-LD context not available offline"),
  /** A property the Open Badges 3.0 / CLR 2.0 data model requires is missing or of the wrong kind. */
  SCHEMA_ERROR("schema-error", "does not follow the Open Badges 3.0 / CLR 2.0 data model"),
  /** {@code validUntil} (or the JWT's {@code exp}) is in the past. */
  EXPIRED("expired", "expired"),
  /** {@code validFrom} (or the JWT's {@code nbf}) is in the future. */
  NOT_YET_VALID("not-yet-valid", "not yet valid");

  private final String code;
  private final String title;

  Refusal(String code, String title) {
    this.code = code;
    this.title = title;
  }

  /** The stable reason code, such as {@code bad-signature}. */
  public String code() {
    return code;
  }

  /** A few words for people. */
  public String title() {
    return title;
  }
}
