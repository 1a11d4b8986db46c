package io.cairn.server.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How much of each recommendation's explanation an answer carries ({@code ?explain=} on
 * {@code POST /api/recommendations}): {@link #COMPACT}, the default, names what it refers to by id and keeps the
 * totals that decide fit; {@link #FULL} adds labels, IRIs, weights, demand and the learned scorer's evidence.
 */
public enum ExplanationForm {
  COMPACT,
  FULL;

  /** The form when a client names none: the smaller body, since most callers only rank or filter. */
  public static final ExplanationForm DEFAULT = COMPACT;

  /** Its name in the query string. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every name a client may give, in declaration order. */
  public static List<String> apiNames() {
    return Arrays.stream(values()).map(ExplanationForm::apiName).toList();
  }

  public static Optional<ExplanationForm> fromApiName(String name) {
    return Arrays.stream(values()).filter(f -> f.apiName().equals(name)).findFirst();
  }
}
