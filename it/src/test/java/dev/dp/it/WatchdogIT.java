package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dp.catalog.ServiceSpec;
import dev.dp.stack.ServiceState;
import dev.dp.stack.ServiceStatus;
import dev.dp.stack.Supervisor;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker killed with SIGKILL in the middle of a burst and nobody running {@code dp up}: the
 * watchdog restarts it (and whatever died with it), {@code dp status} counts the restart and names
 * the signal, and the pipeline catches up with {@code dp verify} passing.
 */
@ExtendWith(LocalStack.class)
class WatchdogIT {

  private static final int BURST = 1_500;
  private static final int RATE = 150;

  @Test
  void aKilledBrokerIsRestartedByTheWatchdogAndNothingIsLost() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    Supervisor supervisor = stack.supervisor(Map.of());
    ServiceSpec kafka = stack.service("kafka");
    assertThat(supervisor.watchdog()).as("dp up started the watchdog").isPresent();
    int restartsBefore = statusOf(supervisor, "kafka").restarts();
    long before = GeneratorRuns.changesApplied(stack);

    GeneratorRuns.startBurst(stack, BURST, RATE);
    await("a third of the burst is committed in the source")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> GeneratorRuns.changesApplied(stack) - before >= BURST / 3);
    long killed = supervisor.liveProcess(kafka).orElseThrow().pid();
    supervisor.kill(kafka);

    await("the watchdog restarts kafka (nobody runs dp up)")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                supervisor.liveProcess(kafka).map(h -> h.pid() != killed).orElse(false)
                    && statusOf(supervisor, "kafka").restarts() > restartsBefore);
    ServiceStatus row = statusOf(supervisor, "kafka");
    assertThat(row.state()).isEqualTo(ServiceState.RUNNING);
    assertThat(row.lastExit()).isEqualTo("killed by signal 9 (KILL)");

    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));
    assertThat(GeneratorRuns.changesApplied(stack) - before).isEqualTo(BURST);
    GoldIT.verifyPasses(stack);
    await("every service the watchdog watches runs again")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                supervisor.status().stream()
                    .filter(s -> s.runsLocally() && !s.service().equals("data-generator"))
                    .allMatch(s -> s.state() == ServiceState.RUNNING));
  }

  private static ServiceStatus statusOf(Supervisor supervisor, String service) {
    return supervisor.status().stream()
        .filter(s -> s.service().equals(service))
        .findFirst()
        .orElseThrow();
  }
}
