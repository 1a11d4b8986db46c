package io.cairn.labor.postings;

import java.util.List;

/**
 * A job posting as an employer gives it: a title and free text, or a list of skill phrases ("Python",
 * "stakeholder management"), or any of them together.
 *
 * @param title the job title, or null
 * @param text the body of the posting, or null
 * @param skills skill phrases, each read on its own (empty when none)
 */
public record Posting(String title, String text, List<String> skills) {

  public Posting {
    skills = skills == null ? List.of() : List.copyOf(skills);
  }

  /** A posting with a title and a text and no skill list. */
  public static Posting of(String title, String text) {
    return new Posting(title, text, List.of());
  }

  /** The longest title read, in characters. */
  public static final int MAX_TITLE = 300;
  /** The longest text read, in characters (a long posting is a few thousand). */
  public static final int MAX_TEXT = 20_000;
  /** The most skill phrases read, and the longest one. */
  public static final int MAX_SKILLS = 200;
  public static final int MAX_SKILL = 200;

  /**
   * Refuses a posting with nothing to read or more than is read, saying what to fix.
   *
   * @throws IllegalArgumentException naming the part at fault
   */
  public void check() {
    if (isBlank()) {
      throw new IllegalArgumentException("the posting is empty: give 'title' and 'text' (the posting as written),"
          + " or 'skills' (a list of skill phrases), or both");
    }
    if (title != null && title.length() > MAX_TITLE) {
      throw new IllegalArgumentException("'title' has " + title.length() + " characters; at most " + MAX_TITLE
          + " are read (put the body of the posting in 'text')");
    }
    if (text != null && text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("'text' has " + text.length() + " characters; at most " + MAX_TEXT
          + " are read: send one posting at a time, without attachments");
    }
    if (skills.size() > MAX_SKILLS) {
      throw new IllegalArgumentException("'skills' has " + skills.size() + " phrases; at most " + MAX_SKILLS
          + " are read");
    }
    for (int i = 0; i < skills.size(); i++) {
      if (skills.get(i) != null && skills.get(i).length() > MAX_SKILL) {
        throw new IllegalArgumentException("'skills[" + i + "]' has " + skills.get(i).length()
            + " characters; a skill phrase is at most " + MAX_SKILL + " (put prose in 'text')");
      }
    }
  }

  /** Whether there is nothing to read in it. */
  public boolean isBlank() {
    return (title == null || title.isBlank()) && (text == null || text.isBlank())
        && skills.stream().allMatch(s -> s == null || s.isBlank());
  }
}
