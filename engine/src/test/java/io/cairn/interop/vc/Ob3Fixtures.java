package io.cairn.interop.vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The signed Open Badges 3.0 / CLR 2.0 fixtures in {@code ../shared/fixtures/ob3}, made by an independent
 * implementation, and what their manifest says a verifier must conclude. Read by path, never copied.
 */
public final class Ob3Fixtures {
  /** A fixed "now" inside every valid fixture's validity period (2025 to 2099), so the tests do not age. */
  public static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

  private Ob3Fixtures() {}

  public static Path shared() {
    return Path.of(System.getProperty("cairn.shared", "../shared"));
  }

  public static Path directory() {
    return shared().resolve("fixtures/ob3");
  }

  public static CredentialVerifier verifier() {
    return new CredentialVerifier(OfflineContexts.fromShared(shared()), TrustedIssuers.none(), NOW);
  }

  public static String text(String file) {
    try {
      return Files.readString(directory().resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One manifest entry. */
  public record Entry(String file, boolean valid, String reason, String format, String achievementId,
      List<String> alignments, List<String> nestedAchievementIds, JsonNode raw) {
    @Override
    public String toString() {
      return file;
    }

    /**
     * The refusal the manifest's words call for, when they name one clearly: the manifest gives reasons as prose
     * (it is meant for other implementations too), so this reads the prose; other wording only requires a refusal.
     */
    public Optional<Refusal> expectedRefusal() {
      if (valid) {
        return Optional.empty();
      }
      String r = reason.toLowerCase(Locale.ROOT);
      if (format.endsWith("-none") || r.contains("alg is \"none\"")) {
        return Optional.of(Refusal.UNSUPPORTED_PROOF);
      }
      if (r.startsWith("expired")) {
        return Optional.of(Refusal.EXPIRED);
      }
      if (r.startsWith("not yet valid")) {
        return Optional.of(Refusal.NOT_YET_VALID);
      }
      if (r.contains("controller is not issuer.id") || r.contains("does not belong to")) {
        return Optional.of(Refusal.KEY_NOT_ISSUERS);
      }
      if (r.contains("changed after signing") || r.contains("altered after") || r.contains("does not verify")
          || r.contains("corrupted") || r.contains("truncated") || r.contains("does not cover this document")
          || r.contains("made with another")) {
        return Optional.of(Refusal.BAD_SIGNATURE);
      }
      return Optional.empty();
    }
  }

  public static List<Entry> entries() {
    try {
      JsonNode manifest = new ObjectMapper().readTree(directory().resolve("manifest.json").toFile());
      List<Entry> entries = new ArrayList<>();
      for (JsonNode f : manifest.get("files")) {
        List<String> alignments = new ArrayList<>();
        f.path("alignments").forEach(a -> alignments.add(a.asText()));
        List<String> nested = new ArrayList<>();
        f.path("nested").forEach(n -> nested.add(n.path("achievementId").asText()));
        entries.add(new Entry(f.get("file").asText(), f.get("expected").asText().equals("valid"),
            f.path("reason").asText(""), f.path("format").asText(""),
            f.path("achievementId").isNull() ? "" : f.path("achievementId").asText(""), alignments, nested, f));
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
