package io.cairn.interop.vc;

/** Stops a verification with the reason and the words that say what is wrong; never leaves the package. */
final class RefusedException extends Exception {
  private final Refusal refusal;

  RefusedException(Refusal refusal, String detail) {
    super(detail, null, false, false);
    this.refusal = refusal;
  }

  Refusal refusal() {
    return refusal;
  }
}
