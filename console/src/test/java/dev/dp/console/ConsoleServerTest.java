package dev.dp.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceCatalog;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server without a stack behind it: the page, the libraries it names (resolved from their
 * WebJars with the versions the build filled in) and the lineage, which needs no service.
 */
class ConsoleServerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path checkout;

  @Test
  void servesThePageItsLibrariesAndTheLineageAndOnlyReads() throws Exception {
    int freePort;
    try (ServerSocket s = new ServerSocket(0)) {
      freePort = s.getLocalPort();
    }
    DpConfig config =
        DpConfig.load(
            ServiceCatalog.standard(),
            checkout,
            Map.of(
                "DP_PORT_OFFSET", Integer.toString(freePort - 8085),
                "DP_SOURCE_PASSWORD", "unused",
                "DP_DEST_PASSWORD", "unused"),
            Map.of());
    try (ConsoleServer server = ConsoleServer.start(config)) {
      String base = "http://127.0.0.1:" + server.port();
      HttpResponse<String> page = get(base + "/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("dp console").doesNotContain("${");
      Matcher scripts = Pattern.compile("src=\"(/[^\"]+\\.js)\"").matcher(page.body());
      int found = 0;
      while (scripts.find()) {
        assertThat(get(base + scripts.group(1)).statusCode()).as(scripts.group(1)).isEqualTo(200);
        found++;
      }
      assertThat(found).as("scripts the page loads").isEqualTo(4);
      assertThat(get(base + "/console.css").statusCode()).isEqualTo(200);

      JsonNode lineage = new ObjectMapper().readTree(get(base + "/api/lineage").body());
      assertThat(lineage.path("nodes").size()).isEqualTo(3 + 4 * 15 + 5 + 5);
      assertThat(lineage.path("gold_columns").size()).isPositive();

      HttpResponse<String> post =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/api/topics"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).as("no route changes anything").isIn(404, 405);
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
