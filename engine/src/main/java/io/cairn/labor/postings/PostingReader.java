package io.cairn.labor.postings;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Occupation;
import io.cairn.labor.titles.OccupationMatch;
import io.cairn.search.LabelSearch;
import io.cairn.search.SearchHit;
import io.cairn.search.SearchRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a job posting as ESCO skills: every competency label (preferred, alternative, hidden) found in the title,
 * the text or a skill phrase as whole words, the longest label winning where labels overlap. The occupation the
 * title normalizes to is context: where one label names several skills it picks the one the occupation needs, it
 * lets the words that are too common to be a skill on their own count only when the occupation needs them, its
 * own skills are also found when the posting says them in other word orders and forms ({@link ContextMatcher}),
 * and it orders the answer (the occupation's essential skills first). Immutable and thread-safe; build one per
 * catalog snapshot.
 */
public final class PostingReader {
  private final CatalogSnapshot snapshot;
  private final SkillLexicon lexicon;
  private final LabelSearch search;
  private final LabelFilter filter;
  private final ContextMatcher context;

  private PostingReader(CatalogSnapshot snapshot, LabelSearch search) {
    this.snapshot = snapshot;
    this.lexicon = new SkillLexicon(snapshot);
    this.search = search;
    this.filter = new LabelFilter(snapshot, lexicon);
    this.context = new ContextMatcher(snapshot);
  }

  /** A reader over the competencies of {@code snapshot}; {@code search} is its label search (for skill phrases). */
  public static PostingReader of(CatalogSnapshot snapshot, LabelSearch search) {
    return new PostingReader(snapshot, search);
  }

  /**
   * The skills {@code posting} asks for, read with {@code occupation} (what its title normalizes to, or null) as
   * context.
   */
  public PostingSkills read(Posting posting, OccupationMatch occupation) {
    Context context = new Context(occupation == null ? null : snapshot.occupation(occupation.occupation()));
    Map<Integer, Found> found = new LinkedHashMap<>();
    if (posting.title() != null) {
      scan("title", posting.title(), context, found);
    }
    if (posting.text() != null) {
      scan("text", posting.text(), context, found);
    }
    for (int i = 0; i < posting.skills().size(); i++) {
      String phrase = posting.skills().get(i);
      if (phrase != null && !phrase.isBlank()) {
        phrase("skills[" + i + "]", phrase, context, found);
      }
    }
    if (context.occupation != null && posting.text() != null) {
      for (ContextMatcher.Match m : this.context.find(context.occupation, posting.text())) {
        if (!found.containsKey(m.competency()) && !overlaps(found, m.start(), m.end())) {
          Found f = new Found(m.competency(), m.label(), "context");
          f.evidence.add(new Evidence("text", m.start(), m.end(), posting.text().substring(m.start(), m.end())));
          found.put(m.competency(), f);
        }
      }
    }
    List<FoundSkill> skills = new ArrayList<>();
    int order = 0;
    List<Found> all = new ArrayList<>(found.values());
    for (Found f : all) {
      f.order = order++;
    }
    all.sort(Comparator.comparingInt((Found f) -> context.rank(f.competency)).thenComparingInt(f -> f.order));
    for (Found f : all) {
      skills.add(new FoundSkill(f.competency, f.label, f.kind, context.relation(f.competency), f.evidence));
    }
    return new PostingSkills(occupation, skills);
  }

  /** The occupation the posting is for, as context. */
  private static final class Context {
    private final Occupation occupation;

    Context(Occupation occupation) {
      this.occupation = occupation;
    }

    /** 0 essential, 1 optional, 2 neither. */
    int rank(int competency) {
      if (occupation == null) {
        return 2;
      }
      return occupation.essential().contains(competency) ? 0 : occupation.optional().contains(competency) ? 1 : 2;
    }

    String relation(int competency) {
      return switch (rank(competency)) {
        case 0 -> "essential";
        case 1 -> "optional";
        default -> "other";
      };
    }
  }

  /** A skill found so far. */
  private static final class Found {
    final int competency;
    final String label;
    final String kind;
    final List<Evidence> evidence = new ArrayList<>();
    int order;

    Found(int competency, String label, String kind) {
      this.competency = competency;
      this.label = label;
      this.kind = kind;
    }
  }

  /** Finds labels in one field: at each word the longest label starting there that may count. */
  private void scan(String field, String value, Context context, Map<Integer, Found> found) {
    List<Token> tokens = Tokens.of(value);
    int i = 0;
    while (i < tokens.size()) {
      int bestLength = 0;
      SkillLexicon.Sense best = null;
      StringBuilder key = new StringBuilder();
      for (int length = 1; length <= lexicon.longest() && i + length <= tokens.size(); length++) {
        if (length > 1) {
          key.append(' ');
        }
        key.append(tokens.get(i + length - 1).key());
        String k = key.toString();
        SkillLexicon.Sense sense = choose(lexicon.senses(k), k, context, length);
        if (sense != null) {
          bestLength = length;
          best = sense;
        }
        if (!lexicon.isPrefix(k)) {
          break;
        }
      }
      if (best == null) {
        i++;
        continue;
      }
      int start = tokens.get(i).start();
      int end = tokens.get(i + bestLength - 1).end();
      record(found, best, new Evidence(field, start, end, value.substring(start, end)));
      i += bestLength;
    }
  }

  /**
   * A skill phrase: its whole text as a label first, then labels inside it, then (when nothing matched) the
   * label search's best competency, as the employer said it is a skill.
   */
  private void phrase(String field, String value, Context context, Map<Integer, Found> found) {
    List<Token> tokens = Tokens.of(value);
    if (tokens.isEmpty()) {
      return;
    }
    String whole = String.join(" ", tokens.stream().map(Token::key).toList());
    SkillLexicon.Sense sense = choose(lexicon.senses(whole), whole, context, Integer.MAX_VALUE);
    int start = tokens.getFirst().start();
    int end = tokens.getLast().end();
    if (sense != null) {
      record(found, sense, new Evidence(field, start, end, value.substring(start, end)));
      return;
    }
    int before = evidenceCount(found);
    scan(field, value, context, found);
    if (evidenceCount(found) > before) {
      return;
    }
    List<SearchHit> hits = search.search(LabelSearch.Kind.COMPETENCY, SearchRequest.of(value), 1);
    if (!hits.isEmpty()) {
      SearchHit hit = hits.getFirst();
      Found f = found.computeIfAbsent(hit.index(), c -> new Found(c, hit.matchedLabel(), "search"));
      f.evidence.add(new Evidence(field, start, end, value.substring(start, end)));
    }
  }

  /** Whether a label already found in the text covers any of {@code start..end}. */
  private static boolean overlaps(Map<Integer, Found> found, int start, int end) {
    return found.values().stream().flatMap(f -> f.evidence.stream())
        .anyMatch(e -> e.field().equals("text") && e.start() < end && start < e.end());
  }

  private static int evidenceCount(Map<Integer, Found> found) {
    return found.values().stream().mapToInt(f -> f.evidence.size()).sum();
  }

  private static void record(Map<Integer, Found> found, SkillLexicon.Sense sense, Evidence evidence) {
    Found f = found.computeIfAbsent(sense.competency(), c -> new Found(c, sense.label(),
        sense.kind().name().toLowerCase(Locale.ROOT)));
    f.evidence.add(evidence);
  }

  /**
   * The sense of a label that counts here, or null: senses the filter refuses drop out; of the rest, one the
   * occupation needs (essential before optional), then the better label kind, then the skill more occupations
   * need, then the lower index.
   */
  private SkillLexicon.Sense choose(List<SkillLexicon.Sense> senses, String key, Context context, int words) {
    SkillLexicon.Sense best = null;
    for (SkillLexicon.Sense s : senses) {
      if (!filter.counts(s, key, words, context.rank(s.competency()) < 2)) {
        continue;
      }
      if (best == null || better(s, best, context)) {
        best = s;
      }
    }
    return best;
  }

  private boolean better(SkillLexicon.Sense a, SkillLexicon.Sense b, Context context) {
    int ra = context.rank(a.competency());
    int rb = context.rank(b.competency());
    if (ra != rb) {
      return ra < rb;
    }
    if (a.kind() != b.kind()) {
      return a.kind().ordinal() < b.kind().ordinal();
    }
    int oa = lexicon.occupations(a.competency());
    int ob = lexicon.occupations(b.competency());
    return oa != ob ? oa > ob : a.competency() < b.competency();
  }
}
