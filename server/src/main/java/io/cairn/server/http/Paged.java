package io.cairn.server.http;

import io.cairn.server.api.ApiException;

import java.util.List;

/** A page of a longer list. */
record Paged<T>(int total, int limit, int offset, List<T> items) {
  static <T> Paged<T> of(List<T> all, QueryParams.Page page) {
    int from = Math.min(page.offset(), all.size());
    int to = Math.min(all.size(), from + page.limit());
    return new Paged<>(all.size(), page.limit(), page.offset(), List.copyOf(all.subList(from, to)));
  }
}
