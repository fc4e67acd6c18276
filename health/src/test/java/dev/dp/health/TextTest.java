package dev.dp.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void durationsAndSizesReadNaturally() {
    assertThat(Text.duration(Duration.ofSeconds(42))).isEqualTo("42s");
    assertThat(Text.duration(Duration.ofSeconds(185))).isEqualTo("3m05s");
    assertThat(Text.duration(Duration.ofMinutes(130))).isEqualTo("2h10m");
    assertThat(Text.bytes(612 * 1024)).isEqualTo("612 KB");
    assertThat(Text.bytes(1536L << 20)).isEqualTo("1.5 GB");
    assertThat(Text.rate(39, Duration.ofSeconds(2))).isEqualTo("19.5/s");
  }

  @Test
  void longListsAreCut() {
    assertThat(Text.list(List.of("a", "b", "c", "d", "e", "f", "g")))
        .isEqualTo("a, b, c, d, e, … (+2 more)");
  }

  @Test
  void errorsAreNeverEmptyAndWrappersAreUnwrapped() {
    assertThat(Text.error(new ConnectException())).isEqualTo("connection refused");
    assertThat(Text.error(new ExecutionException(new IOException("broker gone"))))
        .isEqualTo("IOException: broker gone");
    assertThat(Text.error(new IOException(null, new IllegalStateException("inner"))))
        .isEqualTo("IOException: inner");
  }
}
