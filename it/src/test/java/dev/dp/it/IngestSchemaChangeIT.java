package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A nullable column added to a live source table reaches silver, with its values, while the ingest
 * job keeps running (Debezium picks the new column up from the replication stream; the job adds it
 * to the Delta table and the silver view).
 */
@ExtendWith(LocalStack.class)
class IngestSchemaChangeIT {

  @Test
  void columnAddedToALiveSourceTableAppearsInSilverWithoutARestart() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    long ingestPid = ingestPid(stack);

    try (Connection c = stack.source().connect();
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE public.regions ADD COLUMN IF NOT EXISTS readiness_note varchar(64)");
      s.execute("ALTER TABLE public.units ADD COLUMN IF NOT EXISTS fuel_reserve numeric(19,4)");
      s.execute("UPDATE public.regions SET readiness_note = 'checked ' || left(id::text, 8)");
      s.execute("UPDATE public.units SET fuel_reserve = round((random() * 1000)::numeric, 4)");
    }
    GeneratorRuns.startBurst(stack, 300, 0);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));
    IngestChecks.awaitCaughtUp(stack, Duration.ofMinutes(20));

    // The check compares every column the source has now, the new ones included.
    IngestChecks.assertSilverEqualsSourceAndBronzeExactlyOnce(stack, "schema_change");
    assertThat(ingestPid(stack)).as("the ingest driver was not restarted").isEqualTo(ingestPid);
  }

  private static long ingestPid(LocalStack.Instance stack) {
    return stack
        .supervisor(java.util.Map.of())
        .liveProcess(stack.service("spark-job-ingest"))
        .orElseThrow(() -> new AssertionError("spark-job-ingest is not running"))
        .pid();
  }
}
