package io.cairn.plan;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Credential;
import io.cairn.catalog.CredentialKind;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.Destination;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Issuer;
import io.cairn.catalog.Occupation;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.Requirement;
import io.cairn.catalog.StackLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made catalogs for the planner's tests, where the answer can be worked out by hand: skills, credentials with
 * cost, hours, ECTS, mode, prerequisites and stacking, occupations and pathways.
 */
final class PlanCatalog {
  static final String CREDENTIAL = "https://w3id.org/cairn/id/credential/";
  private final List<String> skills = new ArrayList<>();
  private final List<Spec> specs = new ArrayList<>();
  private final List<Occupation> occupations = new ArrayList<>();
  private final List<Pathway> pathways = new ArrayList<>();

  /** A credential being described; fluent setters. */
  static final class Spec {
    final String id;
    double cost;
    double hours = 10;
    double ects;
    int issuer;
    DeliveryMode mode = DeliveryMode.ONLINE;
    int[] teaches = new int[0];
    final List<Integer> requires = new ArrayList<>();
    final List<Integer> requiresSkills = new ArrayList<>();
    final List<StackLink> stacks = new ArrayList<>();

    Spec(String id) {
      this.id = id;
    }

    Spec cost(double c) {
      cost = c;
      return this;
    }

    Spec hours(double h) {
      hours = h;
      return this;
    }

    Spec ects(double e) {
      ects = e;
      return this;
    }

    Spec issuer(int i) {
      issuer = i;
      return this;
    }

    Spec mode(DeliveryMode m) {
      mode = m;
      return this;
    }

    Spec teaches(int... skills) {
      teaches = skills;
      return this;
    }

    Spec requires(int credential) {
      requires.add(credential);
      return this;
    }

    Spec requiresSkill(int skill) {
      requiresSkills.add(skill);
      return this;
    }

    Spec stacksInto(int whole, double credits) {
      stacks.add(new StackLink(whole, credits));
      return this;
    }
  }

  int skill(String id) {
    skills.add(id);
    return skills.size() - 1;
  }

  /** A new credential; returns its index (configure it with {@link #spec}). */
  int credential(String id) {
    specs.add(new Spec(id));
    return specs.size() - 1;
  }

  Spec spec(int credential) {
    return specs.get(credential);
  }

  int occupation(String id, int[] essential, int... optional) {
    occupations.add(new Occupation(occupations.size(), "http://data.europa.eu/esco/occupation/" + id, id, id, "2511",
        IntSet.of(essential), IntSet.of(optional)));
    return occupations.size() - 1;
  }

  int pathway(String id, Destination... destinations) {
    pathways.add(new Pathway(pathways.size(), "https://w3id.org/cairn/id/pathway/" + id, id, id, "",
        List.of(destinations), -1));
    return pathways.size() - 1;
  }

  CatalogSnapshot snapshot() {
    List<Competency> competencies = new ArrayList<>();
    for (int i = 0; i < skills.size(); i++) {
      competencies.add(new Competency(i, "http://data.europa.eu/esco/skill/" + skills.get(i), skills.get(i),
          skills.get(i), List.of(), "skill", "cross-sector", 0, 0, ""));
    }
    List<Credential> credentials = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      Spec s = specs.get(i);
      credentials.add(new Credential(i, CREDENTIAL + s.id, s.id, s.id, "", CredentialKind.BADGE, "Badge", s.issuer,
          s.hours, s.ects, 5, s.mode, s.cost, "EUR", IntSet.of(s.teaches), IntSet.of(s.requires),
          IntSet.of(s.requiresSkills), s.stacks));
    }
    List<Issuer> issuers = List.of(new Issuer(0, "https://w3id.org/cairn/id/issuer/one", "one", "Issuer One"),
        new Issuer(1, "https://w3id.org/cairn/id/issuer/two", "two", "Issuer Two"));
    return new CatalogSnapshot(1, Instant.EPOCH, competencies, occupations, credentials, issuers, pathways,
        competencies.stream().map(c -> IntSet.empty()).toList());
  }

  static Requirement.Condition allOf(String id, Requirement... children) {
    return new Requirement.Condition("https://w3id.org/cairn/id/condition/" + id, id, id, Requirement.Rule.ALL_OF,
        children.length, 0, false, List.of(children));
  }

  static Requirement.Condition atLeast(String id, int n, Requirement... children) {
    return new Requirement.Condition("https://w3id.org/cairn/id/condition/" + id, id, id, Requirement.Rule.AT_LEAST,
        n, 0, false, List.of(children));
  }

  static Requirement.Condition minCredits(String id, double credits, Requirement... children) {
    return new Requirement.Condition("https://w3id.org/cairn/id/condition/" + id, id, id,
        Requirement.Rule.MINIMUM_CREDITS, children.length, credits, false, List.of(children));
  }

  static Requirement.CredentialLeaf cred(String id, int credential) {
    return new Requirement.CredentialLeaf("https://w3id.org/cairn/id/component/" + id, id, id, credential);
  }

  static Requirement.CompetencyLeaf comp(String id, int competency) {
    return new Requirement.CompetencyLeaf("https://w3id.org/cairn/id/component/" + id, id, id, competency);
  }

  static Destination destination(String id, int credential, boolean offRamp, Requirement tree) {
    return new Destination("https://w3id.org/cairn/id/component/" + id, id, id, credential, offRamp, tree);
  }
}
