package dev.dp.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GETs JSON from the services' status endpoints with short, bounded timeouts. */
final class HttpJson {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpJson() {}

  /** The JSON body of {@code url}; fails on a non-2xx answer. */
  static JsonNode get(String url) throws IOException {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<String> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() / 100 != 2) {
        throw new IOException(url + " answered HTTP " + resp.statusCode());
      }
      return JSON.readTree(resp.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Runs a probe that reads JSON, turning I/O failures into "not yet". */
  static Readiness probe(IoProbe probe) {
    try {
      return probe.check();
    } catch (IOException | RuntimeException e) {
      return Readiness.notYet(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** A readiness check that may fail with I/O. */
  @FunctionalInterface
  interface IoProbe {
    Readiness check() throws IOException;
  }
}
