package io.cairn.gaps.inflation;

import java.util.List;

/** One credential's value index and the inflation signals it shows (none for a healthy one). */
public record CredentialInflation(int credential, ValueIndex valueIndex, List<InflationSignal> signals) {
  public CredentialInflation {
    signals = List.copyOf(signals);
  }

  /** True when it shows a signal of {@code kind}. */
  public boolean shows(InflationSignal.Kind kind) {
    return signals.stream().anyMatch(s -> s.kind() == kind);
  }
}
