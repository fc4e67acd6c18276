package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dp.catalog.DpSettings;
import dev.dp.catalog.ServiceSpec;
import dev.dp.stack.Supervisor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code dp health} on the real stack: healthy, every step the local twin runs PASSes (OpenMetadata
 * SKIPs with its reason) within the run's bound; then with one service stopped at a time, that
 * service's step FAILs saying so, the steps that depend on it are marked instead of probed, the
 * exit code is 1 within the bound, and after {@code up} its step PASSes again; once all outages are
 * over, everything PASSes again (one catch-up of the Spark jobs for all outages).
 */
@ExtendWith(LocalStack.class)
class HealthIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Generator changes before the healthy check: enough to touch all 15 source tables. */
  private static final int BURST = 200;

  /** A fresh stack's first catch-up (every silver table created, gold refreshed) on 2 cores. */
  private static final Duration FIRST_CATCH_UP = Duration.ofMinutes(10);

  /** A stopped service's own step passing again once {@code up} returned (it waits for ready). */
  private static final Duration SERVICE_BACK = Duration.ofMinutes(2);

  /** Services the outages took down restarted and the Spark jobs caught up again. */
  private static final Duration RECOVERY = Duration.ofMinutes(8);

  private static final long BOUND_MILLIS =
      Long.parseLong(DpSettings.HEALTH_TIMEOUT_SECONDS.defaultValue()) * 1000;

  /** Steps about services the local twin does not run: OpenMetadata (compose only). */
  private static final Set<Integer> NOT_LOCAL = Set.of(14, 15, 16, 17, 18);

  /**
   * A service to stop, the step that checks it, and the steps that depend on it (marked).
   *
   * @param service the service stopped
   * @param step its playbook step
   * @param dependants steps that must say they depend on it
   */
  private record Outage(String service, int step, List<Integer> dependants) {}

  private static final List<Outage> OUTAGES =
      List.of(
          new Outage("kafka", 3, List.of(1, 4, 5, 11, 12)),
          new Outage("debezium", 4, List.of(1, 5, 11, 12)),
          new Outage("hms", 8, List.of(11, 12)),
          new Outage("hdfs-datanode", 6, List.of(8, 11, 12)),
          new Outage("spark-worker", 10, List.of(11, 12)));

  @Test
  void healthyPassesAndEachStoppedServiceFailsItsStepAndMarksItsDependants() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    GeneratorRuns.startBurst(stack, BURST, 0);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(3));

    Run healthy =
        awaitHealthy(stack, "every local step PASSes after a bounded burst", FIRST_CATCH_UP);
    assertThat(healthy.exitCode()).isZero();
    assertThat(healthy.step(1).path("detail").asText())
        .startsWith("finished: bounded run of " + BURST);
    assertThat(healthy.step(5).path("detail").asText()).contains("lists the 15 change topics");
    for (int om = 14; om <= 18; om++) {
      assertThat(healthy.step(om).path("status").asText()).isEqualTo("SKIP");
      assertThat(healthy.step(om).path("detail").asText())
          .contains("OpenMetadata runs only in the compose deployment");
    }
    healthy.assertWithinBound();

    Supervisor supervisor = stack.supervisor(Map.of());
    try {
      for (Outage outage : OUTAGES) {
        ServiceSpec spec = stack.service(outage.service());
        supervisor.stop(spec);
        Run down = Run.of(stack);
        assertThat(down.exitCode()).as(outage.service() + " stopped: exit code").isEqualTo(1);
        JsonNode failed = down.step(outage.step());
        assertThat(failed.path("status").asText()).as(outage.service()).isEqualTo("FAIL");
        assertThat(failed.path("detail").asText())
            .as(outage.service())
            .contains(outage.service() + " is stopped")
            .contains("./dp up " + outage.service());
        for (int d : outage.dependants()) {
          JsonNode dependant = down.step(d);
          assertThat(dependant.path("status").asText())
              .as("step %d while %s is stopped: %s", d, outage.service(), dependant)
              .isIn("SKIP", "FAIL");
          assertThat(dependant.path("detail").asText())
              .as("step %d names what it depends on", d)
              .contains("depends on")
              .contains("(step " + outage.step() + ")");
        }
        down.assertWithinBound();

        supervisor.up(stack.servicesWithoutGenerator());
        awaitStepPasses(stack, outage, SERVICE_BACK);
      }
      // One recovery for all outages: the Spark jobs catch up once, not after every outage.
      Run recovered =
          awaitHealthy(stack, "every local step PASSes again after the outages", RECOVERY);
      recovered.assertWithinBound();
    } finally {
      supervisor.up(stack.servicesWithoutGenerator()); // leave the shared stack as it was
    }
  }

  /** Runs {@code dp health --json} until the stopped service's own step PASSes again. */
  private static void awaitStepPasses(LocalStack.Instance stack, Outage outage, Duration atMost) {
    await("step " + outage.step() + " PASSes again after ./dp up of " + outage.service())
        .atMost(atMost)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              JsonNode step = Run.of(stack).step(outage.step());
              assertThat(step.path("status").asText()).as(step.toString()).isEqualTo("PASS");
            });
  }

  /** Runs {@code dp health --json} until every local step PASSes; the last run. */
  private static Run awaitHealthy(LocalStack.Instance stack, String what, Duration atMost) {
    List<Run> last = new ArrayList<>(1);
    await(what)
        .atMost(atMost)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(3))
        .untilAsserted(
            () -> {
              Run r = Run.of(stack);
              last.clear();
              last.add(r);
              assertThat(r.notPassing()).as("local steps not passing").isEmpty();
            });
    return last.get(0);
  }

  /** One {@code dp health --json} of the real CLI. */
  private record Run(int exitCode, JsonNode steps) {

    static Run of(LocalStack.Instance stack) throws Exception {
      DpCli.Result r = DpCli.run(stack, "health", "--json");
      JsonNode steps = JSON.readTree(r.stdout());
      assertThat(steps.isArray()).as("dp health --json: %s %s", r.stdout(), r.stderr()).isTrue();
      assertThat(steps).hasSize(18);
      return new Run(r.exitCode(), steps);
    }

    JsonNode step(int n) {
      JsonNode s = steps.get(n - 1);
      assertThat(s.path("step").asInt()).isEqualTo(n);
      return s;
    }

    /** Local steps that did not PASS, with their detail. */
    Map<Integer, String> notPassing() {
      Map<Integer, String> out = new LinkedHashMap<>();
      for (JsonNode s : steps) {
        int n = s.path("step").asInt();
        if (!NOT_LOCAL.contains(n) && !"PASS".equals(s.path("status").asText())) {
          out.put(n, s.path("status").asText() + " " + s.path("detail").asText());
        }
      }
      return out;
    }

    /** Every step answered (none hit the bound) and none took longer than the bound. */
    void assertWithinBound() {
      Set<String> timedOut = new TreeSet<>();
      for (JsonNode s : steps) {
        assertThat(s.path("evidence").path("check_millis").asLong())
            .as("step %s took at most the run's bound", s.path("step"))
            .isLessThanOrEqualTo(BOUND_MILLIS);
        if (s.path("evidence").path("timed_out").asBoolean(false)) {
          timedOut.add(s.path("service").asText());
        }
      }
      assertThat(timedOut).as("steps without an answer within the bound").isEmpty();
    }
  }
}
