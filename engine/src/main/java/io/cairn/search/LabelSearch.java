package io.cairn.search;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Occupation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Full-text search over the preferred, alternative and hidden labels of competencies and occupations, a Lucene
 * index built in memory from one snapshot (so it is always in step with the graph). Ranking: the whole label
 * equal to the query first, then labels starting with it, then labels holding every query word in any order,
 * then labels holding most of them; a preferred label beats an alternative one, which beats a hidden one, and
 * shorter labels that fit beat longer ones (BM25 length normalisation).
 *
 * <p>Thread-safe: searching does not change the index.
 */
public final class LabelSearch {
  /** What a search looks for. */
  public enum Kind { COMPETENCY, OCCUPATION }

  private static final String KIND = "kind";
  private static final String INDEX = "idx";
  private static final String LABEL = "label";
  private static final String LABEL_KIND = "labelKind";
  private static final String EXACT = "exact";
  private static final String TEXT = "text";
  private static final String WORDS = "words";
  private static final String SKILL_TYPE = "skillType";
  private static final String REUSE = "reuse";
  private static final String COLLECTION = "collection";
  private static final String ISCO = "isco";
  private static final int LABELS_SCANNED = 2000;
  private static final Map<String, Double> LABEL_WEIGHT = Map.of("preferred", 1.0, "alternative", 0.9, "hidden", 0.8);

  private static final String[] LABEL_KINDS = {"preferred", "alternative", "hidden"};

  private final IndexSearcher searcher;
  private final StoredFields stored;
  // doc id to entity index and label kind, read once: loading stored fields for every scanned label was most
  // of a search's time
  private final int[] docIndex;
  private final byte[] docLabelKind;
  private final Analyzer words = LabelAnalyzers.index(false);
  private final QueryBuilder queries;

  private LabelSearch(DirectoryReader reader) throws IOException {
    this.searcher = new IndexSearcher(reader);
    this.stored = reader.storedFields();
    this.docIndex = new int[reader.maxDoc()];
    this.docLabelKind = new byte[reader.maxDoc()];
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      Document d = stored.document(doc);
      docIndex[doc] = d.getField(INDEX).numericValue().intValue();
      docLabelKind[doc] = (byte) java.util.Arrays.asList(LABEL_KINDS).indexOf(d.get(LABEL_KIND));
    }
    this.queries = new QueryBuilder(LabelAnalyzers.query(LabelAnalyzers.abbreviations()));
  }

  /** Indexes every label of the snapshot's competencies and occupations. */
  public static LabelSearch of(CatalogSnapshot snapshot) {
    Map<String, Analyzer> perField = new HashMap<>();
    perField.put(TEXT, LabelAnalyzers.index(true));
    perField.put(WORDS, LabelAnalyzers.index(false));
    Analyzer analyzer = new org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper(
        LabelAnalyzers.index(true), perField);
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (Competency c : snapshot.competencies()) {
        List<Field> filters = new ArrayList<>();
        filters.add(new StringField(SKILL_TYPE, c.skillType(), Field.Store.NO));
        filters.add(new StringField(REUSE, c.reuseLevel(), Field.Store.NO));
        c.collections().forEach(col -> filters.add(new StringField(COLLECTION, col.apiName(), Field.Store.NO)));
        addLabels(writer, Kind.COMPETENCY, c.index(), c.label(), c.altLabels(), c.hiddenLabels(), filters);
      }
      for (Occupation o : snapshot.occupations()) {
        List<Field> filters = new ArrayList<>();
        for (int digits = 1; digits <= o.iscoGroup().length(); digits++) {
          filters.add(new StringField(ISCO, o.iscoGroup().substring(0, digits), Field.Store.NO));
        }
        addLabels(writer, Kind.OCCUPATION, o.index(), o.label(), o.altLabels(), o.hiddenLabels(), filters);
      }
      writer.forceMerge(1);
      writer.commit();
      return new LabelSearch(DirectoryReader.open(directory));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the label index", e);
    }
  }

  /**
   * The best-matching competencies or occupations, best first, one hit per entity (its best label), at most
   * {@code limit}. An empty or blank text finds nothing.
   */
  public List<SearchHit> search(Kind kind, SearchRequest request, int limit) {
    String text = request.text() == null ? "" : request.text().strip();
    if (text.isEmpty() || limit <= 0) {
      return List.of();
    }
    try {
      Query query = build(kind, request, text);
      TopDocs top = searcher.search(query, LABELS_SCANNED);
      // best label per entity, from the arrays; the label text is loaded for the winners only
      Map<Integer, ScoreDoc> best = new HashMap<>();
      for (ScoreDoc sd : top.scoreDocs) {
        sd.score *= LABEL_WEIGHT.get(LABEL_KINDS[docLabelKind[sd.doc]]);
        best.merge(docIndex[sd.doc], sd, (a, b) -> b.score > a.score ? b : a);
      }
      List<SearchHit> hits = new ArrayList<>(best.size());
      for (ScoreDoc sd : best.values()) {
        hits.add(new SearchHit(docIndex[sd.doc], null, LABEL_KINDS[docLabelKind[sd.doc]], sd.score));
      }
      hits.sort(Comparator.comparingDouble(SearchHit::score).reversed().thenComparingInt(SearchHit::index));
      List<SearchHit> page = new ArrayList<>();
      for (int i = 0; i < Math.min(limit, hits.size()); i++) {
        SearchHit h = hits.get(i);
        int doc = best.get(h.index()).doc;
        page.add(new SearchHit(h.index(), stored.document(doc).get(LABEL), h.labelKind(), h.score()));
      }
      return page;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Query build(Kind kind, SearchRequest request, String text) throws IOException {
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    filter.add(new TermQuery(new Term(KIND, kind.name())), Occur.FILTER);
    request.skillType().ifPresent(t -> filter.add(new TermQuery(new Term(SKILL_TYPE, t)), Occur.FILTER));
    request.reuseLevel().ifPresent(r -> filter.add(new TermQuery(new Term(REUSE, r)), Occur.FILTER));
    request.collection().ifPresent(c -> filter.add(new TermQuery(new Term(COLLECTION, c.apiName())), Occur.FILTER));
    request.iscoGroup().ifPresent(g -> filter.add(new TermQuery(new Term(ISCO, g)), Occur.FILTER));

    String normalised = normalise(text);
    BooleanQuery.Builder match = new BooleanQuery.Builder();
    match.add(new BoostQuery(new TermQuery(new Term(EXACT, normalised)), 8), Occur.SHOULD);
    match.add(new BoostQuery(new PrefixQuery(new Term(EXACT, normalised)), 3), Occur.SHOULD);
    if (request.suggest()) {
      Query typed = typeAhead(normalised);
      if (typed != null) {
        match.add(new BoostQuery(typed, 2), Occur.SHOULD);
      }
    } else {
      Query all = queries.createBooleanQuery(TEXT, text, Occur.MUST);
      if (all != null) {
        match.add(new BoostQuery(all, 2), Occur.SHOULD);
      }
      // job titles carry noise ("senior", "remote", "- London"): most of the words is still a match
      Query most = queries.createMinShouldMatchQuery(TEXT, text, 0.5f);
      if (most != null) {
        match.add(most, Occur.SHOULD);
      }
    }
    match.setMinimumNumberShouldMatch(1);
    filter.add(match.build(), Occur.MUST);
    return filter.build();
  }

  /** Every finished word, and the last (maybe unfinished) one as a prefix of a label word. */
  private Query typeAhead(String normalised) throws IOException {
    List<String> tokens = tokens(words, normalised);
    if (tokens.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int i = 0; i < tokens.size() - 1; i++) {
      b.add(new TermQuery(new Term(WORDS, tokens.get(i))), Occur.MUST);
    }
    b.add(new PrefixQuery(new Term(WORDS, tokens.getLast())), Occur.MUST);
    return b.build();
  }

  private static void addLabels(IndexWriter writer, Kind kind, int index, String preferred, List<String> alt,
      List<String> hidden, List<Field> filters) throws IOException {
    add(writer, kind, index, preferred, "preferred", filters);
    for (String a : alt) {
      add(writer, kind, index, a, "alternative", filters);
    }
    for (String h : hidden) {
      add(writer, kind, index, h, "hidden", filters);
    }
  }

  private static void add(IndexWriter writer, Kind kind, int index, String label, String labelKind,
      List<Field> filters) throws IOException {
    if (label == null || label.isBlank()) {
      return;
    }
    Document doc = new Document();
    doc.add(new StringField(KIND, kind.name(), Field.Store.NO));
    doc.add(new StoredField(INDEX, index));
    doc.add(new StoredField(LABEL, label));
    doc.add(new StoredField(LABEL_KIND, labelKind));
    doc.add(new StringField(EXACT, normalise(label), Field.Store.NO));
    doc.add(new TextField(TEXT, label, Field.Store.NO));
    doc.add(new TextField(WORDS, label, Field.Store.NO));
    filters.forEach(doc::add);
    writer.addDocument(doc);
  }

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(WORDS, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    }
    return tokens;
  }

  /** Lower case, accents off, punctuation to single spaces: how whole labels are compared. */
  static String normalise(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    return folded.replaceAll("[^\\p{L}\\p{N}+#]+", " ").strip();
  }

  /** Whether a competency passes the request's filters (for listings without text). */
  public static boolean passes(Competency c, SearchRequest request) {
    return request.skillType().map(c.skillType()::equals).orElse(true)
        && request.reuseLevel().map(c.reuseLevel()::equals).orElse(true)
        && request.collection().map(c.collections()::contains).orElse(true);
  }

  /** Whether an occupation passes the request's filters (for listings without text). */
  public static boolean passes(Occupation o, SearchRequest request) {
    return request.iscoGroup().map(o.iscoGroup()::startsWith).orElse(true);
  }

}
