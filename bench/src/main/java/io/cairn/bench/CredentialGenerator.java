package io.cairn.bench;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A seeded generator of a synthetic credential catalog over the imported ESCO skills, <strong>for benchmarking
 * only</strong>. It is not sample data: its issuers, names, prices, workloads and links are random, made up to
 * give the recommender and the store a catalog of realistic size and shape, and must never be shown to users or
 * loaded into a real store. The same seed and the same ESCO snapshot give the same Turtle, byte for byte.
 *
 * <p>What it makes (the shares below are what the default weights give for 20,000 credentials):
 * <ul>
 *   <li><b>Issuers</b>: 120 invented organisations of four kinds, universities (40), online platforms (30),
 *       professional bodies (25) and vocational colleges (25); each kind has its own credential kinds, delivery
 *       modes, prices and credit policy.</li>
 *   <li><b>Credentials</b> in "programmes": an online platform's series of 3-5 badges stacking into a nanodegree;
 *       a university's 2-4 credit-bearing micro-credentials (2-10 ECTS) stacking into a certificate (15-30 ECTS)
 *       that often stacks, with credit transfer, into one of the university's bachelor or master degrees; a
 *       college certificate with 1-3 parts; a professional body's certificate, sometimes with a preparatory badge;
 *       standalone badges and micro-credentials. Roughly 46% badges, 29% micro-credentials, 15% certificates
 *       (a quarter of them professional certificates), 8% nanodegrees and 3% degrees; a third credit-bearing.</li>
 *   <li><b>Learning outcomes</b>: 2-8 per credential (badges 2-4, micro-credentials 3-6, certificates 4-8,
 *       degrees 6-8), drawn from one ESCO occupation's skills (essential ones three times out of four, optional
 *       otherwise), so the skills a credential teaches co-occur as they do in ESCO's occupation profiles and an
 *       occupation's essential skills are covered by the credentials generated for it. Programmes walk through
 *       every occupation in a shuffled order, so every occupation gets some.</li>
 *   <li><b>Prices</b> (EUR; a third of badges free, some degrees free), <b>workloads</b> (PT..H), <b>EQF
 *       levels</b> and <b>modes</b> by kind and issuer; <b>prerequisites</b>: a series part sometimes requires the
 *       previous part, some credentials require an essential competency they do not teach, some masters require a
 *       bachelor; prerequisites only point at credentials generated earlier, and stacking only goes up
 *       (part, certificate or nanodegree, degree), so neither can form a cycle.</li>
 * </ul>
 * Everything conforms to Cairn's SHACL shapes (issuer, name, volumeOfLearning, one mode, learning outcomes
 * aligned to skills in the store, one cost profile, ECTS credit points, EQF level, prerequisites, stacking).
 *
 * <p>A catalog too large for one Turtle string (a million credentials is over a gigabyte of text) comes out in
 * {@linkplain #batches batches}: the same credentials in the same order with the same ids, cut where the caller
 * asks, each batch a Turtle document of its own that can be loaded after the ones before it (prerequisites and
 * stacking only point at earlier credentials; the issuers come with the first batch).
 */
public final class CredentialGenerator {
  static final String CREDENTIAL = "https://w3id.org/cairn/id/credential/";
  static final String ISSUER = "https://w3id.org/cairn/id/issuer/";
  static final String GRAPH_NAME = "bench-credentials.ttl";

  /** The prefixes every batch's Turtle starts with (and a warning that it is not sample data). */
  static final String PREFIXES = """
      @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
      @prefix elm: <http://data.europa.eu/snb/model/elm/> .
      @prefix ceterms: <https://purl.org/ctdl/terms/> .
      @prefix ob: <https://purl.imsglobal.org/spec/vc/ob/vocab.html#> .
      @prefix cairn: <https://w3id.org/cairn/ns#> .

      # GENERATED FOR BENCHMARKING ONLY by io.cairn.bench.CredentialGenerator: not sample data.
      # Issuers, names, prices and links are random; learning outcomes point at real ESCO skills.

      """;

  private static final String ONLINE = "<http://data.europa.eu/snb/learning-assessment/920fbb3cbe>";
  private static final String BLENDED = "<http://data.europa.eu/snb/learning-assessment/e92d221e4d>";
  private static final String PRESENTIAL = "<http://data.europa.eu/snb/learning-assessment/9191af2ed9>";
  private static final String ECTS = "<http://data.europa.eu/snb/education-credit/6fcec5c5af>";

  private static final String[] PLACES = {"Northbridge", "Lakeside", "Eastmoor", "Westfield", "Riverton",
      "Highgate", "Stonebrook", "Oakridge", "Marlow", "Fenwick", "Ashford", "Brightwater", "Kingsport", "Elmhurst",
      "Redcliff", "Silverdale", "Thornbury", "Glenmore", "Harrowgate", "Ironbridge", "Larkspur", "Millbrook",
      "Norwood", "Pinecrest", "Queensbury", "Rosewood", "Summerfield", "Whitehaven", "Yarrow", "Zephyr Bay",
      "Ambergate", "Blackwater", "Coldharbour", "Dunmore", "Eskdale", "Foxley", "Greyholme", "Hollins", "Ivybridge",
      "Juniper Vale"};
  private static final String[] PLATFORM_HEADS = {"Skill", "Learn", "Course", "Up", "Cred", "Path", "Bright",
      "Mind", "Next", "Open"};
  private static final String[] PLATFORM_TAILS = {"Forge", "Hub", "Lab", "Academy", "Works", "Stack", "Box",
      "Campus", "Track", "Spark"};
  private static final String[] FIELDS = {"Engineering", "Health Professions", "Accounting", "Logistics",
      "Hospitality", "Information Technology", "Construction", "Marketing", "Public Administration", "Agriculture",
      "Design", "Education", "Finance", "Safety", "Retail", "Energy", "Transport", "Media", "Care Work",
      "Manufacturing", "Law", "Environment", "Tourism", "Sales", "Research"};

  /** The four kinds of invented issuers. */
  enum IssuerType { UNIVERSITY, PLATFORM, PROFESSIONAL_BODY, COLLEGE }

  /** Kinds as generated (finer than {@link io.cairn.catalog.CredentialKind}: professional certificates, degree levels). */
  enum Kind { BADGE, MICRO_CREDENTIAL, CERTIFICATE, PROFESSIONAL_CERTIFICATE, NANODEGREE, BACHELOR, MASTER }

  record Issuer(String slug, String name, IssuerType type) {}

  /** What was generated: the Turtle to load and figures to report. */
  public record Result(String turtle, int credentials, int issuers, Map<String, Integer> kinds,
      Map<String, Integer> modes, Map<String, Integer> issuerTypes, int creditBearing, int free,
      int withCredentialPrerequisite, int withCompetencyPrerequisite, int stackingLinks, long outcomes,
      double meanOutcomes, int occupationsFocused, double meanEssentialCoverage, double occupationsHalfCovered) {

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("credentials", credentials);
      m.put("issuers", issuers);
      m.put("kinds", kinds);
      m.put("modes", modes);
      m.put("issuerTypes", issuerTypes);
      m.put("creditBearing", creditBearing);
      m.put("free", free);
      m.put("withCredentialPrerequisite", withCredentialPrerequisite);
      m.put("withCompetencyPrerequisite", withCompetencyPrerequisite);
      m.put("stackingLinks", stackingLinks);
      m.put("learningOutcomes", outcomes);
      m.put("meanOutcomesPerCredential", meanOutcomes);
      m.put("occupationsFocused", occupationsFocused);
      m.put("meanShareOfEssentialSkillsTaught", meanEssentialCoverage);
      m.put("shareOfOccupationsWithHalfTheirEssentialSkillsTaught", occupationsHalfCovered);
      m.put("turtleChars", turtle.length());
      return m;
    }
  }

  private final long seed;

  public CredentialGenerator(long seed) {
    this.seed = seed;
  }

  /** Generates {@code count} credentials over the skills and occupations of {@code esco}, as one Turtle document. */
  public Result generate(CatalogSnapshot esco, int count) {
    Batches batches = batches(esco, count);
    return batches.summary(batches.next(count).turtle());
  }

  /**
   * The catalog of {@code total} credentials, generated as it is asked for in batches ({@link Batches#next}); the
   * credentials are those {@link #generate} makes for the same seed, snapshot and total, whatever the cuts.
   */
  public Batches batches(CatalogSnapshot esco, int total) {
    return new Batches(new Run(esco, total, new SplittableRandom(seed)));
  }

  /** One batch: credentials {@code first} to {@code last} (1-based, in generation order) as a Turtle document. */
  public record Batch(int index, int first, int last, String turtle) {
    /** How many credentials it holds. */
    public int size() {
      return last - first + 1;
    }
  }

  /**
   * A catalog handed out in consecutive batches. Generation runs ahead of the cut when a programme (a series and
   * the credential it stacks into) straddles it; the credentials past the cut wait for the next batch, so a cut
   * never changes what is generated.
   */
  public static final class Batches {
    private final Run run;
    private int handedOut;
    private int index;

    private Batches(Run run) {
      this.run = run;
    }

    /** How many credentials the whole catalog holds. */
    public int total() {
      return run.target;
    }

    /** How many have been handed out in batches so far. */
    public int handedOut() {
      return handedOut;
    }

    /**
     * The credentials after the last batch up to number {@code upTo} (at most the total), as one Turtle document
     * with its prefixes; the first batch also holds the issuers.
     *
     * @throws IllegalArgumentException when {@code upTo} is not past the last batch
     */
    public Batch next(int upTo) {
      int end = Math.min(upTo, run.target);
      if (end <= handedOut) {
        throw new IllegalArgumentException("batch up to " + upTo + " after " + handedOut + " of " + run.target
            + " credentials were handed out");
      }
      String turtle = run.until(end, index == 0);
      Batch batch = new Batch(index++, handedOut + 1, end, turtle);
      handedOut = end;
      return batch;
    }

    /** Figures about every credential generated so far ({@code turtle}: the document to report the size of). */
    public Result summary(String turtle) {
      return run.result(turtle);
    }
  }

  /** One generation: mutable state kept out of the generator, which stays reusable. */
  private static final class Run {
    private final CatalogSnapshot esco;
    private final int target;
    private final SplittableRandom rnd;
    /** Each generated credential's Turtle, in order, until a batch takes it. */
    private final java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>();
    private final StringBuilder issuerTurtle = new StringBuilder();
    private boolean started;
    private final List<Issuer> issuers = new ArrayList<>();
    private final Map<IssuerType, List<Issuer>> byType = new LinkedHashMap<>();
    private final List<Occupation> rotation = new ArrayList<>();
    private int rotationAt;
    private final Map<Issuer, List<Degree>> degrees = new LinkedHashMap<>();
    private final List<String> universityCertificates = new ArrayList<>();
    private final BitSet taught = new BitSet();
    private final BitSet focused = new BitSet();
    private final Map<String, Integer> kinds = new TreeMap<>();
    private final Map<String, Integer> modes = new TreeMap<>();
    private int made;
    private int creditBearing;
    private int free;
    private int withCredentialPrerequisite;
    private int withCompetencyPrerequisite;
    private int stackingLinks;
    private long outcomes;

    private record Degree(String id, Occupation occupation, Kind kind) {}

    /** One credential before it is written. */
    private final class Spec {
      final String id;
      final Kind kind;
      final Issuer issuer;
      final Occupation occupation;
      final int[] skills;
      final List<String> requiresCredentials = new ArrayList<>();
      final List<Integer> requiresCompetencies = new ArrayList<>();
      final Map<String, Double> stacksInto = new LinkedHashMap<>();
      String name;
      double hours;
      double ects;
      int eqf;
      String mode;
      double price;

      Spec(Kind kind, Issuer issuer, Occupation occupation, int outcomes) {
        this.id = String.format(Locale.ROOT, "bench-%05d", made + 1);
        this.kind = kind;
        this.issuer = issuer;
        this.occupation = occupation;
        this.skills = pickSkills(occupation, outcomes);
      }
    }

    Run(CatalogSnapshot esco, int target, SplittableRandom rnd) {
      this.esco = esco;
      this.target = target;
      this.rnd = rnd;
    }

    /**
     * Generates until {@code end} credentials exist (or the target), then takes the pending ones up to {@code end}
     * into a Turtle document: the prefixes, the issuers when {@code withIssuers}, the credentials.
     */
    String until(int end, boolean withIssuers) {
      if (!started) {
        start();
        started = true;
      }
      while (made < end) {
        step();
      }
      int taken = end - (made - pending.size());
      StringBuilder ttl = new StringBuilder(PREFIXES.length() + issuerTurtle.length() + taken * 1536);
      ttl.append(PREFIXES);
      if (withIssuers) {
        ttl.append(issuerTurtle);
      }
      for (int i = 0; i < taken; i++) {
        ttl.append(pending.poll());
      }
      return ttl.toString();
    }

    private void start() {
      makeIssuers();
      for (Occupation o : esco.occupations()) {
        if (o.essential().size() + o.optional().size() >= 2) {
          rotation.add(o);
        }
      }
      if (rotation.isEmpty()) {
        throw new IllegalStateException("no ESCO occupation with skills in the snapshot: import ESCO first");
      }
      Collections.shuffle(rotation, new java.util.Random(rnd.nextLong()));
      makeDegrees(Math.min(target / 33, 15 * byType.get(IssuerType.UNIVERSITY).size()));
    }

    /** One programme or standalone credential (a programme may run past a batch's end, never past the target). */
    private void step() {
      double p = rnd.nextDouble();
      if (p < 0.22) {
        platformSeries();
      } else if (p < 0.42) {
        universitySeries();
      } else if (p < 0.70) {
        standalone(Kind.BADGE, pick(List.of(IssuerType.PLATFORM, IssuerType.PLATFORM, IssuerType.COLLEGE,
            IssuerType.PROFESSIONAL_BODY)));
      } else if (p < 0.80) {
        professionalCertificate();
      } else if (p < 0.90) {
        collegeCertificate();
      } else {
        standalone(Kind.MICRO_CREDENTIAL, pick(List.of(IssuerType.PLATFORM, IssuerType.UNIVERSITY,
            IssuerType.COLLEGE)));
      }
    }

    // ---------------------------------------------------------------- programmes

    private void makeDegrees(int count) {
      List<Issuer> universities = byType.get(IssuerType.UNIVERSITY);
      for (int i = 0; i < count && made < target; i++) {
        Issuer university = universities.get(i % universities.size());
        Occupation occupation = nextOccupation();
        Kind kind = rnd.nextDouble() < 0.6 ? Kind.BACHELOR : Kind.MASTER;
        Spec s = new Spec(kind, university, occupation, between(6, 8));
        if (kind == Kind.MASTER && rnd.nextDouble() < 0.3) {
          // an earlier bachelor of the same university (earlier, so prerequisites cannot form a cycle)
          List<Degree> ownBachelors = degreesOf(university).stream().filter(d -> d.kind() == Kind.BACHELOR).toList();
          if (!ownBachelors.isEmpty()) {
            s.requiresCredentials.add(ownBachelors.get(rnd.nextInt(ownBachelors.size())).id());
          }
        }
        emit(s);
        Degree d = new Degree(s.id, occupation, kind);
        degrees.computeIfAbsent(university, u -> new ArrayList<>()).add(d);
      }
    }

    private List<Degree> degreesOf(Issuer university) {
      return degrees.getOrDefault(university, List.of());
    }

    /** 3-5 online badges stacking into a nanodegree on the same occupation. */
    private void platformSeries() {
      Issuer platform = pick(byType.get(IssuerType.PLATFORM));
      Occupation occupation = nextOccupation();
      Spec whole = new Spec(Kind.NANODEGREE, platform, occupation, between(5, 8));
      if (!universityCertificates.isEmpty() && rnd.nextDouble() < 0.1) {
        // recognised prior learning: a university credits the nanodegree toward one of its certificates
        whole.stacksInto.put(universityCertificates.get(rnd.nextInt(universityCertificates.size())), 5.0);
      }
      emit(whole);
      series(Kind.BADGE, platform, occupation, whole.id, between(3, 5), 2, 4);
    }

    /** 2-4 credit-bearing micro-credentials stacking into a certificate that often stacks into a degree. */
    private void universitySeries() {
      Issuer university = pick(byType.get(IssuerType.UNIVERSITY));
      List<Degree> own = degreesOf(university);
      Degree degree = !own.isEmpty() && rnd.nextDouble() < 0.6 ? own.get(rnd.nextInt(own.size())) : null;
      Occupation occupation = degree != null ? degree.occupation() : nextOccupation();
      Spec whole = new Spec(Kind.CERTIFICATE, university, occupation, between(4, 8));
      fill(whole);
      if (degree != null) {
        whole.stacksInto.put(degree.id(), whole.ects);
      }
      emit(whole);
      universityCertificates.add(whole.id);
      series(Kind.MICRO_CREDENTIAL, university, occupation, whole.id, between(2, 4), 3, 6);
    }

    /** A professional body's certificate, sometimes with a preparatory badge stacking into it. */
    private void professionalCertificate() {
      Issuer body = pick(byType.get(IssuerType.PROFESSIONAL_BODY));
      Occupation occupation = nextOccupation();
      Spec whole = new Spec(Kind.PROFESSIONAL_CERTIFICATE, body, occupation, between(3, 7));
      maybeCompetencyPrerequisite(whole, 0.25);
      emit(whole);
      if (rnd.nextDouble() < 0.4) {
        series(Kind.BADGE, body, occupation, whole.id, 1, 2, 4);
      }
    }

    /** A vocational college's certificate with 1-3 parts (micro-credentials or badges). */
    private void collegeCertificate() {
      Issuer college = pick(byType.get(IssuerType.COLLEGE));
      Occupation occupation = nextOccupation();
      Spec whole = new Spec(Kind.CERTIFICATE, college, occupation, between(4, 8));
      emit(whole);
      boolean micro = rnd.nextBoolean();
      series(micro ? Kind.MICRO_CREDENTIAL : Kind.BADGE, college, occupation, whole.id, between(1, 3),
          micro ? 3 : 2, micro ? 6 : 4);
    }

    private void standalone(Kind kind, IssuerType type) {
      Issuer issuer = pick(byType.get(type));
      Spec s = new Spec(kind, issuer, nextOccupation(), kind == Kind.BADGE ? between(2, 4) : between(3, 6));
      maybeCompetencyPrerequisite(s, 0.08);
      emit(s);
    }

    /** Parts that stack into {@code whole}; a part sometimes requires the previous one. */
    private void series(Kind kind, Issuer issuer, Occupation occupation, String whole, int parts, int minOutcomes,
        int maxOutcomes) {
      String previous = null;
      for (int i = 0; i < parts && made < target; i++) {
        Spec part = new Spec(kind, issuer, occupation, between(minOutcomes, maxOutcomes));
        fill(part);
        part.stacksInto.put(whole, part.ects);
        if (previous != null && rnd.nextDouble() < 0.25) {
          part.requiresCredentials.add(previous);
        } else {
          maybeCompetencyPrerequisite(part, 0.06);
        }
        emit(part);
        previous = part.id;
      }
    }

    private void maybeCompetencyPrerequisite(Spec s, double probability) {
      if (rnd.nextDouble() >= probability) {
        return;
      }
      IntSet essential = s.occupation.essential();
      for (int attempt = 0; attempt < 5 && !essential.isEmpty(); attempt++) {
        int skill = essential.get(rnd.nextInt(essential.size()));
        boolean teaches = false;
        for (int k : s.skills) {
          teaches |= k == skill;
        }
        if (!teaches) {
          s.requiresCompetencies.add(skill);
          return;
        }
      }
    }

    // ---------------------------------------------------------------- facts per kind and issuer

    /** Sets the scalar facts of {@code s} (idempotent: {@link #emit} calls it again). */
    private void fill(Spec s) {
      if (s.mode != null) {
        return;
      }
      IssuerType type = s.issuer.type();
      String occ = s.occupation.label();
      String skill = esco.competency(s.skills[0]).label();
      switch (s.kind) {
        case BADGE -> {
          s.name = cap(skill) + pick(List.of(" Essentials", " Fundamentals", " Practitioner", " in Practice",
              " Foundations", " Badge"));
          s.hours = between(4, 40);
          s.price = rnd.nextDouble() < 0.33 ? 0 : pick(List.of(9, 19, 29, 39, 49, 79, 99, 149, 199));
          s.eqf = between(3, 5);
          s.ects = 0;
        }
        case MICRO_CREDENTIAL -> {
          s.name = pick(List.of("Micro-credential in ", "Applied ", "Professional skills: ", "Short course: "))
              + skill;
          boolean university = type == IssuerType.UNIVERSITY;
          s.ects = university ? between(2, 10) : (rnd.nextDouble() < 0.1 ? between(1, 3) : 0);
          s.hours = s.ects > 0 ? s.ects * 25 + between(0, 10) : between(20, 150);
          s.price = university ? roundTo(150 + rnd.nextDouble() * 1050, 10) : roundTo(49 + rnd.nextDouble() * 450, 1);
          s.eqf = university ? between(5, 7) : between(4, 6);
        }
        case CERTIFICATE -> {
          boolean university = type == IssuerType.UNIVERSITY;
          s.name = (university ? "University Certificate in " : "Vocational Certificate in ") + occ;
          s.ects = university ? between(15, 30) : (rnd.nextDouble() < 0.4 ? between(5, 20) : 0);
          s.hours = s.ects > 0 ? s.ects * 25 : between(80, 600);
          s.price = university ? roundTo(800 + rnd.nextDouble() * 5200, 50) : roundTo(200 + rnd.nextDouble() * 2300, 10);
          s.eqf = university ? between(5, 7) : between(3, 5);
        }
        case PROFESSIONAL_CERTIFICATE -> {
          s.name = "Certified " + occ;
          s.ects = 0;
          s.hours = between(30, 200);
          s.price = roundTo(150 + rnd.nextDouble() * 1350, 5);
          s.eqf = between(5, 7);
        }
        case NANODEGREE -> {
          s.name = cap(occ) + " Nanodegree";
          s.ects = 0;
          s.hours = between(120, 400);
          s.price = roundTo(299 + rnd.nextDouble() * 1700, 1);
          s.eqf = 5;
        }
        case BACHELOR -> {
          s.name = "Bachelor in " + pick(List.of(FIELDS)) + " (" + occ + " track)";
          s.ects = 180;
          s.hours = 180 * 27;
          s.price = rnd.nextDouble() < 0.3 ? 0 : roundTo(2000 + rnd.nextDouble() * 28000, 100);
          s.eqf = 6;
        }
        case MASTER -> {
          s.name = "Master in " + pick(List.of(FIELDS)) + " (" + occ + ")";
          s.ects = rnd.nextBoolean() ? 120 : 90;
          s.hours = s.ects * 27;
          s.price = rnd.nextDouble() < 0.3 ? 0 : roundTo(3000 + rnd.nextDouble() * 27000, 100);
          s.eqf = 7;
        }
      }
      s.mode = switch (type) {
        case PLATFORM -> rnd.nextDouble() < 0.9 ? ONLINE : BLENDED;
        case UNIVERSITY -> weighted(new String[] {PRESENTIAL, BLENDED, ONLINE}, 0.5, 0.3);
        case PROFESSIONAL_BODY -> weighted(new String[] {ONLINE, BLENDED, PRESENTIAL}, 0.4, 0.3);
        case COLLEGE -> weighted(new String[] {PRESENTIAL, BLENDED, ONLINE}, 0.6, 0.3);
      };
    }

    private void emit(Spec s) {
      fill(s);
      String iri = "<" + CREDENTIAL + s.id + ">";
      StringBuilder t = new StringBuilder(1536);
      t.append(iri).append("\n    a ").append(switch (s.kind) {
        case BADGE -> "ceterms:OpenBadge";
        case MICRO_CREDENTIAL -> "ceterms:MicroCredential";
        case CERTIFICATE -> "ceterms:Certificate";
        case PROFESSIONAL_CERTIFICATE -> "ceterms:ProfessionalCertificate";
        case NANODEGREE -> "cairn:Nanodegree";
        case BACHELOR -> "ceterms:BachelorDegree , elm:Qualification";
        case MASTER -> "ceterms:MasterDegree , elm:Qualification";
      }).append(" , elm:LearningAchievementSpecification ;\n");
      t.append("    ceterms:name ").append(literal(s.name)).append("@en ;\n");
      t.append("    ceterms:description ").append(literal("Generated for benchmarking only: a "
          + kindName(s.kind) + " by " + s.issuer.name() + " toward " + s.occupation.label() + "."))
          .append("@en ;\n");
      t.append("    ob:achievementType \"").append(switch (s.kind) {
        case BADGE -> "Badge";
        case MICRO_CREDENTIAL -> "MicroCredential";
        case CERTIFICATE, PROFESSIONAL_CERTIFICATE, NANODEGREE -> "Certificate";
        case BACHELOR -> "BachelorDegree";
        case MASTER -> "MasterDegree";
      }).append("\" ;\n");
      t.append("    ceterms:ownedBy <").append(ISSUER).append(s.issuer.slug()).append("> ;\n");
      t.append("    elm:volumeOfLearning \"PT").append((long) s.hours).append("H\"^^xsd:duration ;\n");
      if (s.ects > 0) {
        t.append("    elm:creditPoint [ a elm:CreditPoint ; elm:framework ").append(ECTS)
            .append(" ; elm:point \"").append((long) s.ects).append("\" ] ;\n");
        creditBearing++;
      }
      boolean degree = s.kind == Kind.BACHELOR || s.kind == Kind.MASTER;
      t.append(degree ? "    elm:EQFLevel" : "    elm:educationLevel").append(" <http://data.europa.eu/snb/eqf/")
          .append(s.eqf).append("> ;\n");
      t.append("    elm:mode ").append(s.mode).append(" ;\n");
      t.append("    ceterms:estimatedCost [ a ceterms:CostProfile ; ceterms:price ")
          .append(String.format(Locale.ROOT, "%.1f", s.price)).append(" ; ceterms:currency \"EUR\" ] ;\n");
      if (s.price == 0) {
        free++;
      }
      for (String required : s.requiresCredentials) {
        t.append("    ceterms:requires [ a ceterms:ConditionProfile ; ceterms:targetCredential <")
            .append(CREDENTIAL).append(required).append("> ] ;\n");
      }
      for (int skill : s.requiresCompetencies) {
        t.append("    ceterms:requires [ a ceterms:ConditionProfile ; ceterms:targetCompetency [ a "
            + "ceterms:CredentialAlignmentObject ; ceterms:targetNode <").append(esco.competency(skill).iri())
            .append("> ] ] ;\n");
      }
      withCredentialPrerequisite += s.requiresCredentials.isEmpty() ? 0 : 1;
      withCompetencyPrerequisite += s.requiresCompetencies.isEmpty() ? 0 : 1;
      for (Map.Entry<String, Double> link : s.stacksInto.entrySet()) {
        t.append("    cairn:stacksInto [ a cairn:StackingLink ; cairn:stackTarget <").append(CREDENTIAL)
            .append(link.getKey()).append("> ; cairn:transferCredits ")
            .append(String.format(Locale.ROOT, "%.1f", link.getValue())).append(" ] ;\n");
        t.append("    ceterms:isPartOf <").append(CREDENTIAL).append(link.getKey()).append("> ;\n");
        stackingLinks++;
      }
      t.append("    elm:learningOutcome\n");
      for (int i = 0; i < s.skills.length; i++) {
        t.append("        [ a elm:LearningOutcome ; elm:relatedESCOSkill <").append(esco.competency(s.skills[i]).iri())
            .append("> ]").append(i + 1 < s.skills.length ? " ,\n" : " .\n\n");
        taught.set(s.skills[i]);
      }
      outcomes += s.skills.length;
      pending.add(t.toString());
      focused.set(s.occupation.index());
      kinds.merge(kindName(s.kind), 1, Integer::sum);
      modes.merge(s.mode.equals(ONLINE) ? "online" : s.mode.equals(BLENDED) ? "blended" : "in-person", 1,
          Integer::sum);
      made++;
    }

    // ---------------------------------------------------------------- helpers

    private int[] pickSkills(Occupation o, int wanted) {
      IntSet essential = o.essential();
      IntSet optional = o.optional();
      int n = Math.min(wanted, essential.size() + optional.size());
      int[] picked = new int[n];
      int have = 0;
      for (int attempts = 0; have < n && attempts < 200; attempts++) {
        boolean fromEssential = !essential.isEmpty() && (optional.isEmpty() || rnd.nextDouble() < 0.75);
        IntSet pool = fromEssential ? essential : optional;
        int skill = pool.get(rnd.nextInt(pool.size()));
        boolean dup = false;
        for (int i = 0; i < have; i++) {
          dup |= picked[i] == skill;
        }
        if (!dup) {
          picked[have++] = skill;
        }
      }
      return have == n ? picked : java.util.Arrays.copyOf(picked, have);
    }

    private Occupation nextOccupation() {
      Occupation o = rotation.get(rotationAt);
      rotationAt = (rotationAt + 1) % rotation.size();
      return o;
    }

    private void makeIssuers() {
      for (IssuerType type : IssuerType.values()) {
        byType.put(type, new ArrayList<>());
      }
      for (int i = 0; i < 40; i++) {
        String place = PLACES[i];
        String name = switch (i % 3) {
          case 0 -> place + " University";
          case 1 -> "University of " + place;
          default -> place + " Institute of Technology";
        };
        addIssuer(name, IssuerType.UNIVERSITY);
      }
      for (int i = 0; i < 30; i++) {
        addIssuer(PLATFORM_HEADS[i % 10] + PLATFORM_TAILS[(i * 3 + i / 10) % 10], IssuerType.PLATFORM);
      }
      for (int i = 0; i < 25; i++) {
        String name = i % 2 == 0 ? "Chartered Institute of " + FIELDS[i] : PLACES[(i * 7) % PLACES.length]
            + " Association for " + FIELDS[i];
        addIssuer(name, IssuerType.PROFESSIONAL_BODY);
      }
      for (int i = 0; i < 25; i++) {
        String place = PLACES[(i * 11 + 5) % PLACES.length];
        addIssuer(place + (i % 2 == 0 ? " Vocational College" : " Technical School"), IssuerType.COLLEGE);
      }
      for (Issuer issuer : issuers) {
        issuerTurtle.append('<').append(ISSUER).append(issuer.slug()).append("> a ceterms:CredentialOrganization ;\n")
            .append("    ceterms:name ").append(literal(issuer.name())).append("@en ;\n")
            .append("    ceterms:description ").append(literal("Invented issuer, generated for benchmarking only."))
            .append("@en .\n\n");
      }
    }

    private void addIssuer(String name, IssuerType type) {
      String slug = "bench-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
      Issuer issuer = new Issuer(slug, name, type);
      issuers.add(issuer);
      byType.get(type).add(issuer);
    }

    private Result result(String turtle) {
      Map<String, Integer> issuerTypes = new TreeMap<>();
      issuers.forEach(i -> issuerTypes.merge(i.type().name().toLowerCase(Locale.ROOT).replace('_', '-'), 1,
          Integer::sum));
      double coverageSum = 0;
      int halfCovered = 0;
      int withEssentials = 0;
      for (Occupation o : esco.occupations()) {
        if (o.essential().isEmpty()) {
          continue;
        }
        withEssentials++;
        int covered = 0;
        for (int i = 0; i < o.essential().size(); i++) {
          covered += taught.get(o.essential().get(i)) ? 1 : 0;
        }
        double share = covered / (double) o.essential().size();
        coverageSum += share;
        halfCovered += share >= 0.5 ? 1 : 0;
      }
      return new Result(turtle, made, issuers.size(), kinds, modes, issuerTypes, creditBearing, free,
          withCredentialPrerequisite, withCompetencyPrerequisite, stackingLinks, outcomes,
          made == 0 ? 0 : outcomes / (double) made, focused.cardinality(),
          withEssentials == 0 ? 0 : coverageSum / withEssentials,
          withEssentials == 0 ? 0 : halfCovered / (double) withEssentials);
    }

    private static String kindName(Kind kind) {
      return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private int between(int lo, int hi) {
      return lo + rnd.nextInt(hi - lo + 1);
    }

    private <T> T pick(List<T> items) {
      return items.get(rnd.nextInt(items.size()));
    }

    private String weighted(String[] items, double first, double second) {
      double p = rnd.nextDouble();
      return p < first ? items[0] : p < first + second ? items[1] : items[2];
    }

    private static double roundTo(double value, double step) {
      return Math.round(value / step) * step;
    }

    private static String cap(String s) {
      return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String literal(String s) {
      StringBuilder b = new StringBuilder(s.length() + 2).append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          default -> b.append(c);
        }
      }
      return b.append('"').toString();
    }
  }
}
