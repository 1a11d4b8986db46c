package io.cairn.interop.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture of {@code ../shared/fixtures/ob3}, signed and checked by an independent implementation, reaches the
 * conclusion its manifest gives: valid ones verify and attest the achievements and alignments the manifest lists;
 * invalid ones are refused, for the reason the manifest states.
 */
class FixtureVerificationTest {
  private static final CredentialVerifier VERIFIER = Ob3Fixtures.verifier();

  static List<Ob3Fixtures.Entry> entries() {
    return Ob3Fixtures.entries();
  }

  @Test
  void theManifestHasValidAndInvalidFixtures() {
    List<Ob3Fixtures.Entry> entries = entries();
    assertTrue(entries.stream().filter(Ob3Fixtures.Entry::valid).count() >= 8, "valid fixtures");
    assertTrue(entries.stream().filter(e -> !e.valid()).count() >= 16, "invalid fixtures");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void reachesTheManifestsConclusion(Ob3Fixtures.Entry entry) {
    CredentialCheck check = VERIFIER.verify(0, new PresentedCredential(Ob3Fixtures.text(entry.file())));
    if (entry.valid()) {
      assertTrue(check.verified(), () -> entry.file() + " must verify, refused: " + check.refusal() + " "
          + check.detail());
      assertEquals(entry.raw().get("issuer").asText(), check.issuer().id());
      assertEquals(entry.raw().get("credentialId").asText(), check.credentialId());
      Set<String> achievements = new LinkedHashSet<>();
      Set<String> alignments = new LinkedHashSet<>();
      check.achievements().forEach(a -> {
        achievements.add(a.id());
        alignments.addAll(a.alignments());
      });
      Set<String> expectedAchievements = entry.achievementId().isEmpty()
          ? new LinkedHashSet<>(entry.nestedAchievementIds()) : Set.of(entry.achievementId());
      assertEquals(expectedAchievements, achievements, "achievements attested");
      assertEquals(new LinkedHashSet<>(entry.alignments()), alignments, "alignments attested");
    } else {
      assertFalse(check.verified(), () -> entry.file() + " must be refused (" + entry.reason() + ")");
      assertTrue(check.achievements().isEmpty(), "a refused credential attests nothing");
      entry.expectedRefusal().ifPresent(expected -> assertEquals(expected, check.refusal().orElseThrow(),
          () -> entry.file() + ": " + entry.reason() + " -> refused with: " + check.detail()));
      assertFalse(check.detail().isBlank(), "a refusal says why");
    }
  }
}
