package dev.dp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dp.bench.LiveFreshness;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceCatalog;
import dev.dp.stack.Launchers;
import dev.dp.stack.ServiceStatus;
import dev.dp.stack.Supervisor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

  @TempDir Path checkout;

  private List<ServiceStatus> statusOfAStackNeverStarted() {
    DpConfig config =
        DpConfig.load(ServiceCatalog.standard(), checkout, Map.of("DP_PORT_OFFSET", "7"), Map.of());
    return new Supervisor(config, Launchers.standard(), s -> {}).status();
  }

  @Test
  void jsonListsAllTwentyOneServicesWithTheirState() throws Exception {
    JsonNode root =
        new ObjectMapper()
            .readTree(
                StatusCommand.toJson(
                    statusOfAStackNeverStarted(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    LiveFreshness.of(List.of(), Instant.EPOCH, LiveFreshness.WINDOW)));
    JsonNode services = root.path("services");
    assertThat(services).hasSize(21);
    JsonNode kafka = services.get(4);
    assertThat(kafka.path("service").asText()).isEqualTo("kafka");
    assertThat(kafka.path("container").asText()).isEqualTo("dp_kafka");
    assertThat(kafka.path("state").asText()).isEqualTo("stopped");
    assertThat(kafka.path("ports").get(0).asInt()).isEqualTo(9099);
    assertThat(services.get(5).path("service").asText()).isEqualTo("kafka-ui");
    assertThat(services.get(5).path("state").asText()).isEqualTo("stopped");
    assertThat(services.get(12).path("state").asText()).isEqualTo("stopped");
    assertThat(services.get(19).path("state").asText()).isEqualTo("compose-only");
    assertThat(services.get(19).path("note").asText()).contains("OpenMetadata");
    assertThat(root.path("total_rss_bytes").asLong()).isZero();
    assertThat(kafka.path("restarts").asInt()).isZero();
    assertThat(root.path("watchdog_pid").isNull()).isTrue();
    assertThat(root.path("freshness").path("note").asText()).contains("no visibility records");
  }

  @Test
  void tableHasAHeaderAndOneRowPerService() {
    String table = StatusTable.render(statusOfAStackNeverStarted());
    List<String> lines = table.lines().toList();
    assertThat(lines.get(0))
        .startsWith("SERVICE")
        .contains("CONTAINER", "STATE", "RSS", "RESTARTS", "LAST EXIT");
    assertThat(lines).hasSize(1 + 21 + 1);
    assertThat(lines.get(1)).startsWith("data-generator").contains("dp_data_generator", "stopped");
  }

  @Test
  void durationsAndSizesReadLikeDockerPs() {
    assertThat(StatusTable.duration(42)).isEqualTo("42s");
    assertThat(StatusTable.duration(125)).isEqualTo("2m5s");
    assertThat(StatusTable.duration(7_260)).isEqualTo("2h1m");
    assertThat(StatusTable.megabytes(3L * 1024 * 1024)).isEqualTo("3 MB");
  }
}
