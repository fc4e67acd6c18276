package dev.dp.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminationTest {

  @Test
  void aProcessThatIgnoresTheGracePeriodIsKilledWithItsChildren() throws Exception {
    Process parent = new ProcessBuilder("bash", "-c", "sleep 60 & wait").start();
    ProcessHandle child = awaitChild(parent);

    boolean exited = Termination.awaitExitElseKill(parent.toHandle(), Duration.ofMillis(200), true);

    assertThat(exited).isFalse();
    assertThat(parent.isAlive()).isFalse();
    assertThat(child.onExit().get().isAlive()).isFalse();
  }

  @Test
  void aProcessThatExitsInTimeIsNotKilledAndItsChildrenAreLeftAlone() throws Exception {
    Process parent = new ProcessBuilder("bash", "-c", "sleep 60 & sleep 1; exit 0").start();
    ProcessHandle child = awaitChild(parent);
    try {
      assertThat(Termination.awaitExitElseKill(parent.toHandle(), Duration.ofSeconds(10), true))
          .isTrue();
      assertThat(parent.exitValue()).isZero();
      assertThat(child.isAlive()).as("not killed: the parent ended by itself").isTrue();
    } finally {
      child.destroyForcibly();
    }
  }

  private static ProcessHandle awaitChild(Process parent) {
    Waits.Outcome o =
        Waits.until(
            Waits.deadline(Duration.ofSeconds(10)),
            () -> {
              List<ProcessHandle> c = parent.descendants().toList();
              return c.isEmpty() ? Readiness.notYet("no child yet") : Readiness.ready("child");
            },
            () -> null);
    assertThat(o.ready()).as("the test's child process started").isTrue();
    return parent.descendants().findFirst().orElseThrow();
  }
}
