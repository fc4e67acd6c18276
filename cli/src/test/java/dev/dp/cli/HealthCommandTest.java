package dev.dp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dp health} on a stack that was never started: every local step FAILs from its process
 * state (nothing is probed, so nothing waits for a timeout), dependants say what they wait for, the
 * services dp does not run say why, and the exit code is 1.
 */
class HealthCommandTest {

  @TempDir Path home;

  private String run(int expectedExit, String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      String[] all = new String[args.length + 3];
      all[0] = "health";
      all[1] = "-D";
      all[2] = "dp.home=" + home;
      System.arraycopy(args, 0, all, 3, args.length);
      assertThat(DpMain.commandLine().execute(all)).isEqualTo(expectedExit);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aStackThatNeverStartedFailsStepByStep() throws Exception {
    JsonNode steps = new ObjectMapper().readTree(run(1, "--json"));
    assertThat(steps).hasSize(18);
    assertThat(steps.get(2).path("service").asText()).isEqualTo("kafka");
    assertThat(steps.get(2).path("status").asText()).isEqualTo("FAIL");
    assertThat(steps.get(2).path("detail").asText())
        .isEqualTo(
            "kafka is stopped (./dp down kafka, or never started). Next: start it: ./dp up kafka");
    assertThat(steps.get(3).path("detail").asText())
        .as("debezium is down too, and depends on what failed")
        .contains("debezium is stopped")
        .contains("it also depends on");
    assertThat(steps.get(0).path("status").asText()).as("generator").isEqualTo("SKIP");
    assertThat(steps.get(4).path("detail").asText()).as("kafka-ui").contains("kafka-ui is stopped");
    assertThat(steps.get(16).path("detail").asText())
        .as("openmetadata-server")
        .contains("dp.openmetadata.url");
  }

  @Test
  void theTableHasOneRowPerStepAndTheNextStepUnderAFailure() {
    String table = run(1);
    assertThat(table.lines().findFirst()).hasValueSatisfying(h -> assertThat(h).startsWith("STEP"));
    assertThat(table)
        .contains("-> start it: ./dp up kafka")
        .containsPattern("dp health: 0 PASS, 0 WARN, \\d+ FAIL, \\d+ SKIP in");
  }
}
