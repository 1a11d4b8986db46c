package io.cairn.catalog;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link CatalogSnapshot} in binary: what the graph gave the snapshot (its version and build time, the
 * competencies, occupations, credentials, issuers and pathways with their requirement trees, the broader links),
 * each field in a fixed order. What the snapshot derives from those (closures, inverses, the credentials' flat
 * facts, the key maps) is not stored: the constructor computes it again, so a decoded snapshot is the snapshot
 * built from the same inputs, by construction.
 *
 * <p>Big-endian; a string is its UTF-8 length then its bytes; a list or set is its size then its elements; an
 * enum is its ordinal. Bump {@link #FORMAT_VERSION} with any change to what is written or how.
 *
 * <p>{@link #read} trusts nothing: a length past the end, an ordinal out of range, an index set out of order or a
 * nesting deeper than the store allows is an {@link IllegalArgumentException}, never a wrong snapshot or an
 * allocation the input's size does not justify (the persisted file also carries a checksum: see
 * {@code io.cairn.graph.PersistedSnapshot}).
 */
public final class SnapshotCodec {
  /** The layout written by {@link #write}; a file of another version is not read. */
  public static final int FORMAT_VERSION = 1;
  private static final int CONDITION = 0;
  private static final int CREDENTIAL_LEAF = 1;
  private static final int COMPETENCY_LEAF = 2;
  private static final CredentialKind[] KINDS = CredentialKind.values();
  private static final DeliveryMode[] MODES = DeliveryMode.values();
  private static final EscoCollection[] COLLECTIONS = EscoCollection.values();
  private static final Credential.Fact[] FACTS = Credential.Fact.values();
  private static final Requirement.Rule[] RULES = Requirement.Rule.values();

  private SnapshotCodec() {}

  /** Writes {@code snapshot} to {@code out}. */
  public static void write(CatalogSnapshot snapshot, DataOutputStream out) throws IOException {
    new Writer(out).snapshot(snapshot);
  }

  /**
   * The snapshot in {@code in} from its position on, which is left after it.
   *
   * @throws IllegalArgumentException when the bytes are not a snapshot in this format
   */
  public static CatalogSnapshot read(ByteBuffer in) {
    try {
      return new Reader(in).snapshot();
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("the snapshot ends early", e);
    } catch (IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("the snapshot names an entity it does not hold: " + e.getMessage(), e);
    }
  }

  private record Writer(DataOutputStream out) {
    void snapshot(CatalogSnapshot s) throws IOException {
      out.writeLong(s.version());
      out.writeLong(s.builtAt().getEpochSecond());
      out.writeInt(s.builtAt().getNano());
      out.writeInt(s.competencies().size());
      for (Competency c : s.competencies()) {
        competency(c);
      }
      for (int i = 0; i < s.competencies().size(); i++) {
        ints(s.broader(i));
      }
      out.writeInt(s.occupations().size());
      for (Occupation o : s.occupations()) {
        text(o.iri(), o.id(), o.label(), o.iscoGroup());
        ints(o.essential());
        ints(o.optional());
        texts(o.altLabels());
        texts(o.hiddenLabels());
      }
      out.writeInt(s.issuers().size());
      for (Issuer i : s.issuers()) {
        text(i.iri(), i.id(), i.name());
      }
      out.writeInt(s.credentials().size());
      for (Credential c : s.credentials()) {
        credential(c);
      }
      out.writeInt(s.pathways().size());
      for (Pathway p : s.pathways()) {
        text(p.iri(), p.id(), p.name(), p.description());
        out.writeInt(p.goalOccupation());
        out.writeInt(p.destinations().size());
        for (Destination d : p.destinations()) {
          text(d.iri(), d.id(), d.name());
          out.writeInt(d.credential());
          out.writeBoolean(d.offRamp());
          requirement(d.requirement());
        }
      }
    }

    void competency(Competency c) throws IOException {
      text(c.iri(), c.id(), c.label());
      texts(c.altLabels());
      text(c.skillType(), c.reuseLevel());
      out.writeDouble(c.demandIndex());
      out.writeLong(c.postingCount());
      text(c.demandSource());
      texts(c.hiddenLabels());
      out.writeInt(c.collections().size());
      for (EscoCollection e : c.collections()) {
        out.writeByte(e.ordinal());
      }
    }

    void credential(Credential c) throws IOException {
      text(c.iri(), c.id(), c.name(), c.description());
      out.writeByte(c.kind().ordinal());
      text(c.achievementType());
      out.writeInt(c.issuer());
      out.writeDouble(c.hours());
      out.writeDouble(c.ects());
      out.writeInt(c.eqfLevel());
      out.writeByte(c.mode().ordinal());
      out.writeDouble(c.cost());
      text(c.currency());
      ints(c.teaches());
      ints(c.requiredCredentials());
      ints(c.requiredCompetencies());
      out.writeInt(c.stacksInto().size());
      for (StackLink link : c.stacksInto()) {
        out.writeInt(link.target());
        out.writeDouble(link.transferCredits());
      }
      int unknown = 0;
      for (Credential.Fact f : c.unknown()) {
        unknown |= 1 << f.ordinal();
      }
      out.writeByte(unknown);
    }

    void requirement(Requirement r) throws IOException {
      switch (r) {
        case Requirement.Condition c -> {
          out.writeByte(CONDITION);
          text(c.iri(), c.id(), c.name());
          out.writeByte(c.rule().ordinal());
          out.writeInt(c.requiredNumber());
          out.writeDouble(c.minimumCredits());
          out.writeBoolean(c.allowsDoubleCounting());
          out.writeInt(c.children().size());
          for (Requirement child : c.children()) {
            requirement(child);
          }
        }
        case Requirement.CredentialLeaf l -> {
          out.writeByte(CREDENTIAL_LEAF);
          text(l.iri(), l.id(), l.name());
          out.writeInt(l.credential());
        }
        case Requirement.CompetencyLeaf l -> {
          out.writeByte(COMPETENCY_LEAF);
          text(l.iri(), l.id(), l.name());
          out.writeInt(l.competency());
        }
      }
    }

    void ints(IntSet set) throws IOException {
      out.writeInt(set.size());
      for (int i = 0; i < set.size(); i++) {
        out.writeInt(set.get(i));
      }
    }

    void texts(List<String> texts) throws IOException {
      out.writeInt(texts.size());
      for (String t : texts) {
        text(t);
      }
    }

    void text(String... texts) throws IOException {
      for (String t : texts) {
        byte[] bytes = t.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
      }
    }
  }

  private record Reader(ByteBuffer in) {
    CatalogSnapshot snapshot() {
      long version = in.getLong();
      Instant builtAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
      int nc = count(4);
      List<Competency> competencies = new ArrayList<>(nc);
      for (int i = 0; i < nc; i++) {
        competencies.add(competency(i));
      }
      List<IntSet> broader = new ArrayList<>(nc);
      for (int i = 0; i < nc; i++) {
        broader.add(ints(nc));
      }
      int no = count(4);
      List<Occupation> occupations = new ArrayList<>(no);
      for (int i = 0; i < no; i++) {
        occupations.add(new Occupation(i, text(), text(), text(), text(), ints(nc), ints(nc), texts(), texts()));
      }
      int ni = count(4);
      List<Issuer> issuers = new ArrayList<>(ni);
      for (int i = 0; i < ni; i++) {
        issuers.add(new Issuer(i, text(), text(), text()));
      }
      int nk = count(4);
      List<Credential> credentials = new ArrayList<>(nk);
      for (int i = 0; i < nk; i++) {
        credentials.add(credential(i, nc, nk, ni));
      }
      int np = count(4);
      List<Pathway> pathways = new ArrayList<>(np);
      for (int i = 0; i < np; i++) {
        String iri = text();
        String id = text();
        String name = text();
        String description = text();
        int goal = index(in.getInt(), no);
        int nd = count(4);
        List<Destination> destinations = new ArrayList<>(nd);
        for (int d = 0; d < nd; d++) {
          destinations.add(new Destination(text(), text(), text(), index(in.getInt(), nk), bool(),
              requirement(nc, nk, 0)));
        }
        pathways.add(new Pathway(i, iri, id, name, description, destinations, goal));
      }
      return new CatalogSnapshot(version, builtAt, competencies, occupations, credentials, issuers, pathways,
          broader);
    }

    Competency competency(int index) {
      String iri = text();
      String id = text();
      String label = text();
      List<String> alt = texts();
      String skillType = text();
      String reuseLevel = text();
      double demand = in.getDouble();
      long postings = in.getLong();
      String demandSource = text();
      List<String> hidden = texts();
      int n = count(1);
      Set<EscoCollection> collections = EnumSet.noneOf(EscoCollection.class);
      for (int i = 0; i < n; i++) {
        collections.add(COLLECTIONS[ordinal(COLLECTIONS.length)]);
      }
      return new Competency(index, iri, id, label, alt, skillType, reuseLevel, demand, postings, demandSource, hidden,
          collections);
    }

    Credential credential(int index, int nc, int nk, int ni) {
      String iri = text();
      String id = text();
      String name = text();
      String description = text();
      CredentialKind kind = KINDS[ordinal(KINDS.length)];
      String achievementType = text();
      int issuer = index(in.getInt(), ni);
      double hours = in.getDouble();
      double ects = in.getDouble();
      int eqf = in.getInt();
      DeliveryMode mode = MODES[ordinal(MODES.length)];
      double cost = in.getDouble();
      String currency = text();
      IntSet teaches = ints(nc);
      IntSet requiredCredentials = ints(nk);
      IntSet requiredCompetencies = ints(nc);
      int ns = count(12);
      List<StackLink> stacks = new ArrayList<>(ns);
      for (int i = 0; i < ns; i++) {
        stacks.add(new StackLink(index(in.getInt(), nk), in.getDouble()));
      }
      int unknownBits = in.get();
      if ((unknownBits & ~((1 << FACTS.length) - 1)) != 0) {
        throw new IllegalArgumentException("unknown fact bits " + unknownBits);
      }
      Set<Credential.Fact> unknown = EnumSet.noneOf(Credential.Fact.class);
      for (Credential.Fact f : FACTS) {
        if ((unknownBits & 1 << f.ordinal()) != 0) {
          unknown.add(f);
        }
      }
      return new Credential(index, iri, id, name, description, kind, achievementType, issuer, hours, ects, eqf, mode,
          cost, currency, teaches, requiredCredentials, requiredCompetencies, stacks, unknown);
    }

    /** A tree no deeper than the store lets one nest (a group component and its condition per level). */
    Requirement requirement(int nc, int nk, int depth) {
      if (depth > 2 * Requirement.MAX_NESTING + 2) {
        throw new IllegalArgumentException("a requirement tree nests deeper than the store allows");
      }
      int tag = in.get();
      String iri = text();
      String id = text();
      String name = text();
      return switch (tag) {
        case CONDITION -> {
          Requirement.Rule rule = RULES[ordinal(RULES.length)];
          int required = in.getInt();
          double minimumCredits = in.getDouble();
          boolean shared = bool();
          int n = count(1);
          List<Requirement> children = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            children.add(requirement(nc, nk, depth + 1));
          }
          yield new Requirement.Condition(iri, id, name, rule, required, minimumCredits, shared, children);
        }
        case CREDENTIAL_LEAF -> new Requirement.CredentialLeaf(iri, id, name, member(in.getInt(), nk));
        case COMPETENCY_LEAF -> new Requirement.CompetencyLeaf(iri, id, name, member(in.getInt(), nc));
        default -> throw new IllegalArgumentException("unknown requirement tag " + tag);
      };
    }

    IntSet ints(int bound) {
      int n = count(4);
      int[] values = new int[n];
      for (int i = 0; i < n; i++) {
        values[i] = in.getInt();
      }
      if (n > 0 && values[n - 1] >= bound) {
        throw new IllegalArgumentException("index " + values[n - 1] + " of " + bound);
      }
      return IntSet.ofSortedDistinct(values);
    }

    List<String> texts() {
      int n = count(4);
      List<String> texts = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        texts.add(text());
      }
      return texts;
    }

    String text() {
      int n = count(1);
      String text = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
      in.position(in.position() + n);
      return text;
    }

    boolean bool() {
      int b = in.get();
      if (b != 0 && b != 1) {
        throw new IllegalArgumentException("a boolean reads " + b);
      }
      return b == 1;
    }

    /** A count of elements at least {@code minBytes} long each: never more than the bytes left could hold. */
    int count(int minBytes) {
      int n = in.getInt();
      if (n < 0 || (long) n * minBytes > in.remaining()) {
        throw new IllegalArgumentException("a count of " + n + " with " + in.remaining() + " bytes left");
      }
      return n;
    }

    int ordinal(int bound) {
      int o = in.get();
      if (o < 0 || o >= bound) {
        throw new IllegalArgumentException("ordinal " + o + " of " + bound);
      }
      return o;
    }

    /** An index below {@code bound}. */
    static int member(int i, int bound) {
      if (i < 0 || i >= bound) {
        throw new IllegalArgumentException("index " + i + " of " + bound);
      }
      return i;
    }

    /** An index below {@code bound}, or -1 (none). */
    static int index(int i, int bound) {
      if (i < -1 || i >= bound) {
        throw new IllegalArgumentException("index " + i + " of " + bound);
      }
      return i;
    }
  }
}
