package io.cairn.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.Cairn;
import io.cairn.interop.vc.PresentedCredential;
import io.cairn.catalog.DeliveryMode;
import io.cairn.learner.Constraints;
import io.cairn.learner.Goal;
import io.cairn.learner.Learner;
import io.cairn.plan.Objective;
import io.cairn.plan.PlanRequest;
import io.cairn.rank.RecommendationRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The JSON bodies the API accepts, and their checked conversion into engine records. */
public final class RequestBodies {
  private RequestBodies() {}

  /**
   * Who asks. {@code presented} holds verifiable credentials (Open Badges 3.0 / CLR 2.0): each a JSON credential
   * with its embedded proof, or a compact VC-JWT string.
   */
  public record LearnerBody(String name, List<String> credentials, List<String> competencies,
      List<JsonNode> presented) {
    /** More presented credentials than this is not a learner's wallet but a load test. */
    public static final int MAX_PRESENTED = 20;

    public Learner toLearner() {
      return new Learner(name, noBlanks(credentials, "learner.credentials"),
          noBlanks(competencies, "learner.competencies"), presentedCredentials());
    }

    private List<PresentedCredential> presentedCredentials() {
      if (presented == null) {
        return List.of();
      }
      if (presented.size() > MAX_PRESENTED) {
        throw ApiException.badRequest("learner.presented takes at most " + MAX_PRESENTED + " credentials, got "
            + presented.size() + "; present a CLR to bundle many achievements in one");
      }
      List<PresentedCredential> credentials = new java.util.ArrayList<>(presented.size());
      for (int i = 0; i < presented.size(); i++) {
        JsonNode item = presented.get(i);
        String text;
        if (item != null && item.isObject()) {
          text = item.toString();
        } else if (item != null && item.isTextual() && !item.textValue().isBlank()) {
          text = item.textValue().trim();
          if (text.startsWith("{")) {
            throw ApiException.badRequest("learner.presented[" + i + "] is a string holding JSON; give a JSON"
                + " credential as an object, and a VC-JWT as a string");
          }
        } else {
          throw ApiException.badRequest("learner.presented[" + i + "] must be a credential: a JSON object with an"
              + " embedded proof, or a compact VC-JWT string");
        }
        if (text.length() > PresentedCredential.MAX_CHARS) {
          throw ApiException.badRequest("learner.presented[" + i + "] has " + text.length() + " characters; a"
              + " presented credential may have at most " + PresentedCredential.MAX_CHARS);
        }
        credentials.add(new PresentedCredential(text));
      }
      return credentials;
    }
  }

  public record GoalBody(String type, String id, List<String> ids) {
    public Goal toGoal() {
      if (type == null) {
        throw ApiException.badRequest("goal.type is required: occupation, pathway or competencies");
      }
      return switch (type.trim().toLowerCase(Locale.ROOT)) {
        case "occupation" -> new Goal.OccupationGoal(requireId("occupation"));
        case "pathway" -> new Goal.PathwayGoal(requireId("pathway"));
        case "competencies" -> {
          if (ids == null || ids.isEmpty()) {
            throw ApiException.badRequest("a competencies goal needs goal.ids: a non-empty list of competency ids");
          }
          yield new Goal.CompetencyGoal(noBlanks(ids, "goal.ids"));
        }
        default -> throw ApiException.badRequest(
            "goal.type must be occupation, pathway or competencies, got '" + type + "'");
      };
    }

    private String requireId(String what) {
      if (id == null || id.isBlank()) {
        throw ApiException.badRequest((what.startsWith("o") ? "an " : "a ") + what + " goal needs goal.id: the " + what + "'s id or IRI");
      }
      return id.trim();
    }
  }

  public record ConstraintsBody(Double maxCost, Double maxHours, List<String> modes, Boolean creditBearingOnly,
      Integer maxEqfLevel) {
    public Constraints toConstraints() {
      Set<DeliveryMode> modeSet = EnumSet.noneOf(DeliveryMode.class);
      if (modes != null) {
        for (String m : modes) {
          try {
            modeSet.add(DeliveryMode.fromApiName(m == null ? "" : m));
          } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("constraints.modes: " + e.getMessage());
          }
        }
      }
      if (maxCost != null && !(maxCost >= 0)) {
        throw ApiException.badRequest("constraints.maxCost must be a number >= 0, got " + maxCost);
      }
      if (maxHours != null && !(maxHours >= 0)) {
        throw ApiException.badRequest("constraints.maxHours must be a number >= 0, got " + maxHours);
      }
      if (maxEqfLevel != null && (maxEqfLevel < 1 || maxEqfLevel > 8)) {
        throw ApiException.badRequest("constraints.maxEqfLevel must be from 1 to 8, got " + maxEqfLevel);
      }
      return new Constraints(
          maxCost == null ? Double.POSITIVE_INFINITY : maxCost,
          maxHours == null ? Double.POSITIVE_INFINITY : maxHours,
          modeSet, Boolean.TRUE.equals(creditBearingOnly), maxEqfLevel == null ? 8 : maxEqfLevel);
    }
  }

  /**
   * A recommendation question. Without {@code goal} (optionally with {@code goalField}) it is goal-free: the
   * skill-value model chooses the skills, and a server without a model refuses it with 409.
   */
  public record RecommendationBody(LearnerBody learner, GoalBody goal, String goalField, ConstraintsBody constraints,
      Integer k) {
    static final int DEFAULT_K = 5;

    public RecommendationRequest toRequest() {
      if (goal != null && goalField != null) {
        throw ApiException.badRequest("give either 'goal' or 'goalField', not both: 'goalField' is for suggestions"
            + " without a goal");
      }
      int size = k == null ? DEFAULT_K : k;
      if (size < 1 || size > RecommendationRequest.MAX_K) {
        throw ApiException.badRequest("k must be from 1 to " + RecommendationRequest.MAX_K + ", got " + size);
      }
      Goal target = goal != null ? goal.toGoal() : new Goal.FieldGoal(goalField);
      return new RecommendationRequest(learner == null ? Learner.empty() : learner.toLearner(), target,
          constraints == null ? Constraints.none() : constraints.toConstraints(), size);
    }
  }

  /** "What should I learn next": a profile, and an occupation, an ISCO minor group or neither. */
  public record NextSkillsBody(LearnerBody learner, String occupation, String goalField, Integer k) {
    static final int DEFAULT_K = 10;
    public static final int MAX_K = 100;

    public Learner toLearner() {
      return learner == null ? Learner.empty() : learner.toLearner();
    }

    /** The occupation's id or IRI, or null. */
    public String occupationId() {
      if (occupation != null && occupation.isBlank()) {
        throw ApiException.badRequest("'occupation' must not be empty: give an occupation's id or IRI, or leave it out");
      }
      return occupation == null ? null : occupation.trim();
    }

    public String field() {
      String field = goalField == null ? "" : goalField.trim();
      if (!field.isEmpty() && !field.matches("[0-9]{3}")) {
        throw ApiException.badRequest("goalField must be an ISCO-08 minor group of 3 digits, such as 251, got '"
            + goalField + "'");
      }
      return field;
    }

    public int size() {
      int size = k == null ? DEFAULT_K : k;
      if (size < 1 || size > MAX_K) {
        throw ApiException.badRequest("k must be from 1 to " + MAX_K + ", got " + size);
      }
      return size;
    }
  }

  public record ExceptionBody(String kind, String requirement, String credential, String note) {
    public Cairn.ExceptionSpec toSpec() {
      return new Cairn.ExceptionSpec(kind, requirement, credential, note);
    }
  }

  public record AuditBody(LearnerBody learner, String pathway, List<String> whatIf, List<ExceptionBody> exceptions,
      Boolean whatIsLeft) {
    static final int MAX_WHAT_IF = 10;

    public void check() {
      if (pathway == null || pathway.isBlank()) {
        throw ApiException.badRequest("'pathway' is required: the id or IRI of the pathway to audit");
      }
      if (whatIf != null && whatIf.size() > MAX_WHAT_IF) {
        throw ApiException.badRequest("whatIf takes at most " + MAX_WHAT_IF + " pathways, got " + whatIf.size());
      }
    }

    public Learner toLearner() {
      return learner == null ? Learner.empty() : learner.toLearner();
    }

    public List<String> whatIfIds() {
      return whatIf == null ? List.of() : noBlanks(whatIf, "whatIf");
    }

    public List<Cairn.ExceptionSpec> specs() {
      return RequestBodies.specs(exceptions);
    }

    /** True when the cheapest way to finish each pathway and open requirement is asked for. */
    public boolean leftAsked() {
      return Boolean.TRUE.equals(whatIsLeft);
    }
  }

  /**
   * A plan question: the learner, a goal (required), the plan's limits, the objective, the reach, a calendar pace,
   * credentials to include or exclude, how many plans, the pathway destination and the advisor's exceptions.
   */
  public record PlanBody(LearnerBody learner, GoalBody goal, ConstraintsBody constraints, String objective,
      Double reach, Double hoursPerWeek, List<String> include, List<String> exclude, Integer alternatives,
      String destination, List<ExceptionBody> exceptions) {
    public static final int DEFAULT_ALTERNATIVES = 3;

    public PlanRequest toRequest() {
      if (goal == null) {
        throw ApiException.badRequest("'goal' is required: a plan needs an occupation, a pathway or a list of "
            + "competencies to reach");
      }
      Objective chosen;
      try {
        chosen = objective == null ? Objective.COST : Objective.fromApiName(objective);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(e.getMessage());
      }
      if (reach != null && !(reach > 0 && reach <= 1)) {
        throw ApiException.badRequest("reach must be more than 0 and at most 1 (the share of the essential skills "
            + "to cover), got " + reach);
      }
      if (hoursPerWeek != null && !(hoursPerWeek >= 0 && hoursPerWeek <= PlanRequest.MAX_HOURS_PER_WEEK)) {
        throw ApiException.badRequest("hoursPerWeek must be from 0 (no calendar) to "
            + (int) PlanRequest.MAX_HOURS_PER_WEEK + ", got " + hoursPerWeek);
      }
      int plans = alternatives == null ? DEFAULT_ALTERNATIVES : alternatives;
      if (plans < 1 || plans > PlanRequest.MAX_ALTERNATIVES) {
        throw ApiException.badRequest("alternatives must be from 1 to " + PlanRequest.MAX_ALTERNATIVES + ", got "
            + plans);
      }
      if (destination != null && destination.isBlank()) {
        throw ApiException.badRequest("'destination' must not be empty: a destination id, 'nearest', or leave it out");
      }
      return new PlanRequest(learner == null ? Learner.empty() : learner.toLearner(), goal.toGoal(),
          constraints == null ? Constraints.none() : constraints.toConstraints(), chosen, reach == null ? 1.0 : reach,
          hoursPerWeek == null ? 0 : hoursPerWeek, noBlanks(include, "include"), noBlanks(exclude, "exclude"), plans,
          destination, List.of());
    }

    public List<Cairn.ExceptionSpec> specs() {
      return RequestBodies.specs(exceptions);
    }
  }

  private static List<Cairn.ExceptionSpec> specs(List<ExceptionBody> exceptions) {
    return exceptions == null ? List.of() : exceptions.stream().map(e -> {
      if (e == null) {
        throw ApiException.badRequest("exceptions must not contain null");
      }
      return e.toSpec();
    }).toList();
  }

  private static List<String> noBlanks(List<String> values, String field) {
    if (values == null) {
      return List.of();
    }
    for (String v : values) {
      if (v == null || v.isBlank()) {
        throw ApiException.badRequest(field + " must not contain empty or null ids");
      }
    }
    return values.stream().map(String::trim).toList();
  }
}
