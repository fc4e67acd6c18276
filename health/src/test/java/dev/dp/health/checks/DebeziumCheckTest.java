package dev.dp.health.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.cdc.ConnectorState;
import dev.dp.health.Fixtures;
import dev.dp.health.Status;
import dev.dp.health.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DebeziumCheckTest {

  private static final long MB = 1L << 20;
  private static final ConnectorState RUNNING =
      new ConnectorState("RUNNING", List.of("RUNNING"), "");

  private static Verdict verdict(
      Optional<ConnectorState> state, Optional<DebeziumCheck.Slot> slot, String restError) {
    return new DebeziumCheck()
        .verdict(
            new DebeziumCheck.Observation(
                "http://127.0.0.1:8083",
                restError,
                "4.3.1",
                state.isPresent() ? List.of("postgres-connector") : List.of(),
                state,
                slot,
                ""),
            Fixtures.thresholds());
  }

  private static Optional<DebeziumCheck.Slot> slot(boolean active, String walStatus, long bytes) {
    return Optional.of(
        new DebeziumCheck.Slot(active, active ? 99 : 0, walStatus, bytes, "0/2684D50"));
  }

  @Test
  void runningConnectorWithAnActiveSlotAndLittleWalPasses() {
    Verdict v = verdict(Optional.of(RUNNING), slot(true, "reserved", 612 * 1024), "");
    assertThat(v.status()).isEqualTo(Status.PASS);
    assertThat(v.detail())
        .isEqualTo(
            "postgres-connector RUNNING with 1/1 task(s); slot dp_debezium active (pid 99), WAL"
                + " retained 612 KB");
    assertThat(v.evidence()).containsEntry("wal_retained_bytes", 612L * 1024);
  }

  @Test
  void retainedWalWarnsAboveTheWarningBoundAndFailsAboveTheFailingBound() {
    assertThat(verdict(Optional.of(RUNNING), slot(true, "reserved", 256 * MB), "").status())
        .as("at the bound")
        .isEqualTo(Status.PASS);
    assertThat(verdict(Optional.of(RUNNING), slot(true, "reserved", 300 * MB), "").status())
        .isEqualTo(Status.WARN);
    Verdict fail = verdict(Optional.of(RUNNING), slot(true, "extended", 1100 * MB), "");
    assertThat(fail.status()).isEqualTo(Status.FAIL);
    assertThat(fail.detail()).contains("above the bound of 1.0 GB");
  }

  @Test
  void aFailedTaskFailsWithTheStartOfItsTrace() {
    ConnectorState failed =
        new ConnectorState(
            "RUNNING",
            List.of("FAILED"),
            "org.apache.kafka.connect.errors.ConnectException: slot in use\n\tat a.b\n\tat c.d\n\tat e");
    Verdict v = verdict(Optional.of(failed), slot(false, "reserved", 0), "");
    assertThat(v.status()).isEqualTo(Status.FAIL);
    assertThat(v.detail()).contains("FAILED").contains("ConnectException: slot in use");
    assertThat(v.next()).contains("/connectors/postgres-connector/restart?includeTasks=true");
    assertThat(v.evidence()).containsKey("trace");
  }

  @Test
  void anUnregisteredConnectorAnInactiveOrLostSlotAndASilentWorkerFail() {
    assertThat(verdict(Optional.empty(), slot(true, "reserved", 0), "").detail())
        .contains("postgres-connector is not registered");
    assertThat(verdict(Optional.of(RUNNING), slot(false, "reserved", 0), "").detail())
        .contains("is not active");
    assertThat(verdict(Optional.of(RUNNING), slot(true, "lost", 0), "").status())
        .isEqualTo(Status.FAIL);
    assertThat(verdict(Optional.of(RUNNING), Optional.empty(), "").detail())
        .contains("does not exist");
    Verdict silent = verdict(Optional.empty(), Optional.empty(), "connection refused");
    assertThat(silent.detail()).contains("REST API does not answer: connection refused");
    assertThat(silent.next()).isEqualTo("./dp logs dp_debezium");
  }
}
