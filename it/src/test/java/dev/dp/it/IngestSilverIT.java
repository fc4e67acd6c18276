package dev.dp.it;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * spark-job-ingest end to end: after a bounded generator burst and catch-up, every silver table
 * equals its source table (all rows and all columns, compared with SQL over both sides) and bronze
 * holds every Kafka record exactly once.
 */
@ExtendWith(LocalStack.class)
class IngestSilverIT {

  @Test
  void everySilverTableEqualsItsSourceTable() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    GeneratorRuns.startBurst(stack, 1_500, 0);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));

    IngestChecks.awaitCaughtUp(stack, Duration.ofMinutes(20));

    IngestChecks.assertSilverEqualsSourceAndBronzeExactlyOnce(stack, "burst");
  }
}
