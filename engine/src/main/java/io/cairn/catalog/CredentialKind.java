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

  /** The name used in the API and the CLI: {@code micro-credential}, {@code badge}, ... */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
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
