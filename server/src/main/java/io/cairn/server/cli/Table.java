package io.cairn.server.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns, for people reading a terminal. */
final class Table {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... headers) {
    this.headers = List.of(headers);
  }

  Table row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(cell == null ? "" : cell.toString());
    }
    rows.add(row);
    return this;
  }

  void print(PrintWriter out) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < headers.size(); i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], i < row.size() ? row.get(i).length() : 0);
      }
    }
    line(out, headers, widths);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append("-".repeat(widths[i])).append(i < widths.length - 1 ? "  " : "");
    }
    out.println(rule);
    rows.forEach(r -> line(out, r, widths));
    out.flush();
  }

  private static void line(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      String cell = i < cells.size() ? cells.get(i) : "";
      sb.append(cell);
      if (i < widths.length - 1) {
        sb.append(" ".repeat(widths[i] - cell.length() + 2));
      }
    }
    out.println(sb.toString().stripTrailing());
  }
}
