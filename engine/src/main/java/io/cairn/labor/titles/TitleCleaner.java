package io.cairn.labor.titles;

import io.cairn.search.LabelSearch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Takes the noise out of a vacancy title before it is compared with anything: gender markers ("(m/f/d)",
 * "f/m/x"), percentages ("100%"), pay ("RM1000", "$50k", "£30,000 per annum"), bare numbers, places, company
 * legal forms and the words of the advertisement itself ("urgent", "- Remote", "full time"); then, for
 * comparison with ESCO's labels, seniority words ("senior", "junior", "head of", "intern", a leading "lead").
 * The result is lower case, accent-folded, one space between words. The word lists live in
 * {@code title-noise.txt}. Immutable and thread-safe.
 */
public final class TitleCleaner {
  private static final String RESOURCE = "io/cairn/labor/titles/title-noise.txt";
  private static final Pattern GENDER = Pattern.compile(
      "\\(?\\b[mfwdhx]\\s*/\\s*[mfwdhx](\\s*/\\s*(?:[mfwdhx]|div|divers|nb|i))*\\b\\)?|\\(\\s*(?:gn|all genders)\\s*\\)");
  private static final Pattern PERCENT = Pattern.compile("\\d+(?:[.,]\\d+)?\\s*(?:-\\s*\\d+\\s*)?%");
  private static final Pattern PAY = Pattern.compile(
      "(?:rm|usd|eur|gbp|sgd|myr|inr|aud|\\$|£|€)\\s*\\d[\\d,.]*\\s*k?\\b\\*?"
          + "|\\b\\d[\\d,.]*\\s*k?\\s*(?:rm|usd|eur|gbp|sgd|myr|inr|aud|€|£)(?![a-z])");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*k?");
  private static final List<String> PLACE_LEADS = List.of("based in", "located in", "in", "at");

  private final Map<String, Section> phrases;
  private final int longestPhrase;

  private enum Section { SENIORITY, FILLER, PLACE, COMPANY }

  private TitleCleaner(Map<String, Section> phrases) {
    this.phrases = Map.copyOf(phrases);
    this.longestPhrase = phrases.keySet().stream().mapToInt(p -> p.split(" ").length).max().orElse(1);
  }

  /** The cleaner with the word lists shipped with Cairn. */
  public static TitleCleaner standard() {
    return Holder.STANDARD;
  }

  private static final class Holder {
    static final TitleCleaner STANDARD = read();
  }

  private static TitleCleaner read() {
    try (InputStream in = TitleCleaner.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      Map<String, Section> phrases = new HashMap<>();
      Section section = null;
      for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("[")) {
          section = Section.valueOf(line.substring(1, line.length() - 1).toUpperCase(java.util.Locale.ROOT));
          continue;
        }
        if (section == null) {
          throw new IllegalStateException(RESOURCE + ": '" + line + "' comes before any [section]");
        }
        phrases.put(LabelSearch.normalise(line), section);
      }
      return new TitleCleaner(phrases);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The title without noise, seniority words kept: what vacancy titles are compared with each other by. */
  public String clean(String title) {
    return String.join(" ", words(title, false));
  }

  /**
   * The title without noise and without seniority words: what it is compared with ESCO's labels by. A title
   * that is nothing but such words ("Intern") keeps them.
   */
  public String core(String title) {
    List<String> core = words(title, true);
    return String.join(" ", core.isEmpty() ? words(title, false) : core);
  }

  private List<String> words(String title, boolean dropSeniority) {
    if (title == null) {
      return List.of();
    }
    String folded = LabelSearch.fold(title);
    folded = GENDER.matcher(folded).replaceAll(" ");
    folded = PERCENT.matcher(folded).replaceAll(" ");
    folded = PAY.matcher(folded).replaceAll(" ");
    String[] tokens = LabelSearch.normalise(folded).split(" ");
    List<String> kept = new ArrayList<>(tokens.length);
    int i = 0;
    while (i < tokens.length) {
      String token = tokens[i];
      if (token.isEmpty() || NUMBER.matcher(token).matches()) {
        i++;
        continue;
      }
      int matched = match(tokens, i, dropSeniority);
      if (matched > 0) {
        if (phrases.get(phrase(tokens, i, matched)) == Section.PLACE) {
          dropPlaceLead(kept);
        }
        i += matched;
        continue;
      }
      if (dropSeniority && token.equals("lead") && kept.isEmpty() && i + 1 < tokens.length) {
        i++;
        continue;
      }
      kept.add(token);
      i++;
    }
    return kept;
  }

  /** The length in words of the longest listed phrase starting at {@code start}, or 0. */
  private int match(String[] tokens, int start, boolean dropSeniority) {
    for (int n = Math.min(longestPhrase, tokens.length - start); n >= 1; n--) {
      Section section = phrases.get(phrase(tokens, start, n));
      if (section != null && (dropSeniority || section != Section.SENIORITY)) {
        return n;
      }
    }
    return 0;
  }

  private static String phrase(String[] tokens, int start, int n) {
    return n == 1 ? tokens[start] : String.join(" ", java.util.Arrays.asList(tokens).subList(start, start + n));
  }

  /** Drops "in", "at", "based in" just before a place. */
  private static void dropPlaceLead(List<String> kept) {
    for (String lead : PLACE_LEADS) {
      String[] words = lead.split(" ");
      int from = kept.size() - words.length;
      if (from >= 0 && String.join(" ", kept.subList(from, kept.size())).equals(lead)) {
        kept.subList(from, kept.size()).clear();
        return;
      }
    }
  }
}
