package dev.dp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BurstAndSettingsTest {

  static BenchSettings settings(int rate, long steady, long burst, int transactions) {
    return new BenchSettings(false, rate, steady, burst, transactions, 200, 900, 20_000, 1000);
  }

  @Test
  void theBurstIsSplitEvenlyOverItsTransactions() {
    assertThat(Burst.split(100_000, 10)).containsOnly(10_000);
    assertThat(Burst.split(10, 3)).containsExactly(4, 3, 3);
    assertThat(Arrays.stream(Burst.split(2_001, 2)).sum()).isEqualTo(2_001);
  }

  @Test
  void theDefaultsAndATinyWorkloadAreValid() {
    assertThat(settings(200, 120, 100_000, 10).problems()).isEmpty();
    assertThat(settings(20, 15, 2_000, 2).problems()).isEmpty();
  }

  @Test
  void everyInvalidOptionIsNamedAtOnce() {
    assertThat(settings(0, 0, 1, 2).problems())
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).startsWith("--rate"))
        .anySatisfy(p -> assertThat(p).startsWith("--steady"))
        .anySatisfy(p -> assertThat(p).startsWith("--burst (1 rows)"));
    assertThat(new BenchSettings(false, 1, 1, 1, 1, 1, 900, 70_000, 1000).problems())
        .singleElement()
        .satisfies(p -> assertThat(p).startsWith("--port-offset"));
    assertThat(new BenchSettings(true, 1, 1, 1, 1, 1, 900, 70_000, 1000).problems())
        .as("the port offset does not matter when attaching")
        .isEmpty();
  }
}
