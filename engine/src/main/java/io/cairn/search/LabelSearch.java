package io.cairn.search;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Occupation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Full-text search over the preferred, alternative and hidden labels of competencies and occupations, a Lucene
 * index built in memory from one snapshot (so it is always in step with the graph). Ranking: the whole label
 * equal to the query first, then labels starting with it, then labels holding every query word in any order,
 * then labels holding most of them; a preferred label beats an alternative one, which beats a hidden one, and
 * shorter labels that fit beat longer ones (BM25 length normalisation).
 *
 * <p>Prefixes are indexed (edge n-grams of the whole label and of each word), so the short prefixes of type-ahead
 * are one term each instead of a prefix expanding to thousands of terms; longer prefixes, which expand to few
 * terms, fall back to prefix queries. Both score as a constant, so the ranking is the same either way. One pass over
 * the matching labels keeps each entity's best label ({@link TopEntities}).
 *
 * <p>Thread-safe: searching does not change the index.
 */
public final class LabelSearch {
  /** What a search looks for. */
  public enum Kind { COMPETENCY, OCCUPATION }

  private static final String KIND = "kind";
  private static final String ORDINAL = "ord";
  private static final String EXACT = "exact";
  private static final String EXACT_PREFIX = "exactPrefix";
  private static final String TEXT = "text";
  private static final String WORDS = "words";
  private static final String WORD_PREFIX = "wordPrefix";
  private static final String SKILL_TYPE = "skillType";
  private static final String REUSE = "reuse";
  private static final String COLLECTION = "collection";
  private static final String ISCO = "isco";
  // the longest indexed prefixes: a longer whole-label or word prefix expands to a handful of terms
  static final int LABEL_PREFIX_CHARS = 6;
  static final int WORD_PREFIX_CHARS = 4;
  private static final double[] LABEL_WEIGHT = {1.0, 0.9, 0.8};
  private static final String[] LABEL_KINDS = {"preferred", "alternative", "hidden"};
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}+#]+");
  // only the terms matter in prefix fields: no frequencies, positions or norms
  private static final FieldType PREFIX_FIELD = prefixFieldType();

  private final IndexSearcher searcher;
  // doc id to entity index, label kind and label, kept in arrays: stored fields were most of a search's time
  private final int[] docIndex;
  private final byte[] docLabelKind;
  private final String[] docLabel;
  // within a kind, doc ids follow the entities' indices (labels are added entity by entity): a search's later
  // labels lose ties, so a search can skip the labels that only tie with its last hit
  private final boolean docsInEntityOrder;
  private final Analyzer words = LabelAnalyzers.index(false);
  private final QueryBuilder queries;

  private LabelSearch(DirectoryReader reader, Labels labels) throws IOException {
    this.searcher = new IndexSearcher(reader);
    // the only filters are term queries, which the query cache never keeps: it would only track their use
    searcher.setQueryCache(null);
    int maxDoc = reader.maxDoc();
    this.docIndex = new int[maxDoc];
    this.docLabelKind = new byte[maxDoc];
    this.docLabel = new String[maxDoc];
    boolean inOrder = true;
    int previous = -1;
    int[] lastIndexOfKind = {-1, -1};
    for (var leaf : reader.leaves()) {
      NumericDocValues ordinals = leaf.reader().getNumericDocValues(ORDINAL);
      for (int doc = ordinals.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = ordinals.nextDoc()) {
        int global = leaf.docBase + doc;
        int ordinal = (int) ordinals.longValue();
        docIndex[global] = labels.index.get(ordinal);
        docLabelKind[global] = labels.kind.get(ordinal);
        docLabel[global] = labels.text.get(ordinal);
        byte entityKind = labels.entityKind.get(ordinal);
        inOrder &= ordinal > previous && docIndex[global] >= lastIndexOfKind[entityKind];
        previous = ordinal;
        lastIndexOfKind[entityKind] = docIndex[global];
      }
    }
    this.docsInEntityOrder = inOrder;
    this.queries = new QueryBuilder(LabelAnalyzers.query(LabelAnalyzers.abbreviations()));
  }

  /** The labels in the order they were indexed (a label's ordinal is its position). */
  private static final class Labels {
    final List<Integer> index = new ArrayList<>();
    final List<Byte> kind = new ArrayList<>();
    final List<Byte> entityKind = new ArrayList<>();
    final List<String> text = new ArrayList<>();
  }

  /** Indexes every label of the snapshot's competencies and occupations. */
  public static LabelSearch of(CatalogSnapshot snapshot) {
    Map<String, Analyzer> perField = new HashMap<>();
    perField.put(TEXT, LabelAnalyzers.index(true));
    perField.put(WORDS, LabelAnalyzers.index(false));
    perField.put(WORD_PREFIX, LabelAnalyzers.wordPrefixes(WORD_PREFIX_CHARS));
    perField.put(EXACT_PREFIX, LabelAnalyzers.labelPrefixes(LABEL_PREFIX_CHARS));
    Analyzer analyzer = new org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper(
        LabelAnalyzers.index(true), perField);
    // each file as one buffer: a search opens many slices of the files (a terms enum per term, postings per
    // clause), and slicing a file kept as many buffers copied its list of buffers every time
    ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
        ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    // merging only neighbouring segments keeps doc ids in the order labels are added (ties between the labels of
    // one entity go to the one added first)
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setMergePolicy(new LogDocMergePolicy());
    Labels labels = new Labels();
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (Competency c : snapshot.competencies()) {
        List<Field> filters = new ArrayList<>();
        filters.add(new StringField(SKILL_TYPE, c.skillType(), Field.Store.NO));
        filters.add(new StringField(REUSE, c.reuseLevel(), Field.Store.NO));
        c.collections().forEach(col -> filters.add(new StringField(COLLECTION, col.apiName(), Field.Store.NO)));
        addLabels(writer, labels, Kind.COMPETENCY, c.index(), c.label(), c.altLabels(), c.hiddenLabels(), filters);
      }
      for (Occupation o : snapshot.occupations()) {
        List<Field> filters = new ArrayList<>();
        for (int digits = 1; digits <= o.iscoGroup().length(); digits++) {
          filters.add(new StringField(ISCO, o.iscoGroup().substring(0, digits), Field.Store.NO));
        }
        addLabels(writer, labels, Kind.OCCUPATION, o.index(), o.label(), o.altLabels(), o.hiddenLabels(), filters);
      }
      writer.forceMerge(1);
      writer.commit();
      return new LabelSearch(DirectoryReader.open(directory), labels);
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
      List<TopEntities.Entry> best = searcher.search(build(kind, request, text),
          new TopEntities(limit, docIndex, docLabelKind, LABEL_WEIGHT, docsInEntityOrder));
      List<SearchHit> page = new ArrayList<>(best.size());
      for (TopEntities.Entry e : best) {
        page.add(new SearchHit(e.index(), docLabel[e.doc()], LABEL_KINDS[docLabelKind[e.doc()]], e.score()));
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
    match.add(new BoostQuery(prefix(EXACT, EXACT_PREFIX, LABEL_PREFIX_CHARS, normalised), 3), Occur.SHOULD);
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
    b.add(prefix(WORDS, WORD_PREFIX, WORD_PREFIX_CHARS, tokens.getLast()), Occur.MUST);
    return b.build();
  }

  /**
   * Terms of {@code field} starting with {@code prefix}, at a constant score: one indexed prefix term when the
   * prefix is short enough to be indexed, else a prefix query (which scores as a constant too).
   */
  private static Query prefix(String field, String prefixField, int indexedChars, String prefix) {
    return prefix.length() <= indexedChars
        ? new ConstantScoreQuery(new TermQuery(new Term(prefixField, prefix)))
        : new PrefixQuery(new Term(field, prefix));
  }

  private static void addLabels(IndexWriter writer, Labels labels, Kind kind, int index, String preferred,
      List<String> alt, List<String> hidden, List<Field> filters) throws IOException {
    add(writer, labels, kind, index, preferred, 0, filters);
    for (String a : alt) {
      add(writer, labels, kind, index, a, 1, filters);
    }
    for (String h : hidden) {
      add(writer, labels, kind, index, h, 2, filters);
    }
  }

  private static void add(IndexWriter writer, Labels labels, Kind kind, int index, String label, int labelKind,
      List<Field> filters) throws IOException {
    if (label == null || label.isBlank()) {
      return;
    }
    String normalised = normalise(label);
    Document doc = new Document();
    doc.add(new StringField(KIND, kind.name(), Field.Store.NO));
    doc.add(new NumericDocValuesField(ORDINAL, labels.text.size()));
    doc.add(new StringField(EXACT, normalised, Field.Store.NO));
    doc.add(new Field(EXACT_PREFIX, normalised, PREFIX_FIELD));
    doc.add(new TextField(TEXT, label, Field.Store.NO));
    doc.add(new TextField(WORDS, label, Field.Store.NO));
    doc.add(new Field(WORD_PREFIX, label, PREFIX_FIELD));
    filters.forEach(doc::add);
    writer.addDocument(doc);
    labels.index.add(index);
    labels.kind.add((byte) labelKind);
    labels.entityKind.add((byte) kind.ordinal());
    labels.text.add(label);
  }

  private static FieldType prefixFieldType() {
    FieldType type = new FieldType();
    type.setIndexOptions(IndexOptions.DOCS);
    type.setTokenized(true);
    type.setOmitNorms(true);
    type.freeze();
    return type;
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
  public static String normalise(String text) {
    return SEPARATORS.matcher(fold(text)).replaceAll(" ").strip();
  }

  /** Lower case and accents off, punctuation kept. */
  public static String fold(String text) {
    return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
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
