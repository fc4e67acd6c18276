package dev.dp.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusRowsTest {

  @TempDir Path checkout;

  private DpConfig config() {
    return StackFixture.config(checkout, Map.of("DP_PORT_OFFSET", "3"));
  }

  private static ServiceStatus row(List<ServiceStatus> rows, String service) {
    return rows.stream().filter(r -> r.service().equals(service)).findFirst().orElseThrow();
  }

  @Test
  void aStackNeverStartedHasOneRowPerServiceAndNoProcessFigures() {
    List<ServiceStatus> rows = new StatusRows(config()).all();

    assertThat(rows).hasSize(21);
    assertThat(rows.stream().map(ServiceStatus::service))
        .containsExactlyElementsOf(
            StackFixture.CATALOG.services().stream().map(ServiceSpec::service).toList());
    ServiceStatus kafka = row(rows, "kafka");
    assertThat(kafka.state()).isEqualTo(ServiceState.STOPPED);
    assertThat(kafka.ports()).containsExactly(9095, 9096);
    assertThat(kafka.pid()).isEqualTo(ServiceStatus.UNKNOWN);
    assertThat(kafka.uptimeSeconds()).isEqualTo(ServiceStatus.UNKNOWN);
    assertThat(kafka.rssBytes()).isEqualTo(ServiceStatus.UNKNOWN);
    assertThat(kafka.log()).endsWith("dp_kafka.log");
    assertThat(row(rows, "kafka-ui").state()).isEqualTo(ServiceState.STOPPED);
    assertThat(row(rows, "kafka-ui").ports()).containsExactly(8088);
    assertThat(row(rows, "openmetadata-server").state()).isEqualTo(ServiceState.COMPOSE_ONLY);
    assertThat(row(rows, "openmetadata-server").note()).contains("OpenMetadata");
  }

  @Test
  void aPidFileWhoseProcessIsGoneMeansExited() throws Exception {
    DpConfig config = config();
    Path pidFile = config.paths().pidFile(config.catalog().require("hms"));
    Files.createDirectories(pidFile.getParent());
    Files.writeString(pidFile, Long.MAX_VALUE + " 0\n");

    ServiceStatus hms = new StatusRows(config).of(config.catalog().require("hms"));

    assertThat(hms.state()).isEqualTo(ServiceState.EXITED);
    assertThat(hms.pid()).isEqualTo(ServiceStatus.UNKNOWN);
  }

  @Test
  void aLiveProcessIsRunningWithItsPidUptimeAndMemory() {
    DpConfig config = config();
    ServiceSpec hms = config.catalog().require("hms");
    PidFile.write(config.paths().pidFile(hms), ProcessHandle.current()); // this test's JVM

    ServiceStatus row = new StatusRows(config).of(hms);

    assertThat(row.state()).isEqualTo(ServiceState.RUNNING);
    assertThat(row.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(row.uptimeSeconds()).isNotNegative();
    assertThat(row.rssBytes()).isPositive();
  }
}
