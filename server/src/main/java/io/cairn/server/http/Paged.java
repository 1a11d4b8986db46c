package io.cairn.server.http;

import java.util.List;

/** A page of a longer list. */
record Paged<T>(int total, int limit, int offset, List<T> items) {
  /** The page of {@code all}, each item turned into its view; only the page's items are turned. */
  static <S, T> Paged<T> of(List<S> all, QueryParams.Page page, java.util.function.Function<S, T> view) {
    int from = Math.min(page.offset(), all.size());
    int to = Math.min(all.size(), from + page.limit());
    return new Paged<>(all.size(), page.limit(), page.offset(), all.subList(from, to).stream().map(view).toList());
  }
}
