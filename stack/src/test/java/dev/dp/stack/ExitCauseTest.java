package dev.dp.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitCauseTest {

  @Test
  void aShellCodeAboveOneHundredTwentyEightIsASignal() {
    ExitCause c = ExitCause.parse("137 1764590000000\n", List.of());
    assertThat(c.signal()).isEqualTo(9);
    assertThat(c.at()).isEqualTo(Instant.ofEpochMilli(1764590000000L));
    assertThat(c.describe()).isEqualTo("killed by signal 9 (KILL)");
    assertThat(c.succeeded()).isFalse();
  }

  @Test
  void anOutOfMemoryErrorSinceTheLastStartIsReported() {
    ExitCause c =
        ExitCause.parse(
            "3 1",
            List.of(
                "java.lang.OutOfMemoryError: an earlier run",
                Spawner.START_MARKER + "spark-job-ingest at ...",
                "Terminating due to java.lang.OutOfMemoryError: Java heap space"));
    assertThat(c.describe()).isEqualTo("exit code 3, OutOfMemoryError in its log");
  }

  @Test
  void anOutOfMemoryErrorOfAnEarlierRunIsNot() {
    ExitCause c =
        ExitCause.parse(
            "1 1",
            List.of(
                "java.lang.OutOfMemoryError: an earlier run",
                Spawner.START_MARKER + "kafka at ...: java -XX:+ExitOnOutOfMemoryError ...",
                "ERROR something else"));
    assertThat(c.outOfMemory()).isFalse();
    assertThat(c.describe()).isEqualTo("exit code 1");
  }

  @Test
  void noExitFileMeansNoStatusAndZeroIsSuccess() {
    assertThat(ExitCause.parse("", List.of()).describe()).isEqualTo("no exit status recorded");
    assertThat(ExitCause.parse("garbage", List.of()).code()).isNull();
    assertThat(ExitCause.parse("0 5", List.of()).succeeded()).isTrue();
  }
}
