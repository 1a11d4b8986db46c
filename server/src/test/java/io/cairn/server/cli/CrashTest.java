package io.cairn.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cairn.graph.CrashPoints;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.RdfSource;
import io.cairn.graph.SampleData;
import io.cairn.graph.StoreDigest;
import io.cairn.interop.esco.FullEsco;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn load} and {@code cairn import esco} run as separate JVMs (this test's classpath) and are killed
 * with SIGKILL ({@link Process#destroyForcibly()}) at named moments: parsing, writing, validating, each step of
 * the TDB2 commit, and after it, plus seeded random delays past a moment. The child prints each
 * {@link CrashPoints crash point} and, when told to, stops at one until it is killed. After every kill the store
 * must open and hold the whole old state or the whole new state, compared by the triple count of every graph and
 * a content digest ({@link StoreDigest}); the new state is that of the same command run to the end. The seed of
 * the delays is {@code -Dcairn.crashSeed} (printed); the tally prints as "N killed, N intact".
 */
class CrashTest {
  private static final long SEED = Long.getLong("cairn.crashSeed", 20_251_201L);
  private static final Path ROOT = Path.of(System.getProperty("cairn.root", "."));
  private static final long MARKER_TIMEOUT_SECONDS = 600;
  private static int killed;
  private static int intact;
  private static int completed;

  @TempDir
  static Path temp;
  private static Path emptyStore;

  /** Which states a kill may leave. */
  private enum State { OLD, NEW }

  /**
   * One run to kill: stop at the first crash point matching {@code pauseAt} (or none), wait for the marker
   * {@code killAfter}, then {@code delayMillis} more, then SIGKILL.
   */
  private record Trial(String killAfter, String pauseAt, long delayMillis, Set<State> allowed) {
    static Trial pause(String point, State expected) {
      return new Trial(point, Pattern.quote(point), 0, Set.of(expected));
    }

    /** A kill a seeded random time (up to {@code maxDelayMillis}) after {@code point}: either state is whole. */
    static Trial after(String point, Random random, long maxDelayMillis) {
      return new Trial(point, null, random.nextLong(maxDelayMillis + 1), Set.of(State.OLD, State.NEW));
    }

    /** As {@link #after(String, Random, long)}, where only the old state can result (long before any commit). */
    static Trial during(String point, Random random, long maxDelayMillis) {
      return new Trial(point, null, random.nextLong(maxDelayMillis + 1), Set.of(State.OLD));
    }

    String describe() {
      return pauseAt != null ? "paused at '" + killAfter + "'" : delayMillis + " ms after '" + killAfter + "'";
    }
  }

  @BeforeAll
  static void emptyStore() {
    System.out.println("Crash tests: seed " + SEED + " (-Dcairn.crashSeed=N to change it)");
    emptyStore = temp.resolve("empty-store");
    // an empty store as a first run leaves it: the ontology written, no source yet
    GraphStore.onDisk(emptyStore).close();
  }

  @AfterAll
  static void tally() {
    System.out.printf("Crash tests: %d killed, %d intact (%d runs finished before their kill)%n", killed, intact,
        completed);
  }

  @Test
  void anInterruptedLoadLeavesTheOldStoreOrTheNewWhole() throws Exception {
    Path files = Files.createDirectories(temp.resolve("load-files"));
    Path edited = files.resolve("edited.ttl");
    Path added = files.resolve("added.ttl");
    Files.writeString(edited, issuer("edited-college", "Edited College", ""));
    Files.writeString(added, issuer("added-college", "Added College", "")
        + credential("added-badge", "added-college"));
    Path before = temp.resolve("load-before");
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.onDisk(before))) {
      catalog.load(SampleData.sources());
      catalog.load(List.of(RdfSource.fromFile(edited)));
    }
    // the load replaces what the edited file put in (the same source) and adds another
    Files.writeString(edited, issuer("edited-college", "Edited College, renamed", "; ceterms:description \"New\""));
    List<String> command = List.of("load", edited.toString(), added.toString());
    Random random = new Random(SEED);
    List<Trial> trials = List.of(
        Trial.pause("parse added.ttl", State.OLD),
        Trial.pause("validate", State.OLD),
        Trial.pause("write", State.OLD),
        Trial.pause("commit: journal written, committing", State.OLD),
        Trial.after("commit: journal written, committing", random, 50),
        Trial.pause("committed", State.NEW));
    crash("load", command, before, trials, true);
  }

  @Test
  void anInterruptedImportOfTheFixtureLeavesTheOldStoreOrTheNewWhole() throws Exception {
    Path fixture = ROOT.resolve("engine/src/test/resources/esco-fixture");
    // into an empty store, so the sample goes in too: killed between the two, the store once kept ESCO alone
    List<String> command = List.of("import", "esco", fixture.toString());
    Random random = new Random(SEED + 1);
    List<Trial> trials = List.of(
        Trial.pause("parse and write skills_en.csv", State.OLD),
        Trial.after("parse and write occupationSkillRelations.csv", random, 150),
        Trial.pause("write alongside", State.OLD),
        Trial.after("write alongside", random, 2500),
        Trial.pause("commit: writing the journal", State.OLD),
        Trial.pause("committed", State.NEW));
    crash("import esco (fixture)", command, emptyStore, trials, true);
  }

  @Test
  void anInterruptedImportOfFullEscoLeavesTheStoreAsItWas() throws Exception {
    Path esco = FullEsco.directory();
    if (!Files.isDirectory(esco)) {
      assertTrue(System.getenv("CI") == null, "CI run without the shared ESCO data at " + esco.toAbsolutePath());
      Assumptions.abort("no shared ESCO data at " + esco.toAbsolutePath());
    }
    List<String> command = List.of("import", "esco",
        esco.resolve("ESCO dataset - v1.1.1 - classification - en - csv.zip").toString(),
        esco.resolve("ESCO dataset - v1.1.1 - classification -  - csv.zip").toString());
    // two points while the big files stream into the open transaction, about a quarter and a half of the way
    // through (a full run to the commit and a reference run would cost minutes; the fixture covers the commit)
    Random random = new Random(SEED + 2);
    List<Trial> trials = List.of(
        Trial.during("parse and write skills_en.csv", random, 3000),
        Trial.during("parse and write occupations_en.csv", random, 3000));
    crash("import esco (ESCO 1.1.1)", command, emptyStore, trials, false);
  }

  /**
   * Runs {@code command} against copies of the store {@code before}: to the end once (the new state, when
   * {@code withNewState}: a short run), then once per trial, killed.
   */
  private static void crash(String name, List<String> command, Path before, List<Trial> trials, boolean withNewState)
      throws Exception {
    StoreDigest old = StoreDigest.of(before);
    StoreDigest after = null;
    if (withNewState) {
      Path reference = copy(before, temp.resolve(name.replaceAll("\\W+", "-") + "-reference"));
      Child run = Child.start(command, reference, null, withNewState);
      assertEquals(0, run.process.waitFor(), name + " did not finish: " + run.tail());
      after = StoreDigest.of(reference);
      assertNotEquals(old, after, name + " changed nothing, so a crash test proves nothing");
    }
    int n = 0;
    for (Trial trial : trials) {
      Path store = copy(before, temp.resolve(name.replaceAll("\\W+", "-") + "-" + n++));
      Child child = Child.start(command, store, trial.pauseAt(), withNewState);
      String landed = child.awaitMarker(trial.killAfter());
      if (trial.delayMillis() > 0) {
        Thread.sleep(trial.delayMillis());
      }
      boolean alive = child.process.isAlive();
      child.process.destroyForcibly();
      int exit = child.process.waitFor();
      landed = child.lastMarker(landed);
      StoreDigest state = StoreDigest.of(store);
      State found = state.equals(old) ? State.OLD : after != null && state.equals(after) ? State.NEW : null;
      if (alive && exit == 137) {
        killed++;
      } else if (exit == 0) {
        completed++;
      } else {
        fail(name + ", " + trial.describe() + ": the run failed (exit " + exit + "): " + child.tail());
      }
      String outcome = found == null ? "NEITHER the old nor the new state" : found.name().toLowerCase() + " state";
      System.out.printf("  crash: %-26s %-58s %-8s last point '%s': %s%n", name, trial.describe(),
          exit == 137 ? "killed" : "finished", landed, outcome);
      if (found == null || !trial.allowed().contains(found)) {
        fail(name + ", " + trial.describe() + " (seed " + SEED + "): the store holds " + outcome + ", expected "
            + trial.allowed() + "\nold:\n" + old + "found:\n" + state + (after == null ? "" : "new:\n" + after));
      }
      if (exit == 137) {
        intact++;
      }
    }
  }

  /** A child JVM running the command line with crash points on; its standard error is read as it comes. */
  private static final class Child {
    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private Child(Process process) {
      this.process = process;
      Thread.ofVirtual().start(() -> {
        try (BufferedReader err = new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
          for (String line = err.readLine(); line != null; line = err.readLine()) {
            lines.add(line);
          }
        } catch (IOException e) {
          // the process was killed: its pipe closed
        }
        lines.add("\u0000end");
      });
    }

    /** @param shortRun a run of seconds, which starts faster on the first compiler tier alone */
    static Child start(List<String> command, Path store, String pauseAt, boolean shortRun) throws IOException {
      List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-XX:+UseSerialGC", "-Dcairn.crashPoints=print"));
      if (shortRun) {
        args.add("-XX:TieredStopAtLevel=1");
      }
      if (pauseAt != null) {
        args.add("-Dcairn.crashPoints.pause=" + pauseAt);
      }
      args.addAll(List.of("-cp", System.getProperty("java.class.path"), CairnCommand.class.getName()));
      args.addAll(command);
      args.addAll(List.of("--data", store.toString()));
      ProcessBuilder builder = new ProcessBuilder(args).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      return new Child(builder.start());
    }

    /** Waits for the crash point {@code name}; fails when the run ends or stalls first. */
    String awaitMarker(String name) throws InterruptedException {
      while (true) {
        String line = lines.poll(MARKER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (line == null || line.equals("\u0000end")) {
          process.destroyForcibly();
          fail("the run never reached '" + name + "' (" + (line == null ? "stalled" : "ended") + "): " + tail());
        }
        seen.add(line);
        if (line.equals(CrashPoints.MARKER + name)) {
          return name;
        }
      }
    }

    /** The last crash point printed before the process died (after it was killed). */
    String lastMarker(String fallback) {
      String last = fallback;
      List<String> rest = new ArrayList<>();
      lines.drainTo(rest);
      seen.addAll(rest);
      for (String line : rest) {
        if (line.startsWith(CrashPoints.MARKER)) {
          last = line.substring(CrashPoints.MARKER.length());
        }
      }
      return last;
    }

    String tail() {
      List<String> rest = new ArrayList<>();
      lines.drainTo(rest);
      seen.addAll(rest);
      return String.join("\n", seen.subList(Math.max(0, seen.size() - 30), seen.size()));
    }
  }

  /**
   * Copies a closed TDB2 store, keeping its files sparse (each index file is 8 MB, mostly holes) and leaving out
   * the process locks (they name the process that last opened it).
   */
  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else if (!source.getFileName().toString().equals("tdb.lock")) {
          sparseCopy(source, target);
        }
      }
    }
    return to;
  }

  private static void sparseCopy(Path source, Path target) throws IOException {
    ByteBuffer block = ByteBuffer.allocate(64 * 1024);
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long position = 0;
      while (true) {
        block.clear();
        int read = in.read(block, position);
        if (read <= 0) {
          break;
        }
        block.flip();
        if (!allZero(block)) {
          out.write(block, position);
        }
        position += read;
      }
      if (out.size() < position) {
        out.write(ByteBuffer.allocate(1), position - 1);
      }
    }
  }

  private static boolean allZero(ByteBuffer block) {
    for (int i = block.position(); i < block.limit(); i++) {
      if (block.get(i) != 0) {
        return false;
      }
    }
    return true;
  }

  private static String issuer(String id, String name, String more) {
    return "@prefix ceterms: <https://purl.org/ctdl/terms/> .\n<https://w3id.org/cairn/id/issuer/" + id
        + "> a ceterms:CredentialOrganization ; ceterms:name \"" + name + "\" " + more + " .\n";
  }

  private static String credential(String id, String issuer) {
    return """
        @prefix elm: <http://data.europa.eu/snb/model/elm/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <https://w3id.org/cairn/id/credential/%s> a ceterms:OpenBadge , elm:LearningAchievementSpecification ;
          ceterms:name "Added badge" ; ceterms:ownedBy <https://w3id.org/cairn/id/issuer/%s> ;
          elm:volumeOfLearning "PT8H"^^xsd:duration ;
          elm:mode <http://data.europa.eu/snb/learning-assessment/920fbb3cbe> ;
          ceterms:estimatedCost [ a ceterms:CostProfile ; ceterms:price 15 ; ceterms:currency "EUR" ] ;
          elm:learningOutcome [ a elm:LearningOutcome ;
            elm:relatedESCOSkill <http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be> ] .
        """.formatted(id, issuer);
  }
}
