package dev.dp.health.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.health.Fixtures;
import dev.dp.health.ServiceProcess;
import dev.dp.health.Status;
import dev.dp.health.Verdict;
import dev.dp.stack.ServiceState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorCheckTest {

  private static final GeneratorRun NO_END = new GeneratorRun(GeneratorRun.End.UNKNOWN, -1, "");
  private static final Duration WINDOW = Duration.ofSeconds(2);

  private static Verdict verdict(
      ServiceProcess p, GeneratorRun run, Long before, Long after, long lastCommitSecondsAgo) {
    return new GeneratorCheck()
        .verdict(
            new GeneratorCheck.Observation(
                p,
                run,
                before,
                after,
                Fixtures.NOW.minusSeconds(lastCommitSecondsAgo),
                p.running() ? WINDOW : Duration.ZERO,
                "",
                Fixtures.NOW),
            Fixtures.thresholds());
  }

  private static ServiceProcess running(long uptime) {
    return Fixtures.process("data-generator", ServiceState.RUNNING, uptime);
  }

  @Test
  void aRunningGeneratorCommittingChangesPasses() {
    Verdict v = verdict(running(300), NO_END, 1000L, 1040L, 0);
    assertThat(v.status()).isEqualTo(Status.PASS);
    assertThat(v.detail())
        .isEqualTo("running: 40 changes committed in the last 2.0 s (20.0/s), 1040 in all");
    assertThat(v.evidence()).containsEntry("changes_in_window", 40L);
  }

  @Test
  void aRunningGeneratorIdleWithinTheStaleBoundPassesAndBeyondItFails() {
    assertThat(verdict(running(300), NO_END, 1000L, 1000L, 10).status()).isEqualTo(Status.PASS);
    Verdict stuck = verdict(running(300), NO_END, 1000L, 1000L, 31);
    assertThat(stuck.status()).isEqualTo(Status.FAIL);
    assertThat(stuck.detail()).contains("committed nothing for 31s (bound 30s)");
    assertThat(stuck.next()).contains("./dp logs dp_data_generator");
  }

  @Test
  void aJustResumedGeneratorIsJudgedFromItsStartNotItsPreviousRun() {
    assertThat(verdict(running(5), NO_END, 1000L, 1000L, 3600).status()).isEqualTo(Status.PASS);
  }

  @Test
  void aFinishedBoundedRunPasses() {
    GeneratorRun finished =
        GeneratorRun.parse(List.of("… Generator finished: 500 changes applied"));
    for (ServiceState s : List.of(ServiceState.FINISHED, ServiceState.EXITED)) {
      Verdict v = verdict(Fixtures.process("data-generator", s, 0), finished, 1500L, null, 20);
      assertThat(v.status()).as(s.label()).isEqualTo(Status.PASS);
      assertThat(v.detail()).startsWith("finished: bounded run of 500");
      assertThat(v.evidence()).containsEntry("bounded_run", 500L);
    }
  }

  @Test
  void aStoppedGeneratorWarnsAndSaysHowToStartIt() {
    Verdict v =
        verdict(
            Fixtures.process("data-generator", ServiceState.STOPPED, 0), NO_END, 1500L, null, 99);
    assertThat(v.status()).isEqualTo(Status.WARN);
    assertThat(v.next()).contains("./dp up data-generator");
  }

  @Test
  void aGeneratorThatFailedFailsWithItsError() {
    GeneratorRun failed =
        GeneratorRun.parse(
            List.of("ERROR DataGeneratorMain - Generator failed: database error: refused"));
    Verdict v =
        verdict(Fixtures.process("data-generator", ServiceState.EXITED, 0), failed, 10L, null, 9);
    assertThat(v.status()).isEqualTo(Status.FAIL);
    assertThat(v.detail()).isEqualTo("failed: database error: refused");
  }

  @Test
  void aGeneratorKilledOrRestartingFails() {
    assertThat(
            verdict(
                    Fixtures.process("data-generator", ServiceState.RESTARTING, 0),
                    NO_END,
                    10L,
                    null,
                    9)
                .status())
        .isEqualTo(Status.FAIL);
  }

  @Test
  void theLogSaysHowTheLastRunEnded() {
    assertThat(GeneratorRun.parse(List.of("x", "Generator stopped: 64 changes applied, next 99")))
        .isEqualTo(new GeneratorRun(GeneratorRun.End.STOPPED, 64, ""));
    assertThat(GeneratorRun.parse(List.of("Inserted data into table regions")).end())
        .isEqualTo(GeneratorRun.End.UNKNOWN);
  }
}
