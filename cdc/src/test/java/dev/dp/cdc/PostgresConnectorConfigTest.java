package dev.dp.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.SourceTables;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresConnectorConfigTest {

  private final Map<String, String> config =
      PostgresConnectorConfig.forSource(
          "127.0.0.1", 5433, "admin", "${file:/x:dp.source.password}");

  @Test
  void capturesExactlyTheFifteenTablesPlusTheHeartbeat() {
    assertThat(Arrays.asList(config.get("table.include.list").split(",")))
        .hasSize(16)
        .containsAll(SourceTables.NAMES.stream().map(SourceTables::qualified).toList())
        .contains(HeartbeatTable.QUALIFIED);
    assertThat(config.get("publication.autocreate.mode")).isEqualTo("filtered");
  }

  @Test
  void makesTheChoicesLaterStagesRelyOn() {
    assertThat(config)
        .containsEntry("plugin.name", "pgoutput")
        .containsEntry("topic.prefix", "jadc2_db")
        .containsEntry("decimal.handling.mode", "string")
        .containsEntry("heartbeat.action.query", HeartbeatTable.ACTION_QUERY);
    assertThat(Integer.parseInt(config.get("heartbeat.interval.ms"))).isPositive();
    assertThat(SourceTables.topic("alerts")).isEqualTo("jadc2_db.public.alerts");
  }

  @Test
  void neverCarriesThePasswordItself() {
    assertThat(config.get("database.password")).startsWith("${file:");
  }

  @Test
  void connectorStateIsRunningOnlyWhenEveryTaskRuns() {
    assertThat(new ConnectorState("RUNNING", java.util.List.of("RUNNING"), "").running()).isTrue();
    assertThat(new ConnectorState("RUNNING", java.util.List.of(), "").running()).isFalse();
    ConnectorState failedTask =
        new ConnectorState("RUNNING", java.util.List.of("RUNNING", "FAILED"), "boom");
    assertThat(failedTask.running()).isFalse();
    assertThat(failedTask.failed()).isTrue();
  }
}
