package io.cairn.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analyzers of label search. Labels and queries are lower-cased, accent-folded and reduced to singular
 * ("nurses" finds "nurse"); queries also expand the abbreviations of job ads ("dev", "mgr", "RN") from
 * {@code abbreviations.txt}, so people can search in their own words.
 */
final class LabelAnalyzers {
  private LabelAnalyzers() {}

  /** For indexing labels and for prefix matching: no stemming when {@code stem} is false. */
  static Analyzer index(boolean stem) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = normalise(source);
        return new TokenStreamComponents(source, stem ? new EnglishMinimalStemFilter(stream) : stream);
      }
    };
  }

  /** The prefixes of each label word (as {@link #index(boolean)} without stemming splits them), up to {@code chars}. */
  static Analyzer wordPrefixes(int chars) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new EdgeNGramTokenFilter(normalise(source), 1, chars, false));
      }
    };
  }

  /** The prefixes of a whole (already normalised) label, up to {@code chars}. */
  static Analyzer labelPrefixes(int chars) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new KeywordTokenizer();
        return new TokenStreamComponents(source, new EdgeNGramTokenFilter(source, 1, chars, false));
      }
    };
  }

  /** For queries: like {@link #index(boolean)} with stemming, after expanding abbreviations. */
  static Analyzer query(SynonymMap abbreviations) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new SynonymGraphFilter(normalise(source), abbreviations, true);
        return new TokenStreamComponents(source, new EnglishMinimalStemFilter(stream));
      }
    };
  }

  /** The abbreviations shipped with Cairn. */
  static SynonymMap abbreviations() {
    String resource = "io/cairn/search/abbreviations.txt";
    try (InputStream in = LabelAnalyzers.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      SolrSynonymParser parser = new SolrSynonymParser(true, true, index(false));
      parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("bad line in " + resource + ": " + e.getMessage(), e);
    }
  }

  private static TokenStream normalise(Tokenizer source) {
    return new ASCIIFoldingFilter(new EnglishPossessiveFilter(new LowerCaseFilter(source)));
  }
}
