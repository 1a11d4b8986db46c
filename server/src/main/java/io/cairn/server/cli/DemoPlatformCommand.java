package io.cairn.server.cli;

import io.cairn.server.lti.DemoPlatform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn lti demo-platform}: a stand-in LMS ({@link DemoPlatform}) on this machine, registered with a running
 * Cairn through its admin endpoint when the admin token is set, so that a launch can be tried in a browser.
 */
@Command(name = "demo-platform", mixinStandardHelpOptions = true,
    description = "Run a small demo LMS (an LTI 1.3 platform with its own new RSA key) whose course page launches "
        + "Cairn in an iframe, as a learner or an instructor, and register it with Cairn when CAIRN_ADMIN_TOKEN is "
        + "set. For trying only.")
final class DemoPlatformCommand implements Runnable {
  @Option(names = "--port", paramLabel = "N", defaultValue = "9001",
      description = "Port on the loopback address (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--cairn", paramLabel = "URL", defaultValue = "http://localhost:8080",
      description = "Where Cairn runs, as the browser reaches it (default: ${DEFAULT-VALUE})")
  URI cairn;

  @Option(names = "--learner", paramLabel = "ID", defaultValue = "learner-0001",
      description = "The learner's LIS person sourcedId, their id in Cairn's SIS (default: ${DEFAULT-VALUE})")
  String learner;

  @Option(names = "--pathway", paramLabel = "ID", defaultValue = "data-analytics",
      description = "The Cairn pathway the demo course is about (default: ${DEFAULT-VALUE})")
  String pathway;

  @Option(names = "--host", paramLabel = "NAME", defaultValue = "localhost",
      description = "The host name in the platform's issuer and page address (default: ${DEFAULT-VALUE})")
  String host;

  @Override
  public void run() {
    if (port < 0 || port > 65535) {
      throw new CliException("--port must be from 0 to 65535, got " + port);
    }
    DemoPlatform platform;
    try {
      platform = DemoPlatform.start(host, port, cairn, learner, pathway);
    } catch (java.io.UncheckedIOException e) {
      throw new CliException("cannot listen on port " + port + " (" + e.getCause().getMessage()
          + "); choose another with --port");
    }
    String token = System.getenv("CAIRN_ADMIN_TOKEN");
    if (token == null || token.isBlank()) {
      System.out.println("CAIRN_ADMIN_TOKEN is not set, so the platform is not registered; register it with:");
      System.out.println("curl -s " + cairn + "/api/lti/platforms -H \"Authorization: Bearer $CAIRN_ADMIN_TOKEN\" "
          + "-H 'Content-Type: application/json' -d '" + platform.registration() + "'");
    } else {
      register(platform, token.trim());
    }
    System.out.println("Demo LMS at " + platform.coursePage() + " : open it in a browser and press \"Launch as "
        + "learner\" or \"Launch as instructor\". Ctrl-C stops it.");
    Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void register(DemoPlatform platform, String token) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(cairn.toString().replaceAll("/+$", "")
            + "/api/lti/platforms")).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(platform.registration())).build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() / 100 != 2) {
        platform.close();
        throw new CliException("Cairn at " + cairn + " refused the registration (" + answer.statusCode() + "): "
            + answer.body());
      }
      System.out.println("Registered with Cairn at " + cairn + " as issuer " + platform.issuer() + ", client id "
          + DemoPlatform.CLIENT_ID + ", deployment " + DemoPlatform.DEPLOYMENT + ".");
    } catch (IOException e) {
      platform.close();
      throw new CliException("cannot reach Cairn at " + cairn + " to register (" + e.getMessage() + "); start it "
          + "first (bin/cairn serve ...) or give --cairn");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      platform.close();
    }
  }
}
