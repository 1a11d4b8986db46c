package io.cairn.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A page of a longer list.
 *
 * @param note why the page is empty, when it is: nothing matched (and why), or the offset is past the last item
 */
record Paged<T>(int total, int limit, int offset, List<T> items,
    @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

  /** The page of {@code all}, each item turned into its view; only the page's items are turned. */
  static <S, T> Paged<T> of(List<S> all, QueryParams.Page page, Function<S, T> view) {
    return of(all, page, view, () -> null);
  }

  /** As {@link #of(List, QueryParams.Page, Function)}, saying {@code whyNothing} when nothing matched. */
  static <S, T> Paged<T> of(List<S> all, QueryParams.Page page, Function<S, T> view, Supplier<String> whyNothing) {
    int from = Math.min(page.offset(), all.size());
    int to = Math.min(all.size(), from + page.limit());
    String note = all.isEmpty() ? whyNothing.get() : from == all.size() ? pastTheEnd(all.size(), page) : null;
    return new Paged<>(all.size(), page.limit(), page.offset(), all.subList(from, to).stream().map(view).toList(),
        note);
  }

  private static String pastTheEnd(int total, QueryParams.Page page) {
    int lastPage = (total - 1) / page.limit() * page.limit();
    return String.format(Locale.ROOT, "offset %,d is past the last of the %,d items; the last page starts at offset %,d",
        page.offset(), total, lastPage);
  }
}
