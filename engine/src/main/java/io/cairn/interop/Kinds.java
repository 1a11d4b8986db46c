package io.cairn.interop;

import io.cairn.catalog.Credential;
import io.cairn.catalog.CredentialKind;
import java.util.List;
import java.util.Set;

/** The standards' names for a credential's kind, shared by the exporters. */
public final class Kinds {
  private Kinds() {}

  /**
   * The credential's CTDL class: its own stored CTDL class (the most specific, when it has several), else one for
   * its kind. Cairn's nanodegree, which CTDL lacks, is a certificate in CTDL.
   */
  public static String ctdlClass(Credential c, ExportFacts facts) {
    Set<String> types = facts.typesOf(c.iri());
    List<String> ctdl = types.stream().filter(t -> t.startsWith(Vocab.CETERMS)).sorted().toList();
    for (String generic : List.of("Credential", "Certificate", "Degree", "Badge")) {
      if (ctdl.size() > 1 && ctdl.contains(Vocab.CETERMS + generic)) {
        ctdl = ctdl.stream().filter(t -> !t.equals(Vocab.CETERMS + generic)).toList();
      }
    }
    if (!ctdl.isEmpty()) {
      return ctdl.getFirst();
    }
    return Vocab.CETERMS + switch (c.kind()) {
      case BADGE -> "OpenBadge";
      case MICRO_CREDENTIAL -> "MicroCredential";
      case CERTIFICATE, NANODEGREE -> "Certificate";
      case DEGREE -> "Degree";
      case OTHER -> "Credential";
    };
  }

  /** Cairn's own class when CTDL has none for it ({@code cairn:Nanodegree}), else null. */
  public static String cairnClass(Credential c, ExportFacts facts) {
    if (c.kind() == CredentialKind.NANODEGREE) {
      return Vocab.CAIRN + "Nanodegree";
    }
    return facts.typesOf(c.iri()).stream().filter(t -> t.startsWith(Vocab.CAIRN)).findFirst().orElse(null);
  }

  /** The Open Badges achievement type: the stored one, else one for its kind. */
  public static String achievementType(Credential c) {
    if (!c.achievementType().isBlank()) {
      return c.achievementType();
    }
    return switch (c.kind()) {
      case BADGE -> "Badge";
      case MICRO_CREDENTIAL -> "MicroCredential";
      case CERTIFICATE, NANODEGREE -> "Certificate";
      case DEGREE -> "Degree";
      case OTHER -> "Achievement";
    };
  }

  /** {@code PT12H}, {@code PT7.5H}: a workload in hours as an ISO 8601 duration. */
  public static String duration(double hours) {
    return "PT" + number(hours) + "H";
  }

  /** A number without a trailing {@code .0}. */
  public static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
