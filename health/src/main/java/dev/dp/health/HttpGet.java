package dev.dp.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dp.contracts.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** HTTP GETs of the probes: every request bounded by one timeout (connect and answer). */
public final class HttpGet {

  private final Duration timeout;
  private final HttpClient client;

  /** A client whose requests give up after {@code timeout}. */
  public HttpGet(Duration timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * An answer.
   *
   * @param status HTTP status code
   * @param body the body as text
   */
  public record Response(int status, String body) {

    /** Whether the status is 2xx. */
    public boolean ok() {
      return status / 100 == 2;
    }

    /** The body as JSON. */
    public JsonNode json() throws IOException {
      return Json.mapper().readTree(body);
    }
  }

  /** GETs {@code url}; any status is an answer. */
  public Response get(String url) throws IOException {
    return get(url, Map.of());
  }

  /** GETs {@code url} with extra request headers; any status is an answer. */
  public Response get(String url, Map<String, String> headers) throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Accept", "application/json");
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = client.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (java.net.http.HttpTimeoutException e) {
      throw new IOException("no answer within " + timeout.toMillis() + " ms", e);
    }
  }

  /** The JSON body of {@code url}; fails on a status that is not 2xx. */
  public JsonNode json(String url) throws IOException {
    Response r = get(url);
    if (!r.ok()) {
      throw new IOException(url + " answered HTTP " + r.status());
    }
    return r.json();
  }
}
