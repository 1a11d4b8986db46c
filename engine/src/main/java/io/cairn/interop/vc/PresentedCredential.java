package io.cairn.interop.vc;

import java.util.Objects;

/**
 * A credential as a learner presents it: a JSON credential with an embedded proof, or a compact VC-JWT. Request
 * data only: it is verified, reported and forgotten, never stored.
 *
 * @param text the JSON text of the credential, or the compact JWT
 */
public record PresentedCredential(String text) {
  /** Longer than this is not a credential a learner would present (OB3 credentials are a few KB). */
  public static final int MAX_CHARS = 64 * 1024;

  public PresentedCredential {
    Objects.requireNonNull(text, "text");
  }

  /** True when the text is a JSON object (embedded proof) rather than a compact JWT. */
  public boolean isJson() {
    return text.stripLeading().startsWith("{");
  }
}
