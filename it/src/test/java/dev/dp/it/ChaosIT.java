package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A small {@code dp chaos} run on the shared stack: the datanode and the process job are killed
 * under load, the watchdog restarts them, and the drill's own checks (gold against the oracle after
 * each fault, one silver and bronze audit after both) find nothing lost or duplicated.
 */
@ExtendWith(LocalStack.class)
class ChaosIT {

  @Test
  void killingTheDatanodeAndTheProcessJobLosesAndDuplicatesNothing() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    DpCli.Result r =
        DpCli.run(
            stack,
            "chaos",
            "--only",
            "hdfs-datanode,spark-job-process",
            "--burst",
            "300",
            "--rate",
            "150",
            "--audit-once",
            "--json");
    assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
    JsonNode faults = new ObjectMapper().readTree(r.stdout());
    assertThat(faults).hasSize(2);
    assertThat(faults.get(0).path("fault").asText()).isEqualTo("kill -9 hdfs-datanode");
    assertThat(faults.get(1).path("fault").asText()).isEqualTo("kill -9 spark-job-process");
    for (JsonNode f : faults) {
      assertThat(f.path("recovered").asBoolean()).as(f.toString()).isTrue();
      assertThat(f.path("lost").asLong()).as(f.toString()).isZero();
      assertThat(f.path("duplicated").asLong()).as(f.toString()).isZero();
      assertThat(f.path("verify_equal").asBoolean()).as(f.toString()).isTrue();
      assertThat(f.path("audit_passed").asBoolean()).as(f.toString()).isTrue();
      assertThat(f.path("restart_seconds").asDouble()).isPositive();
    }
  }
}
