package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceCatalog;
import dev.dp.stack.Launchers;
import dev.dp.stack.ServiceStartException;
import dev.dp.stack.ServiceState;
import dev.dp.stack.Supervisor;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack that cannot start says which service failed, why and where its log is, and leaves nothing
 * running. Uses its own DP_HOME and ports, apart from the shared stack.
 */
class StartFailureIT {

  private static final int OFFSET = LocalStack.PORT_OFFSET + 1_000;

  private static final ServiceCatalog CATALOG = ServiceCatalog.standard();

  @TempDir Path home;
  private Supervisor supervisor;

  private Supervisor supervisor(Map<String, String> settings) {
    Path checkout = Path.of(System.getProperty("dp.checkout", "..")).toAbsolutePath().normalize();
    DpConfig config =
        DpConfig.load(
            CATALOG,
            checkout,
            Map.of("DP_HOME", home.toString(), "DP_PORT_OFFSET", Integer.toString(OFFSET)),
            settings);
    supervisor = new Supervisor(config, Launchers.standard(), s -> {});
    return supervisor;
  }

  @AfterEach
  void stopAll() {
    if (supervisor != null) {
      supervisor.down(false);
    }
  }

  @Test
  void aPortInUseFailsFastNamingServiceAndPort() throws Exception {
    int brokerPort = 9092 + OFFSET;
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress("127.0.0.1", brokerPort));
      assertThatThrownBy(() -> supervisor(Map.of()).up(List.of("kafka")))
          .isInstanceOf(ServiceStartException.class)
          .hasMessageStartingWith("kafka: ")
          .hasMessageContaining("broker port 127.0.0.1:" + brokerPort + " already in use");
    }
    assertThat(supervisor.liveProcess(CATALOG.require("kafka"))).isEmpty();
  }

  @Test
  void aMissingBinarySaysWhatToInstall() {
    assertThatThrownBy(
            () -> supervisor(Map.of("dp.postgres.bin", "/nonexistent/bin")).up(List.of("hms-db")))
        .isInstanceOf(ServiceStartException.class)
        .hasMessageStartingWith("hms-db: PostgreSQL server binaries not found in /nonexistent/bin")
        .hasMessageContaining("apt-get install postgresql-15");
    assertThat(supervisor.liveProcess(CATALOG.require("hms-db"))).isEmpty();
  }

  @Test
  void aServiceExitingDuringStartIsReportedWithItsLog() {
    // A heap too small for the JVM to start: the process exits at once.
    assertThatThrownBy(() -> supervisor(Map.of("dp.kafka.heap", "1m")).up(List.of("kafka")))
        .isInstanceOf(ServiceStartException.class)
        .hasMessageStartingWith("kafka: exited with code")
        .hasMessageContaining("log: " + home.resolve("logs/dp_kafka.log"))
        .hasMessageContaining("last lines of the log")
        .hasMessageContaining("heap");
    assertThat(supervisor.status())
        .filteredOn(s -> s.service().equals("kafka"))
        .singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo(ServiceState.EXITED));
  }
}
