package dev.dp.health.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dp.health.HttpGet;
import dev.dp.health.ProbeContext;
import dev.dp.health.Text;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an OpenMetadata server says about itself, asked once per run for steps 14–18: its admin
 * {@code /healthcheck}, {@code /api/v1/system/version} and, with a token, {@code
 * /api/v1/system/status} (one validation per dependency: database, search instance, migrations,
 * pipeline service client).
 *
 * @param endpoint where it was asked
 * @param healthError why {@code /healthcheck} did not answer, or empty
 * @param healthy whether it answered 2xx with no {@code "healthy": false} in it
 * @param healthBody its answer, for the detail
 * @param version the server's version, or empty
 * @param statusError why the system status could not be read (no token, HTTP error), or empty
 * @param components per system status field, its validation
 */
public record OpenMetadataStatus(
    OpenMetadataEndpoint endpoint,
    String healthError,
    boolean healthy,
    String healthBody,
    String version,
    String statusError,
    Map<String, Validation> components) {

  /**
   * One validation of the system status.
   *
   * @param passed whether it passed
   * @param description what was validated
   * @param message its result or error
   */
  public record Validation(boolean passed, String description, String message) {}

  /** Not configured: nothing asked. */
  static OpenMetadataStatus notConfigured(OpenMetadataEndpoint endpoint) {
    return new OpenMetadataStatus(endpoint, "", false, "", "", "", Map.of());
  }

  /** Asks the configured server. */
  static OpenMetadataStatus ask(ProbeContext ctx, OpenMetadataEndpoint e) {
    if (!e.configured()) {
      return notConfigured(e);
    }
    HttpGet http = ctx.http();
    String healthError = "";
    boolean healthy = false;
    String body = "";
    try {
      ctx.doing("GET " + e.adminUrl() + "/healthcheck");
      HttpGet.Response r = http.get(e.adminUrl() + "/healthcheck");
      body = r.body().length() > 300 ? r.body().substring(0, 300) + "…" : r.body();
      healthy = r.ok() && !anyUnhealthy(r.json());
      if (!r.ok()) {
        healthError = "HTTP " + r.status();
      }
    } catch (IOException ex) {
      healthError = Text.error(ex);
    }
    String version = "";
    try {
      ctx.doing("GET " + e.url() + "/api/v1/system/version");
      version = http.json(e.url() + "/api/v1/system/version").path("version").asText("");
    } catch (IOException ex) {
      // the version is only shown; /healthcheck decides
    }
    String statusError = "";
    Map<String, Validation> components = new LinkedHashMap<>();
    if (e.token().isEmpty()) {
      statusError = "no token";
    } else {
      try {
        ctx.doing("GET " + e.url() + "/api/v1/system/status");
        HttpGet.Response r =
            http.get(
                e.url() + "/api/v1/system/status", Map.of("Authorization", "Bearer " + e.token()));
        if (!r.ok()) {
          statusError = "HTTP " + r.status();
        } else {
          Iterator<Map.Entry<String, JsonNode>> it = r.json().fields();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            components.put(
                f.getKey(),
                new Validation(
                    f.getValue().path("passed").asBoolean(false),
                    f.getValue().path("description").asText(""),
                    f.getValue().path("message").asText("")));
          }
        }
      } catch (IOException ex) {
        statusError = Text.error(ex);
      }
    }
    return new OpenMetadataStatus(e, healthError, healthy, body, version, statusError, components);
  }

  private static boolean anyUnhealthy(JsonNode n) {
    if (n.has("healthy") && !n.path("healthy").asBoolean(true)) {
      return true;
    }
    if ("DOWN".equalsIgnoreCase(n.path("status").asText(""))) {
      return true;
    }
    for (JsonNode child : n) {
      if (child.isContainerNode() && anyUnhealthy(child)) {
        return true;
      }
    }
    return false;
  }
}
