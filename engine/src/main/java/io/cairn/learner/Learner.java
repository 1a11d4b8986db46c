package io.cairn.learner;

import java.util.List;

/**
 * What a learner holds, as sent in a request: credential and competency ids (short ids or IRIs). Learners are
 * request data: nothing about them is stored or logged.
 */
public record Learner(String name, List<String> credentials, List<String> competencies) {
  public Learner {
    name = name == null ? "" : name;
    credentials = credentials == null ? List.of() : List.copyOf(credentials);
    competencies = competencies == null ? List.of() : List.copyOf(competencies);
  }

  public static Learner empty() {
    return new Learner("", List.of(), List.of());
  }
}
