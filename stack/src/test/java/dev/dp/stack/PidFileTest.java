package dev.dp.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

  private static final long CLOCK_STEP_MILLIS = 41_000;

  @TempDir Path run;

  private final ProcessHandle self = ProcessHandle.current();

  @Test
  void aWrittenFileNamesTheLiveProcessWithItsBootTicks() {
    Path file = run.resolve("dp_kafka.pid");

    PidFile written = PidFile.write(file, self);

    assertThat(written.startTicks()).isEqualTo(ProcStat.startTicks(self.pid()).getAsLong());
    assertThat(PidFile.read(file)).contains(written);
    assertThat(PidFile.liveProcess(file)).contains(self);
  }

  @Test
  void aClockStepAfterTheStartDoesNotDisownTheProcess() {
    PidFile written = PidFile.write(run.resolve("dp_kafka.pid"), self);
    // what a JVM started after the clock moved 41 s computes for the same process
    PidFile steppedClock =
        new PidFile(
            self.pid(), written.startedAtMillis() + CLOCK_STEP_MILLIS, written.startTicks());

    assertThat(steppedClock.live()).contains(self);
  }

  @Test
  void aReusedPidWithOtherBootTicksIsNotOurs() {
    PidFile written = PidFile.write(run.resolve("dp_kafka.pid"), self);
    PidFile reused = new PidFile(self.pid(), written.startedAtMillis(), written.startTicks() + 1);

    assertThat(reused.live()).isEmpty();
  }

  @Test
  void aFileWithoutTicksFallsBackToTheStartInstantWithinItsTolerance() throws Exception {
    long started = self.info().startInstant().orElseThrow().toEpochMilli();
    Path near = Files.writeString(run.resolve("near.pid"), self.pid() + " " + started + "\n");
    Path far =
        Files.writeString(
            run.resolve("far.pid"), self.pid() + " " + (started - CLOCK_STEP_MILLIS) + "\n");

    assertThat(PidFile.read(near).orElseThrow().startTicks()).isEqualTo(PidFile.UNKNOWN_TICKS);
    assertThat(PidFile.liveProcess(near)).contains(self);
    assertThat(PidFile.liveProcess(far)).isEmpty();
  }

  @Test
  void aMissingOrMalformedFileNamesNoProcess() throws Exception {
    assertThat(PidFile.liveProcess(run.resolve("absent.pid"))).isEmpty();
    assertThat(PidFile.read(Files.writeString(run.resolve("bad.pid"), "kafka\n"))).isEmpty();
  }

  @Test
  void theStartTicksAreCountedAfterACommandNameWithSpacesAndParentheses() {
    String stat =
        "4242 (java (dp) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 42 0 987654 1 2";

    assertThat(ProcStat.parseStartTicks(stat)).hasValue(987654);
    assertThat(ProcStat.parseStartTicks("4242 (short) S 1")).isEmpty();
    assertThat(ProcStat.parseStartTicks("no command name")).isEmpty();
  }
}
