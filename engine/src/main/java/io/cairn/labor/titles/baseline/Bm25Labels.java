package io.cairn.labor.titles.baseline;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Occupation;
import io.cairn.labor.titles.eval.TitleRanker;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The baseline to beat: plain BM25 (Lucene's defaults, k1 1.2, b 0.75) over each occupation's preferred,
 * alternative and hidden labels as one document, analysed by Lucene's {@link StandardAnalyzer}; the title is
 * asked as it was written, any of its words matching. No noise removal, no abbreviations, no learning.
 */
public final class Bm25Labels implements TitleRanker {
  private static final String LABELS = "labels";
  private static final String INDEX = "index";
  private final IndexSearcher searcher;
  private final QueryBuilder queries;
  private final int[] occupationOfDoc;

  private Bm25Labels(DirectoryReader reader, Analyzer analyzer) throws IOException {
    this.searcher = new IndexSearcher(reader);
    this.queries = new QueryBuilder(analyzer);
    this.occupationOfDoc = new int[reader.maxDoc()];
    var stored = reader.storedFields();
    for (int d = 0; d < reader.maxDoc(); d++) {
      occupationOfDoc[d] = stored.document(d).getField(INDEX).numericValue().intValue();
    }
  }

  /** Indexes the labels of every occupation of {@code snapshot}. */
  public static Bm25Labels of(CatalogSnapshot snapshot) {
    Analyzer analyzer = new StandardAnalyzer();
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (Occupation o : snapshot.occupations()) {
        Document doc = new Document();
        doc.add(new StoredField(INDEX, o.index()));
        doc.add(new TextField(LABELS, o.label(), Field.Store.NO));
        o.altLabels().forEach(a -> doc.add(new TextField(LABELS, a, Field.Store.NO)));
        o.hiddenLabels().forEach(h -> doc.add(new TextField(LABELS, h, Field.Store.NO)));
        writer.addDocument(doc);
      }
      writer.commit();
      return new Bm25Labels(DirectoryReader.open(directory), analyzer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the BM25 baseline index", e);
    }
  }

  @Override
  public int[] rank(String title, int limit) {
    Query query = title == null ? null : queries.createBooleanQuery(LABELS, title, BooleanClause.Occur.SHOULD);
    if (query == null || limit <= 0) {
      return new int[0];
    }
    try {
      ScoreDoc[] hits = searcher.search(query, limit).scoreDocs;
      int[] ranked = new int[hits.length];
      for (int i = 0; i < hits.length; i++) {
        ranked[i] = occupationOfDoc[hits[i].doc];
      }
      return ranked;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
