package io.cairn.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.cairn.catalog.CatalogSnapshot;
import java.io.IOException;
import java.util.function.IntFunction;

/**
 * One snapshot's catalog strings as JSON string values, each quoted, escaped and UTF-8 encoded the first time it is
 * written and copied as bytes after that ({@link SerializedString}, as Jackson keeps its own property names): the
 * ids, IRIs and names of credentials, competencies and issuers make most of a recommendation answer's bytes, and
 * encoding them character by character again for every answer was a tenth of the HTTP server's processor time under
 * the bench's load. Kept for as long as its snapshot is the served one ({@link #of}); the arrays hold a reference
 * per catalog entry, filled as entries are written, so a catalog of a million costs a few megabytes of them.
 *
 * <p>Safe to share between threads: two threads encoding the same string at once make two equal values, either of
 * which is kept.
 */
public final class CatalogStrings {
  // a string the catalog does not have (an unnamed credential, an issuer without an IRI): written as null
  private static final SerializedString ABSENT = new SerializedString("");

  private final CatalogSnapshot snapshot;
  final Refs credentials;
  final Refs competencies;
  final Refs issuers;

  private CatalogStrings(CatalogSnapshot s) {
    this.snapshot = s;
    int n = s.credentials().size();
    credentials = new Refs(new Column(n, i -> s.credential(i).id()), new Column(n, i -> s.credential(i).iri()),
        new Column(n, i -> s.credential(i).name()));
    int m = s.competencies().size();
    competencies = new Refs(new Column(m, k -> s.competency(k).id()), new Column(m, k -> s.competency(k).iri()),
        new Column(m, k -> s.competency(k).label()));
    int issuerCount = s.issuers().size();
    issuers = new Refs(new Column(issuerCount, i -> s.issuer(i).id()),
        new Column(issuerCount, i -> s.issuer(i).iri()), new Column(issuerCount, i -> s.issuer(i).name()));
  }

  /** The strings of {@code snapshot}: {@code current} when it is of that snapshot, new ones otherwise. */
  public static CatalogStrings of(CatalogSnapshot snapshot, CatalogStrings current) {
    return current != null && current.snapshot == snapshot ? current : new CatalogStrings(snapshot);
  }

  /** The snapshot whose strings these are. */
  public CatalogSnapshot snapshot() {
    return snapshot;
  }

  /** One kind of catalog entry's id, IRI and label (a credential's name, an issuer's name), by its index. */
  record Refs(Column ids, Column iris, Column labels) {
    /** Writes entry {@code i} as {@code Views.Ref} serializes: its id, IRI and label. */
    void write(JsonGenerator g, int i) throws IOException {
      g.writeStartObject();
      ids.write(g, "id", i);
      iris.write(g, "iri", i);
      labels.write(g, "label", i);
      g.writeEndObject();
    }
  }

  /** One kind of string, by the index of its catalog entry. */
  static final class Column {
    private final SerializedString[] encoded;
    private final IntFunction<String> source;

    private Column(int size, IntFunction<String> source) {
      this.encoded = new SerializedString[size];
      this.source = source;
    }

    /** Writes entry {@code i}'s string as a JSON value (null when it has none). */
    void write(JsonGenerator g, int i) throws IOException {
      SerializedString value = encoded[i];
      if (value == null) {
        String text = source.apply(i);
        value = text == null ? ABSENT : new SerializedString(text);
        encoded[i] = value;
      }
      if (value == ABSENT) {
        g.writeNull();
      } else {
        g.writeString(value);
      }
    }

    /** Writes {@code field} and entry {@code i}'s string as its value. */
    void write(JsonGenerator g, String field, int i) throws IOException {
      g.writeFieldName(field);
      write(g, i);
    }
  }
}
