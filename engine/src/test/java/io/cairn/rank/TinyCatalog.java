package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Credential;
import io.cairn.catalog.CredentialKind;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.IntSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Hand-made catalogs for recommender tests where the sample would hide the behaviour under test. */
final class TinyCatalog {
  private final List<String> skills = new ArrayList<>();
  private final List<Credential> credentials = new ArrayList<>();

  int skill(String id) {
    skills.add(id);
    return skills.size() - 1;
  }

  int credential(String id, double cost, double hours, IntSet requires, int... teaches) {
    return credential(id, cost, hours, Set.of(), requires, teaches);
  }

  /** A credential whose description leaves {@code unknown} out: they read 0, as the snapshot compiler makes them. */
  int credential(String id, double cost, double hours, Set<Credential.Fact> unknown, IntSet requires,
      int... teaches) {
    credentials.add(new Credential(credentials.size(), "https://w3id.org/cairn/id/credential/" + id, id, id, "",
        CredentialKind.BADGE, "Badge", -1, hours, 0, 5, DeliveryMode.ONLINE, cost, "EUR", IntSet.of(teaches),
        requires, IntSet.empty(), List.of(), unknown));
    return credentials.size() - 1;
  }

  CatalogSnapshot snapshot() {
    List<Competency> competencies = new ArrayList<>();
    for (int i = 0; i < skills.size(); i++) {
      competencies.add(new Competency(i, "http://data.europa.eu/esco/skill/" + skills.get(i), skills.get(i),
          skills.get(i), List.of(), "skill", "cross-sector", 0.5, 100, ""));
    }
    return new CatalogSnapshot(1, Instant.EPOCH, competencies, List.of(), credentials, List.of(), List.of(),
        competencies.stream().map(c -> IntSet.empty()).toList());
  }
}
