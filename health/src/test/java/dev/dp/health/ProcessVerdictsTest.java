package dev.dp.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.stack.ServiceState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessVerdictsTest {

  @Test
  void aRunningServiceNeedsNoProcessVerdict() {
    assertThat(ProcessVerdicts.notRunning(Fixtures.process("kafka", ServiceState.RUNNING, 5)))
        .isEmpty();
  }

  @Test
  void aStoppedServiceFailsSayingHowToStartIt() {
    Verdict v =
        ProcessVerdicts.notRunning(Fixtures.process("kafka", ServiceState.STOPPED, 0))
            .orElseThrow();
    assertThat(v.status()).isEqualTo(Status.FAIL);
    assertThat(v.detail()).contains("kafka is stopped");
    assertThat(v.next()).contains("./dp up kafka");
  }

  @Test
  void aDeadServiceFailsWithItsExitAndLastErrorAndItsLog() {
    Verdict v =
        ProcessVerdicts.notRunning(
                Fixtures.process(
                    "hms",
                    ServiceState.EXITED,
                    0,
                    "exit code 1",
                    "ERROR HiveMetaStore - cannot connect to hms-db"))
            .orElseThrow();
    assertThat(v.status()).isEqualTo(Status.FAIL);
    assertThat(v.detail()).contains("hms died (exit code 1)").contains("cannot connect to hms-db");
    assertThat(v.next()).contains("./dp logs dp_hms").contains("/stack/logs/dp_hms.log");
  }

  @Test
  void restartingAndCrashLoopingServicesFail() {
    for (ServiceState s : List.of(ServiceState.RESTARTING, ServiceState.CRASH_LOOP)) {
      assertThat(ProcessVerdicts.notRunning(Fixtures.process("kafka", s, 0)).orElseThrow().status())
          .as(s.label())
          .isEqualTo(Status.FAIL);
    }
  }

  @Test
  void theLastErrorLineOfALogIsFound() {
    assertThat(
            ServiceProcess.lastErrorLine(
                List.of(
                    "INFO starting",
                    "java.lang.IllegalStateException: boom",
                    "\tat x.y(Z.java:1)",
                    "INFO shutting down")))
        .isEqualTo("java.lang.IllegalStateException: boom");
    assertThat(ServiceProcess.lastErrorLine(List.of("INFO fine"))).isEmpty();
  }
}
