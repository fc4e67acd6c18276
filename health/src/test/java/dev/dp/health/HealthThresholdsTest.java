package dev.dp.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dp.catalog.ConfigException;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthThresholdsTest {

  @Test
  void theDeclaredDefaults() {
    HealthThresholds t = Fixtures.thresholds();
    assertThat(t.runBound()).isEqualTo(Duration.ofSeconds(20));
    assertThat(t.callTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(t.walRetainedWarnBytes()).isEqualTo(256L << 20);
    assertThat(t.walRetainedFailBytes()).isEqualTo(1024L << 20);
  }

  @Test
  void settingsOverrideFromTheEnvironmentAndFlags() {
    HealthThresholds t =
        HealthThresholds.of(
            DpConfig.load(
                ServiceCatalog.standard(),
                Path.of("/nonexistent"),
                Map.of("DP_HEALTH_WAL_RETAINED_WARN_MB", "10"),
                Map.of("dp.health.timeout-seconds", "45")));
    assertThat(t.walRetainedWarnBytes()).isEqualTo(10L << 20);
    assertThat(t.runBound()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void warningBoundsAboveFailingBoundsAreAllReported() {
    assertThatThrownBy(
            () ->
                HealthThresholds.of(
                    DpConfig.load(
                        ServiceCatalog.standard(),
                        Path.of("/nonexistent"),
                        Map.of(),
                        Map.of(
                            "dp.health.wal-retained-warn-mb", "2048",
                            "dp.health.hdfs-free-fail-percent", "50",
                            "dp.health.probe-timeout-millis", "30000"))))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anySatisfy(p -> assertThat(p).contains("dp.health.wal-retained-warn-mb"))
                    .anySatisfy(p -> assertThat(p).contains("dp.health.hdfs-free-fail-percent"))
                    .anySatisfy(p -> assertThat(p).contains("dp.health.probe-timeout-millis")));
  }
}
