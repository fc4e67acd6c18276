package dev.dp.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.stack.ServiceStarter.WaitEnd;
import org.junit.jupiter.api.Test;

class ServiceStarterTest {

  private static final Waits.Outcome READY = new Waits.Outcome(Readiness.ready("up"), null, false);
  private static final Waits.Outcome EXITED =
      new Waits.Outcome(Readiness.notYet("down"), "exited with code 1 while starting", false);
  private static final Waits.Outcome TIMED_OUT =
      new Waits.Outcome(Readiness.notYet("down"), null, true);

  @Test
  void aWaitEndsReadyExitedOrTimedOut() {
    assertThat(WaitEnd.of(READY, false)).isEqualTo(WaitEnd.READY);
    assertThat(WaitEnd.of(EXITED, false)).isEqualTo(WaitEnd.EXITED);
    assertThat(WaitEnd.of(TIMED_OUT, false)).isEqualTo(WaitEnd.TIMED_OUT);
  }

  @Test
  void aJobThatFinishedIsNoFailureWhateverTheProbeSaw() {
    assertThat(WaitEnd.of(EXITED, true)).isEqualTo(WaitEnd.JOB_FINISHED);
    assertThat(WaitEnd.of(TIMED_OUT, true)).isEqualTo(WaitEnd.JOB_FINISHED);
    assertThat(WaitEnd.of(READY, true)).isEqualTo(WaitEnd.READY);
  }
}
