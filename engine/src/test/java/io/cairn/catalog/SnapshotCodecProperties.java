package io.cairn.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.rank.SampleCatalog;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SnapshotCodec} gives back the snapshot it was given: the same entities and lookups, the same answers to
 * recommendations and audits. Over the sample (compiled from the real graph) and over seeded random catalogs that
 * reach what the sample does not (every enum value, unknown facts, NaN and infinite numbers, empty and non-ASCII
 * strings, -1 references, nested requirement trees of every kind); a failure names its seed.
 */
class SnapshotCodecProperties {

  static LongStream seeds() {
    return LongStream.range(0, 60).map(i -> 0xC0DEC000L + i * 104_729);
  }

  @Test
  void theSampleComesBackTheSame() {
    CatalogSnapshot sample = SampleCatalog.snapshot();
    SameCatalog.assertSame(sample, roundTrip(sample), 7, 300, "sample");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aRandomCatalogComesBackTheSame(long seed) {
    CatalogSnapshot random = RandomCatalog.draw(new Random(seed));
    CatalogSnapshot decoded = roundTrip(random);
    assertEquals(random.builtAt(), decoded.builtAt(), "seed " + seed);
    SameCatalog.assertSame(random, decoded, seed, 40, "random catalog");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyCutOfTheBytesIsRefused(long seed) {
    byte[] bytes = encode(RandomCatalog.draw(new Random(seed)));
    Random random = new Random(seed);
    for (int i = 0; i < 20; i++) {
      int cut = random.nextInt(bytes.length);
      ByteBuffer shorter = ByteBuffer.wrap(java.util.Arrays.copyOf(bytes, cut));
      assertThrows(IllegalArgumentException.class, () -> SnapshotCodec.read(shorter),
          "seed " + seed + ": cut at " + cut + " of " + bytes.length);
    }
  }

  static CatalogSnapshot roundTrip(CatalogSnapshot snapshot) {
    ByteBuffer in = ByteBuffer.wrap(encode(snapshot));
    CatalogSnapshot decoded = SnapshotCodec.read(in);
    assertFalse(in.hasRemaining(), "the decoder read every byte");
    return decoded;
  }

  static byte[] encode(CatalogSnapshot snapshot) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      SnapshotCodec.write(snapshot, new DataOutputStream(bytes));
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A seeded random catalog with at least one of everything a request needs. */
  static final class RandomCatalog {
    private static final String[] WORDS = {"data", "Pflege", "soins infirmiers", "", "über", "日本語", "x\u0000y",
        "safety", "welding", "\uD83E\uDDF1 cairn"};
    private static final double[] NUMBERS = {0, 1, 2.5, 60, 1e6, Double.NaN, Double.POSITIVE_INFINITY, -0.0};

    private RandomCatalog() {}

    static CatalogSnapshot draw(Random r) {
      int nc = 1 + r.nextInt(40);
      int no = 1 + r.nextInt(6);
      int ni = r.nextInt(4);
      int nk = 1 + r.nextInt(30);
      List<Competency> competencies = new ArrayList<>();
      List<IntSet> broader = new ArrayList<>();
      for (int i = 0; i < nc; i++) {
        Set<EscoCollection> collections = EnumSet.noneOf(EscoCollection.class);
        for (EscoCollection e : EscoCollection.values()) {
          if (r.nextInt(5) == 0) {
            collections.add(e);
          }
        }
        competencies.add(new Competency(i, "https://example.org/k/" + i, "k" + i, word(r), words(r), word(r),
            word(r), number(r), r.nextLong(), word(r), words(r), collections));
        // broader links to earlier concepts mostly, and now and then a later one (a cycle the closure must survive)
        broader.add(i == 0 ? IntSet.empty() : some(r, r.nextInt(10) == 0 ? nc : i, 2));
      }
      List<Occupation> occupations = new ArrayList<>();
      for (int i = 0; i < no; i++) {
        occupations.add(new Occupation(i, "https://example.org/o/" + i, "o" + i, word(r), word(r), some(r, nc, 6),
            some(r, nc, 6), words(r), words(r)));
      }
      List<Issuer> issuers = new ArrayList<>();
      for (int i = 0; i < ni; i++) {
        issuers.add(new Issuer(i, "https://example.org/i/" + i, "i" + i, word(r)));
      }
      List<Credential> credentials = new ArrayList<>();
      for (int i = 0; i < nk; i++) {
        List<StackLink> stacks = new ArrayList<>();
        for (int t : some(r, nk, 2).toArray()) {
          if (t > i) {
            stacks.add(new StackLink(t, number(r)));
          }
        }
        Set<Credential.Fact> unknown = EnumSet.noneOf(Credential.Fact.class);
        for (Credential.Fact f : Credential.Fact.values()) {
          if (r.nextBoolean()) {
            unknown.add(f);
          }
        }
        credentials.add(new Credential(i, "https://example.org/c/" + i, "c" + i, word(r), word(r),
            pick(r, CredentialKind.values()), word(r), ni == 0 ? -1 : r.nextInt(ni + 1) - 1, number(r), number(r),
            r.nextInt(9), pick(r, DeliveryMode.values()), number(r), r.nextBoolean() ? "EUR" : word(r),
            some(r, nc, 5), some(r, i, 2), some(r, nc, 2), stacks, unknown));
      }
      List<Pathway> pathways = new ArrayList<>();
      int np = 1 + r.nextInt(3);
      for (int i = 0; i < np; i++) {
        List<Destination> destinations = new ArrayList<>();
        int nd = 1 + r.nextInt(3);
        for (int d = 0; d < nd; d++) {
          destinations.add(new Destination("https://example.org/d/" + i + "-" + d, "d" + i + "-" + d, word(r),
              r.nextInt(nk + 1) - 1, r.nextBoolean(), requirement(r, nc, nk, 3, "p" + i + "d" + d)));
        }
        pathways.add(new Pathway(i, "https://example.org/p/" + i, "p" + i, word(r), word(r), destinations,
            r.nextInt(no + 1) - 1));
      }
      Instant builtAt = Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextInt(1_000_000_000));
      return new CatalogSnapshot(1 + r.nextInt(1000), builtAt, competencies, occupations, credentials, issuers,
          pathways, broader);
    }

    private static Requirement requirement(Random r, int nc, int nk, int depth, String path) {
      int kind = depth == 0 ? 1 + r.nextInt(2) : r.nextInt(3);
      String iri = "https://example.org/r/" + path;
      return switch (kind) {
        case 1 -> new Requirement.CredentialLeaf(iri, path, word(r), r.nextInt(nk));
        case 2 -> new Requirement.CompetencyLeaf(iri, path, word(r), r.nextInt(nc));
        default -> {
          List<Requirement> children = new ArrayList<>();
          int n = 1 + r.nextInt(4);
          for (int i = 0; i < n; i++) {
            children.add(requirement(r, nc, nk, depth - 1, path + "." + i));
          }
          Requirement.Rule rule = pick(r, Requirement.Rule.values());
          yield new Requirement.Condition(iri, path, word(r), rule,
              rule == Requirement.Rule.AT_LEAST ? 1 + r.nextInt(n) : n,
              rule == Requirement.Rule.MINIMUM_CREDITS ? 1 + r.nextInt(20) : 0, r.nextBoolean(), children);
        }
      };
    }

    private static IntSet some(Random r, int bound, int max) {
      return bound == 0 ? IntSet.empty() : IntSet.of(r.ints(r.nextInt(max + 1), 0, bound).toArray());
    }

    private static String word(Random r) {
      return WORDS[r.nextInt(WORDS.length)] + (r.nextBoolean() ? " " + r.nextInt(100) : "");
    }

    private static List<String> words(Random r) {
      List<String> words = new ArrayList<>();
      for (int i = r.nextInt(3); i > 0; i--) {
        words.add(word(r));
      }
      return words;
    }

    private static double number(Random r) {
      return r.nextInt(3) == 0 ? NUMBERS[r.nextInt(NUMBERS.length)] : r.nextInt(10_000) / 10.0;
    }

    private static <T> T pick(Random r, T[] values) {
      return values[r.nextInt(values.length)];
    }
  }
}
