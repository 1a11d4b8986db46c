package io.cairn.catalog;

import java.util.Locale;

/** The broad kind of a credential, derived from its CTDL class. */
public enum CredentialKind {
  BADGE,
  MICRO_CREDENTIAL,
  CERTIFICATE,
  NANODEGREE,
  DEGREE,
  OTHER;

  // computed once: every recommendation and listing writes it for each credential, and lower-casing it there was
  // 4% of the HTTP server's processor time under the bench's load
  private final String apiName = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** The name used in the API and the CLI: {@code micro-credential}, {@code badge}, ... */
  public String apiName() {
    return apiName;
  }

  /** Parses an API name, case-insensitively; throws {@link IllegalArgumentException} naming the valid ones. */
  public static CredentialKind fromApiName(String name) {
    for (CredentialKind kind : values()) {
      if (kind.apiName().equalsIgnoreCase(name.trim())) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown credential type '" + name + "'; use one of badge, micro-credential, certificate, nanodegree, degree, other");
  }
}
