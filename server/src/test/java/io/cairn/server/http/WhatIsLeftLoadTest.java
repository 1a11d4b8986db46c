package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * "What is left" (an audit with {@code whatIsLeft: true}, a planner run per open requirement, which the advisor
 * screen asks for after it has drawn the audit) is planned on its own few threads with a short wait of its own, so
 * that advisors asking for it at once can never take the places every other request needs: the page's own loads
 * (its scripts, {@code /api/pathways}, the plain audit) still answer while it is being planned, and a what-is-left
 * that finds the planner full is told so at once (503 problem+json with Retry-After), never left to time out in the
 * server's queue.
 */
class WhatIsLeftLoadTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration HANG = Duration.ofSeconds(120);
  private static final String WHAT_IS_LEFT = """
      {"learner": {"credentials": ["nb-mc-applied-statistics"]}, "pathway": "data-analytics",
       "whatIsLeft": true}""";
  private static final String PLAIN_AUDIT = """
      {"learner": {"credentials": ["nb-mc-applied-statistics"]}, "pathway": "data-analytics"}""";
  private static final int ADVISORS = 16;

  @Test
  void manyWhatIsLeftAuditsAtOnceNeverHoldUpThePagesOtherRequests() throws Exception {
    // four requests in flight at once, and a queue wait short enough that a request stuck behind planning is
    // refused rather than answered late: the places a page load needs are the ones planning must leave free
    ServerLimits limits = ServerLimits.defaults().withRequestQueue(4, 64, Duration.ofSeconds(2));
    try (TestServer server = TestServer.start(limits);
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      // planned apart, a what-is-left that cannot be answered is still the problem it always was, never a 500
      RawHttp.Response unknown = RawHttp.exchange(server.port(), post("""
          {"learner": {"credentials": []}, "pathway": "no-such-pathway", "whatIsLeft": true}"""), HANG);
      assertEquals(422, unknown.status(), unknown.body());
      assertTrue(unknown.body().contains("no-such-pathway"), unknown.body());

      AtomicInteger unanswered = new AtomicInteger(ADVISORS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<RawHttp.Response>> advisors = new ArrayList<>();
      for (int i = 0; i < ADVISORS; i++) {
        advisors.add(clients.submit(() -> {
          go.await();
          try {
            return RawHttp.exchange(server.port(), post(WHAT_IS_LEFT), HANG);
          } finally {
            unanswered.decrementAndGet();
          }
        }));
      }
      go.countDown();
      // the page's other requests, one after another, while the advisors' what-is-left is being planned
      List<String> others = new ArrayList<>();
      int stillPlanning = 0;
      for (String request : List.of(get("/api/pathways"), post(PLAIN_AUDIT), get("/"), get("/web/app.js"),
          get("/api/pathways"), post(PLAIN_AUDIT))) {
        RawHttp.Response answer = RawHttp.exchange(server.port(), request, HANG);
        others.add(answer.status() + " " + request.lines().findFirst().orElse(""));
        if (unanswered.get() > 0) {
          stillPlanning++;
        }
      }
      assertTrue(others.stream().allMatch(o -> o.startsWith("200 ")), "every other request answered at once: "
          + others);
      assertTrue(stillPlanning > 0, "the other requests were answered while what is left was still being planned");

      int planned = 0;
      for (Future<RawHttp.Response> advisor : advisors) {
        RawHttp.Response r = advisor.get();
        if (r.status() == 200) {
          planned++;
          JsonNode body = JSON.readTree(r.body());
          assertTrue(body.at("/audit/left").isObject(), r.body());
        } else {
          assertEquals(503, r.status(), r.body());
          assertTrue(r.headers().get("content-type").startsWith("application/problem+json"), r.headers().toString());
          assertTrue(JSON.readTree(r.body()).path("detail").asText().contains("what is left"), r.body());
          assertTrue(Integer.parseInt(r.header("retry-after").orElse("0")) >= 1, r.headers().toString());
        }
      }
      assertTrue(planned >= 1, "at least the first advisors' what-is-left was planned");
    }
  }

  private static String post(String body) {
    return RawHttp.request("POST", "/api/audits", List.of("Content-Type: application/json"), body);
  }

  private static String get(String target) {
    return RawHttp.request("GET", target, List.of(), null);
  }
}
