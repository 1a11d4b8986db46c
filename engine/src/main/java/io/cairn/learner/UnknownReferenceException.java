package io.cairn.learner;

import java.util.List;

/** A request names ids that are not in the catalog; the message lists them and says where to find valid ones. */
public final class UnknownReferenceException extends RuntimeException {
  private final String kind;
  private final List<String> ids;

  public UnknownReferenceException(String kind, List<String> ids, String hint) {
    super("unknown " + kind + (ids.size() == 1 ? " id " : " ids ") + String.join(", ", ids) + "; " + hint);
    this.kind = kind;
    this.ids = List.copyOf(ids);
  }

  public String kind() {
    return kind;
  }

  public List<String> ids() {
    return ids;
  }
}
