package dev.dp.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkJobWarmupTest {

  @TempDir Path checkout;

  @Test
  void aQuickStartJobAddsTheClientCompilerOnlyOptionToTheCommonOnes() {
    var config = StackFixture.config(checkout, Map.of());

    assertThat(SparkJobs.javaOptions(config, SparkJob.Warmup.THROUGHPUT))
        .isEqualTo("-XX:ReservedCodeCacheSize=128m");
    assertThat(SparkJobs.javaOptions(config, SparkJob.Warmup.QUICK_START))
        .isEqualTo("-XX:ReservedCodeCacheSize=128m -XX:TieredStopAtLevel=1");
  }

  @Test
  void bothOptionSetsAreOverriddenFromTheEnvironment() {
    var config =
        StackFixture.config(
            checkout,
            Map.of(
                "DP_SPARK_JAVA_OPTIONS", "-Xss1m", "DP_SPARK_QUICK_START_JAVA_OPTIONS", "-Xss2m"));

    assertThat(SparkJobs.javaOptions(config, SparkJob.Warmup.THROUGHPUT)).isEqualTo("-Xss1m");
    assertThat(SparkJobs.javaOptions(config, SparkJob.Warmup.QUICK_START))
        .isEqualTo("-Xss1m -Xss2m");
  }

  @Test
  void aOneShotJobIsTunedForAQuickStart() {
    SparkJob check = new SparkJob("dp_check", "ingest", "dev.dp.Check", List.of());

    assertThat(check.warmup()).isEqualTo(SparkJob.Warmup.QUICK_START);
  }
}
