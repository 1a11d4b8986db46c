package io.cairn.server.api;

import io.cairn.server.api.AnalyticsViews.CredentialRef;
import io.cairn.server.api.Views.Ref;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The analytics as CSV (RFC 4180: comma-separated, CRLF line ends, quoted where needed), one row per item after a
 * header row. Lists inside a cell (skills, evidence) are ids joined with {@code ;}, names with {@code ; }.
 */
public final class AnalyticsCsv {
  private AnalyticsCsv() {}

  public static String overlap(List<AnalyticsViews.PairView> items) {
    return write(List.of("a_id", "a_name", "a_issuer", "b_id", "b_name", "b_issuer", "jaccard", "containment",
        "same_issuer", "shared", "only_a", "only_b"), items.stream().map(p -> List.<Object>of(p.a().id(),
        p.a().label(), issuer(p.a()), p.b().id(), p.b().label(), issuer(p.b()), p.jaccard(), p.containment(),
        p.sameIssuer(), labels(p.shared()), labels(p.onlyA()), labels(p.onlyB()))).toList());
  }

  public static String inflation(List<AnalyticsViews.InflationItem> items) {
    return write(List.of("credential_id", "credential_name", "issuer", "cost", "currency", "hours", "value",
        "value_per_hour", "value_per_cost", "percentile", "signals", "explanation", "evidence"),
        items.stream().map(i -> {
          List<Object> row = new ArrayList<>(credential(i.credential()));
          row.addAll(List.of(i.valueIndex().value(), cell(i.valueIndex().perHour()), cell(i.valueIndex().perCost()),
              cell(i.valueIndex().percentile()),
              i.signals().stream().map(AnalyticsViews.SignalView::kind).collect(Collectors.joining(";")),
              i.signals().stream().map(AnalyticsViews.SignalView::text).collect(Collectors.joining(" ")),
              i.signals().stream().flatMap(s -> s.evidence().stream()).map(Ref::id).distinct()
                  .collect(Collectors.joining(";"))));
          return row;
        }).toList());
  }

  public static String gaps(List<AnalyticsViews.GapItem> items) {
    return write(List.of("competency_id", "competency", "job_offers", "occupations", "value", "reason",
        "cheapest_cost", "taught_by"), items.stream().map(g -> List.<Object>of(g.competency().id(),
        g.competency().label(), g.jobOffers(), g.occupations(), cell(g.value()), g.reason(), cell(g.cheapestCost()),
        g.taughtBy().stream().map(CredentialRef::id).collect(Collectors.joining(";")))).toList());
  }

  private static List<Object> credential(CredentialRef c) {
    return List.of(c.id(), c.label(), issuer(c), cell(c.cost()), c.currency() == null ? "" : c.currency(),
        cell(c.hours()));
  }

  private static String issuer(CredentialRef c) {
    return c.issuer() == null ? "" : c.issuer().label();
  }

  private static String labels(List<Ref> refs) {
    return refs.stream().map(Ref::label).collect(Collectors.joining("; "));
  }

  private static Object cell(Double v) {
    return v == null ? "" : v;
  }

  private static String write(List<String> header, List<List<Object>> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
        .setHeader(header.toArray(String[]::new)).get())) {
      for (List<Object> row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
