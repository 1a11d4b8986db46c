package io.cairn.labor.titles;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Occupation;
import io.cairn.search.LabelSearch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ESCO's labels of every occupation of one snapshot (preferred, alternative and hidden), indexed for
 * similarity, with each occupation's label words and ISCO-08 minor group. Immutable and thread-safe.
 */
final class OccupationLabels {
  final NeighbourIndex index;
  /** Per label document: its occupation, whether it is the preferred label, and its text as written. */
  final int[] occupation;
  final boolean[] preferred;
  final String[] label;
  /** Per occupation: normalised label texts, label words (singular) and the ISCO-08 minor group. */
  final Set<String>[] texts;
  final Set<String>[] words;
  final String[] minorGroup;

  @SuppressWarnings("unchecked")
  OccupationLabels(CatalogSnapshot snapshot) {
    List<String> docs = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    List<Boolean> isPreferred = new ArrayList<>();
    List<String> written = new ArrayList<>();
    int n = snapshot.occupations().size();
    texts = new Set[n];
    words = new Set[n];
    minorGroup = new String[n];
    for (Occupation o : snapshot.occupations()) {
      texts[o.index()] = new HashSet<>();
      words[o.index()] = new HashSet<>();
      minorGroup[o.index()] = o.iscoGroup().length() >= 3 ? o.iscoGroup().substring(0, 3) : o.iscoGroup();
      List<String> all = new ArrayList<>();
      all.add(o.label());
      all.addAll(o.altLabels());
      all.addAll(o.hiddenLabels());
      for (int i = 0; i < all.size(); i++) {
        String text = LabelSearch.normalise(all.get(i));
        if (text.isEmpty() || !texts[o.index()].add(text)) {
          continue;
        }
        docs.add(text);
        owner.add(o.index());
        isPreferred.add(i == 0);
        written.add(all.get(i));
        for (String w : text.split(" ")) {
          words[o.index()].add(singular(w));
        }
      }
    }
    index = new NeighbourIndex(docs);
    occupation = owner.stream().mapToInt(Integer::intValue).toArray();
    preferred = new boolean[docs.size()];
    for (int i = 0; i < preferred.length; i++) {
      preferred[i] = isPreferred.get(i);
    }
    label = written.toArray(String[]::new);
  }

  /** A crude singular, enough to let "nurses" meet "nurse" and "sales" stay "sales". */
  static String singular(String word) {
    return word.length() > 4 && word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1)
        : word;
  }
}
