package io.cairn.interop;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The credential standards Cairn reads and writes, each with the profile IRI that names it in
 * {@code application/ld+json; profile="..."} (or {@code application/json; profile="..."} for CASE, which is JSON).
 */
public enum StandardFormat {
  CTDL("ctdl", "Credential Transparency Description Language (Credential Engine)", "https://purl.org/ctdl/terms/"),
  ELM("elm", "European Learning Model 3.2", "http://data.europa.eu/snb/model/elm/"),
  OB3("ob3", "Open Badges 3.0 achievements (1EdTech)", "https://purl.imsglobal.org/spec/ob/v3p0/"),
  CASE("case", "CASE 1.1 competency framework package (1EdTech)", "https://purl.imsglobal.org/spec/case/v1p1/");

  private final String id;
  private final String title;
  private final String profile;

  StandardFormat(String id, String title, String profile) {
    this.id = id;
    this.title = title;
    this.profile = profile;
  }

  /** The short name used on the command line and in {@code ?format=}. */
  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  /** The profile IRI of its media type. */
  public String profile() {
    return profile;
  }

  /** The media type Cairn writes it as. */
  public String mediaType() {
    return (this == CASE ? "application/json" : "application/ld+json") + "; profile=\"" + profile + "\"";
  }

  /** The format by its short name ({@code ctdl}, {@code elm}, {@code ob3}, {@code case}), any case. */
  public static Optional<StandardFormat> byId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
  }

  /** The format whose profile IRI is {@code profile}. */
  public static Optional<StandardFormat> byProfile(String profile) {
    String wanted = profile == null ? "" : profile.trim();
    return Arrays.stream(values()).filter(f -> f.profile.equals(wanted)).findFirst();
  }

  /** The short names, for messages: {@code ctdl, elm, ob3, case}. */
  public static String ids() {
    return String.join(", ", Arrays.stream(values()).map(StandardFormat::id).toList());
  }
}
