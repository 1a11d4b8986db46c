package io.cairn.interop.ctdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.audit.Auditor;
import io.cairn.audit.Holdings;
import io.cairn.audit.Status;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.CredentialKind;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.Requirement;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.LoadRejectedException;
import io.cairn.interop.ImportReport;
import io.cairn.interop.StandardFormat;
import io.cairn.interop.StandardsFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** CTDL as the registry and its examples write it, into Cairn's catalog: credentials, courses, pathways. */
class CtdlImportTest {
  private static final String HW = "http://example.org/resources/";

  @Test
  void heriotWattDegreePathwayBecomesARequirementTreeTheAuditorWalks() {
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      ImportReport report = StandardsFixture.importFiles(catalog, StandardFormat.CTDL,
          "ctdl/examples/HeriotWatt-courses.ttl", "ctdl/examples/HeriotWatt-pathway.ttl");
      CatalogSnapshot s = catalog.snapshot();
      Pathway pathway = s.findPathway(HW + "ec071f65-2c5b-4b58-a2df-dd6287880a7a").orElseThrow();
      assertEquals("BSCH - Bachelor of Science Honours", pathway.name());
      assertEquals(1, pathway.destinations().size());
      var destination = pathway.destinations().getFirst();
      assertEquals("Bachelor of Science in Computer Science", s.credential(destination.credential()).name());
      // the component's four conditions, all of which must hold
      Requirement.Condition root = (Requirement.Condition) destination.requirement();
      assertEquals(Requirement.Rule.ALL_OF, root.rule());
      assertEquals(Set.of("f39bf394-5b6e-496c-b150-589bcc607a8e", "b653f152-b383-4d6b-b6cc-77b460c34f9e",
          "7d5c3efb-a168-4dcc-acbc-00fca7d2bfa3", "82a4f31d-d152-407d-9bd1-3d7d24c440ef"),
          root.children().stream().map(Requirement::id).collect(Collectors.toSet()));
      // "select 2 out of 9 courses" names one course twice: 8 distinct targets, 2 required
      Requirement.Condition twoOfEight = (Requirement.Condition) find(root, "1fab69ca-9c88-4b09-a3f9-5916b6e9455c");
      assertEquals(Requirement.Rule.AT_LEAST, twoOfEight.rule());
      assertEquals(2, twoOfEight.requiredNumber());
      assertEquals(8, twoOfEight.children().size());
      // every leaf is a course component standing for a course in the catalog: 19 courses of stage 4 (2 + 8 + 1 + 9
      // targets, one named in two conditions) and 8 of each of stages 1 to 3, counted by hand from the example
      List<Requirement.CredentialLeaf> leaves = leaves(root);
      assertEquals(43, leaves.stream().map(Requirement.CredentialLeaf::credential).distinct().count());
      assertTrue(leaves.stream().allMatch(l -> s.credential(l.credential()).achievementType().equals("Course")));

      // the auditor walks it: every course the tree names satisfies the degree; one missing core course does not
      IntSet all = IntSet.of(leaves.stream().map(Requirement.CredentialLeaf::credential).toList());
      assertEquals(Status.SATISFIED, audit(s, pathway, all));
      int logicAndProof = s.findCredential(HW + "2640de62-c440-46e3-8638-adfe187a7512").orElseThrow().index();
      assertTrue(all.contains(logicAndProof));
      assertFalse(Status.SATISFIED == audit(s, pathway, all.minus(IntSet.of(logicAndProof))));

      // refused, with the shapes' reasons: the component whose IRI the example gives twice (two proxies), and the
      // conditions stated only as constraints
      assertEquals(Set.of(HW + "a7cd1db3-0dcd-42a8-b871-678ea7806c59"), report.refused().stream()
          .filter(r -> r.kind().equals("CredentialComponent")).map(ImportReport.Refusal::resource).collect(Collectors.toSet()));
      assertTrue(report.refused().stream().filter(r -> r.resource().equals(HW + "1fa863f0-9411-479a-90eb-cb529e720ac3"))
          .anyMatch(r -> r.reason().contains("needs at least one ceterms:targetComponent")), report.refused()::toString);
      assertTrue(report.notes().stream().anyMatch(n -> n.contains("ceterms:value (5), read as schema:value")));
      // nothing of a refused resource is stored
      assertFalse(catalog.store().describe(HW + "1fa863f0-9411-479a-90eb-cb529e720ac3").contains("ComponentCondition"));
      // gaps are warnings, and the catalog says unknown
      Credential course = s.credential(logicAndProof);
      assertEquals(0, course.hours());
      assertEquals(-1, course.issuer());
      assertTrue(report.warnings().stream().anyMatch(w -> w.resource().equals(course.iri())
          && w.message().contains("No workload")));
    }
  }

  @Test
  void registryPathwayWithOlderSpellingsAndCredentialsUsedAsComponents() {
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      ImportReport report = StandardsFixture.importFiles(catalog, StandardFormat.CTDL,
          "ctdl/examples/CompTIA-IT_Networking_Specialist.jsonld");
      CatalogSnapshot s = catalog.snapshot();
      assertTrue(report.refused().isEmpty(), report.refused()::toString);
      Pathway pathway = s.findPathway("ce-cc62e516-f95d-4306-a11a-c0ecc39d835f").orElseThrow();
      // hasDestinationComponent names Cloud+; the career-path component names the pathway with the older
      // isDestinationComponentFor: both are destinations
      assertEquals(2, pathway.destinations().size());
      var cloud = pathway.destinations().stream().filter(d -> d.name().equals("CompTIA Cloud+")).findFirst().orElseThrow();
      assertEquals("CompTIA Cloud+", s.credential(cloud.credential()).name());
      Requirement.Condition before = (Requirement.Condition) cloud.requirement();
      assertEquals(Requirement.Rule.AT_LEAST, before.rule());
      assertEquals(1, before.requiredNumber());
      assertEquals("CompTIA Server+", before.children().getFirst().name());
      var career = pathway.destinations().stream().filter(d -> d.name().equals("IT Networking Specialist"))
          .findFirst().orElseThrow();
      assertEquals(-1, career.credential());
      assertEquals(8, s.credentials().stream().filter(c -> c.iri().startsWith("https://credentialengineregistry.org/"))
          .filter(c -> c.kind() == CredentialKind.CERTIFICATE).count());
      assertTrue(report.notes().stream().anyMatch(n -> n.contains("isDestinationComponentFor (1)")), report.notes()::toString);
      // the same document under another name: every resource, the conditions it leaves unnamed included, is
      // replaced rather than added again
      ImportReport again = StandardsFixture.importText(catalog, StandardFormat.CTDL, "comptia-again.jsonld",
          TestFiles.read(StandardsFixture.file("ctdl/examples/CompTIA-IT_Networking_Specialist.jsonld")));
      assertEquals(List.of(), again.added(), "added again");
      assertEquals(report.added().size(), again.replaced().size());
    }
  }

  @Test
  void olderHttpNamespaceReadsLikeTheCurrentOne() {
    String current = turtle("https://purl.org/ctdl/terms/", "schema:value");
    String older = turtle("http://purl.org/ctdl/terms/", "ceterms:value");
    try (LiveCatalog a = StandardsFixture.escoOnly(); LiveCatalog b = StandardsFixture.escoOnly()) {
      ImportReport ra = StandardsFixture.importText(a, StandardFormat.CTDL, "current.ttl", current);
      ImportReport rb = StandardsFixture.importText(b, StandardFormat.CTDL, "older.ttl", older);
      assertEquals(a.snapshot().credentials(), b.snapshot().credentials());
      Credential c = a.snapshot().findCredential("https://example.org/cred/x").orElseThrow();
      assertEquals(12.0, c.hours());
      assertEquals(6.0, c.ects());
      assertEquals(5, c.eqfLevel());
      assertEquals(io.cairn.catalog.DeliveryMode.ONLINE, c.mode());
      assertEquals(CredentialKind.MICRO_CREDENTIAL, c.kind());
      assertEquals(List.of("Python (computer programming)"), c.teaches().stream()
          .mapToObj(i -> a.snapshot().competency(i).label()).toList());
      assertTrue(ra.notes().stream().noneMatch(n -> n.contains("older spelling")), ra.notes()::toString);
      assertTrue(rb.notes().stream().anyMatch(n -> n.contains("http:// CTDL namespace")), rb.notes()::toString);
      assertTrue(rb.notes().stream().anyMatch(n -> n.contains("ceterms:value (1)")), rb.notes()::toString);
    }
  }

  @Test
  void theSameCredentialByCtidReplacesRatherThanDuplicates() {
    try (LiveCatalog catalog = StandardsFixture.escoOnly()) {
      String first = turtle("https://purl.org/ctdl/terms/", "schema:value");
      StandardsFixture.importText(catalog, StandardFormat.CTDL, "first.ttl", first);
      int before = catalog.snapshot().credentials().size();
      // another document, another IRI for the same credential (same CTID), and a new name
      String again = first.replace("https://example.org/cred/x", "https://registry.example/resources/other-iri")
          .replace("Python for analysts", "Python for analysts (2026)");
      ImportReport report = StandardsFixture.importText(catalog, StandardFormat.CTDL, "second.ttl", again);
      assertEquals(before, catalog.snapshot().credentials().size());
      Credential c = catalog.snapshot().findCredential("https://example.org/cred/x").orElseThrow();
      assertEquals("Python for analysts (2026)", c.name());
      assertTrue(report.replaced().stream().anyMatch(r -> r.iri().equals("https://example.org/cred/x")));
      assertTrue(report.notes().stream().anyMatch(n -> n.contains("same CTID")), report.notes()::toString);
      // and re-importing a source replaces its graph whole
      long triples = catalog.store().graphSize(report.sources().getFirst().graph());
      ImportReport twice = StandardsFixture.importText(catalog, StandardFormat.CTDL, "second.ttl", again);
      assertEquals(triples, catalog.store().graphSize(twice.sources().getFirst().graph()));
      assertTrue(twice.added().isEmpty());
    }
  }

  @Test
  void aBrokenResourceIsRefusedAloneAndNothingOfItIsStored() {
    String doc = turtle("https://purl.org/ctdl/terms/", "schema:value") + """
        <https://example.org/cred/bad> a ceterms:OpenBadge ; ceterms:name "Bad price"@en ;
          ceterms:estimatedCost [ a ceterms:CostProfile ; ceterms:price -3.0 ; ceterms:currency "EUR" ] .
        """;
    try (LiveCatalog catalog = StandardsFixture.escoOnly()) {
      ImportReport report = StandardsFixture.importText(catalog, StandardFormat.CTDL, "mixed.ttl", doc);
      assertEquals(List.of("https://example.org/cred/bad"), report.refused().stream().map(ImportReport.Refusal::resource).toList());
      assertTrue(report.refused().getFirst().reason().contains("ceterms:price must be one finite number from 0"),
          report.refused()::toString);
      assertTrue(catalog.snapshot().findCredential("https://example.org/cred/x").isPresent());
      assertTrue(catalog.snapshot().findCredential("https://example.org/cred/bad").isEmpty());
      assertFalse(catalog.store().describe("https://example.org/cred/bad").contains("Bad price"));
    }
  }

  @Test
  void aReplacementThatBreaksAnotherSourceRefusesTheWholeImport() {
    // the sample's web pathway names this badge; a document that makes it an organisation breaks that pathway,
    // which no resource of the document can be refused to fix
    String doc = """
        @prefix ceterms: <https://purl.org/ctdl/terms/> .
        <https://w3id.org/cairn/id/credential/sf-html-css-foundations> a ceterms:CredentialOrganization ;
          ceterms:name "Not a badge"@en .
        <https://example.org/cred/ok> a ceterms:OpenBadge ; ceterms:name "Fine"@en .
        """;
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      long version = catalog.store().version();
      List<String> sources = new ArrayList<>(catalog.store().sources());
      LoadRejectedException e = assertThrows(LoadRejectedException.class,
          () -> StandardsFixture.importText(catalog, StandardFormat.CTDL, "breaks.ttl", doc));
      assertTrue(e.violations().stream().anyMatch(v -> v.message().contains("proxyFor")), e.violations()::toString);
      assertEquals(version, catalog.store().version());
      assertEquals(sources, catalog.store().sources());
      assertTrue(catalog.snapshot().findCredential("sf-html-css-foundations").isPresent());
    }
  }

  @Test
  void registryEnvelopeOfACompetencyFramework() {
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      ImportReport report = StandardsFixture.importFiles(catalog, StandardFormat.CTDL,
          "ctdl/examples/SampleCompetencyFramework_with_Envelope.json");
      assertEquals(14, report.added().size());
      assertEquals(13, report.added().stream().filter(r -> r.kind().equals("Competency")).count());
      String turtle = catalog.store().describe("https://credentialengineregistry.org/resources/ce-c4188d32-a8dc-467a-aa42-abbfcb1f4b89");
      assertTrue(turtle.contains("skos:Concept") && turtle.contains("skos:inScheme"), turtle);
      assertTrue(report.notes().stream().anyMatch(n -> n.contains("envelope")));
    }
  }

  @Test
  void theRegistrysPathwayDocumentationIsReadAndItsGapsReported() {
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      ImportReport report = StandardsFixture.importFiles(catalog, StandardFormat.CTDL,
          "ctdl/examples/pathways-repo-PathwayConditions.json");
      // bare term names and the reqNum operands are older spellings; the components name nothing they stand
      // for, so they (and the pathway, which has no name) are refused with the reason
      assertTrue(report.added().isEmpty());
      assertTrue(report.refused().stream().anyMatch(r -> r.kind().equals("Pathway") && r.reason().contains("ceterms:name")));
      assertTrue(report.refused().stream().anyMatch(r -> r.kind().equals("CourseComponent") && r.reason().contains("proxyFor")));
      assertTrue(report.notes().stream().anyMatch(n -> n.contains("read as ceterms:requiredNumber")));
      assertTrue(report.notes().stream().anyMatch(n -> n.contains("bare term names")));
      assertEquals(5, catalog.snapshot().pathways().size());
    }
  }

  /** Reading a file as text. */
  private static final class TestFiles {
    static String read(java.nio.file.Path file) {
      try {
        return java.nio.file.Files.readString(file);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** A CTDL micro-credential in Turtle, in the given CTDL namespace and credit-value spelling. */
  static String turtle(String ceterms, String valueTerm) {
    return """
        @prefix ceterms: <%s> .
        @prefix schema: <https://schema.org/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <https://example.org/cred/x> a ceterms:MicroCredential ;
          ceterms:ctid "ce-11111111-2222-3333-4444-555555555555" ;
          ceterms:name "Python for analysts"@en ;
          ceterms:estimatedDuration [ a ceterms:DurationProfile ; ceterms:exactDuration "PT12H"^^schema:Duration ] ;
          ceterms:learningDeliveryType [ a ceterms:CredentialAlignmentObject ;
              ceterms:targetNode <https://purl.org/ctdl/vocabs/deliveryType/OnlineOnly> ] ;
          ceterms:audienceLevelType [ a ceterms:CredentialAlignmentObject ; ceterms:targetNode <http://data.europa.eu/snb/eqf/5> ] ;
          ceterms:creditValue [ a ceterms:ValueProfile ; %s 6 ;
              ceterms:creditUnitType [ a ceterms:CredentialAlignmentObject ;
                  ceterms:targetNode <http://data.europa.eu/snb/education-credit/6fcec5c5af> ] ] ;
          ceterms:teaches [ a ceterms:CredentialAlignmentObject ;
              ceterms:targetNode <http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d> ] .
        """.formatted(ceterms, valueTerm);
  }

  private static Status audit(CatalogSnapshot s, Pathway pathway, IntSet held) {
    return Auditor.standard().audit(s, pathway, Holdings.of(s, held, IntSet.of()), List.of()).status();
  }

  private static Requirement find(Requirement node, String id) {
    if (node.id().equals(id)) {
      return node;
    }
    if (node instanceof Requirement.Condition c) {
      for (Requirement child : c.children()) {
        Requirement found = find(child, id);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static List<Requirement.CredentialLeaf> leaves(Requirement node) {
    List<Requirement.CredentialLeaf> out = new ArrayList<>();
    if (node instanceof Requirement.CredentialLeaf leaf) {
      out.add(leaf);
    } else if (node instanceof Requirement.Condition c) {
      c.children().forEach(child -> out.addAll(leaves(child)));
    }
    return out;
  }
}
