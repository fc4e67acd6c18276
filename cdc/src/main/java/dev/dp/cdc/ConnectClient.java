package dev.dp.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small client of the Kafka Connect REST API. */
public final class ConnectClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http;

  private final Duration timeout;

  /** A client of the Connect worker at {@code http://host:port} (10 s timeouts). */
  public ConnectClient(String host, int port) {
    this(host, port, TIMEOUT);
  }

  /** A client whose every request gives up after {@code timeout} (connect and answer). */
  public ConnectClient(String host, int port, Duration timeout) {
    this.base = URI.create("http://" + host + ":" + port);
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** The worker's version when its REST API answers. */
  public String version() throws IOException {
    return get("/").path("version").asText();
  }

  /** Connector names. */
  public List<String> connectors() throws IOException {
    List<String> names = new ArrayList<>();
    get("/connectors").forEach(n -> names.add(n.asText()));
    return names;
  }

  /**
   * Creates or updates a connector ({@code PUT /connectors/<name>/config}); idempotent.
   *
   * @throws IOException with Connect's message when the worker rejects the configuration
   */
  public void putConfig(String name, Map<String, String> config) throws IOException {
    HttpRequest req =
        request("/connectors/" + name + "/config")
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config)))
            .build();
    HttpResponse<String> resp = send(req);
    if (resp.statusCode() / 100 != 2) {
      throw new IOException(
          "Connect rejected the config of "
              + name
              + " (HTTP "
              + resp.statusCode()
              + "): "
              + resp.body());
    }
  }

  /** The connector's state, or empty when Connect does not know it (yet). */
  public Optional<ConnectorState> status(String name) throws IOException {
    HttpResponse<String> resp = send(request("/connectors/" + name + "/status").GET().build());
    if (resp.statusCode() == 404) {
      return Optional.empty();
    }
    JsonNode n = parse(resp);
    List<String> tasks = new ArrayList<>();
    String trace = n.path("connector").path("trace").asText("");
    for (JsonNode t : n.path("tasks")) {
      tasks.add(t.path("state").asText());
      if (trace.isEmpty()) {
        trace = t.path("trace").asText("");
      }
    }
    return Optional.of(
        new ConnectorState(n.path("connector").path("state").asText(), tasks, trace));
  }

  /** Restarts a connector and its failed tasks. */
  public void restart(String name) throws IOException {
    send(
        request("/connectors/" + name + "/restart?includeTasks=true&onlyFailed=true")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  /**
   * GETs a path of the REST API, e.g. {@code /connectors/<name>/status}, as JSON; fails on a
   * non-2xx answer. Read-only callers (the console) use it for documents this client has no method
   * for.
   */
  public JsonNode get(String path) throws IOException {
    return parse(send(request(path).GET().build()));
  }

  private JsonNode parse(HttpResponse<String> resp) throws IOException {
    if (resp.statusCode() / 100 != 2) {
      throw new IOException(
          resp.request().uri() + " answered HTTP " + resp.statusCode() + ": " + resp.body());
    }
    return JSON.readTree(resp.body());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
  }

  private HttpResponse<String> send(HttpRequest req) throws IOException {
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
