package io.cairn.labor.titles;

/**
 * How candidates and their features are made; every setting is recorded in the model card.
 *
 * @param titlesWithoutSeniority whether remembered titles are compared with seniority words off (as labels
 *     are) or kept (they carry the dataset's own conventions: "intern" titles go to assistant occupations)
 * @param neighbours how many nearest remembered titles (and labels) vote
 * @param candidatesPerSource how many occupations each source (title vote, label similarity, Lucene) proposes
 */
public record TitleSettings(boolean titlesWithoutSeniority, int neighbours, int candidatesPerSource) {

  public TitleSettings {
    if (neighbours < 1 || candidatesPerSource < 1) {
      throw new IllegalArgumentException("neighbours and candidatesPerSource must be at least 1");
    }
  }

  public static TitleSettings defaults() {
    return new TitleSettings(false, 25, 20);
  }
}
