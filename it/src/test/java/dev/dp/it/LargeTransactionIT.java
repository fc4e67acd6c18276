package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.bench.Burst;
import dev.dp.stack.IngestReport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One source transaction of 100,000 rows at default settings: it reaches silver and gold ({@code dp
 * verify} passes) and the ingest driver survives it (same process before and after). The job
 * parses, folds and merges on the executors, splitting the transaction's offset range into tasks of
 * {@code dp.ingest.max-records-per-task}, so neither its driver nor an executor holds the
 * transaction.
 */
@ExtendWith(LocalStack.class)
class LargeTransactionIT {

  private static final long ROWS = 100_000;

  @Test
  void aHundredThousandRowTransactionFlowsThroughWithoutKillingTheIngestJob() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    // The rows reference weapons and targets: a short generator run seeds them if no test has.
    GeneratorRuns.startBurst(stack, 100, 0);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));
    var supervisor = stack.supervisor(Map.of());
    var ingest = stack.service("spark-job-ingest");
    long pid = supervisor.liveProcess(ingest).orElseThrow().pid();
    long appliedBefore = engagementRowsApplied(stack);

    assertThat(Burst.insert(stack.source(), ROWS, 1)).isEqualTo(ROWS);
    GoldIT.verifyPasses(stack);

    assertThat(supervisor.liveProcess(ingest))
        .as("spark-job-ingest after the transaction")
        .hasValueSatisfying(p -> assertThat(p.pid()).isEqualTo(pid));
    assertThat(engagementRowsApplied(stack) - appliedBefore)
        .as("silver rows applied to engagement_events")
        .isGreaterThanOrEqualTo(ROWS);
  }

  private static long engagementRowsApplied(LocalStack.Instance stack) {
    return IngestReport.read(stack.config(Map.of()))
        .flatMap(
            r -> r.tables().stream().filter(t -> t.table().equals("engagement_events")).findFirst())
        .map(IngestReport.TableProgress::rowsApplied)
        .orElse(0L);
  }
}
