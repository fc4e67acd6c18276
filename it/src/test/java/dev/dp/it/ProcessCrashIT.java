package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dp.process.GoldTable;
import dev.dp.stack.DatabaseEndpoint;
import dev.dp.stack.PipelineCatchUp;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kill -9 of the process job in the middle of a refresh: gold never shows a partial refresh to a
 * concurrent reader (every snapshot's row counts equal the counts its newest watermark row
 * recorded), and after a restart {@code dp verify} passes.
 */
@ExtendWith(LocalStack.class)
class ProcessCrashIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void killedProcessJobNeverLeavesAPartialRefresh() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    var supervisor = stack.supervisor(Map.of());
    var process = stack.service("spark-job-process");
    DatabaseEndpoint dest = GoldVerifyIT.destination(stack);

    AtomicBoolean reading = new AtomicBoolean(true);
    AtomicLong snapshots = new AtomicLong();
    List<String> partial = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(() -> readConsistently(dest, reading, snapshots, partial), "gold-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      GeneratorRuns.startBurst(stack, 1_000, 0);
      GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));
      await("spark-job-process started a gold refresh")
          .atMost(Duration.ofMinutes(20))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  PipelineCatchUp.processProgress(stack.config(Map.of()))
                      .map(p -> p.has("refreshing_to"))
                      .orElse(false));
      long killedPid = supervisor.liveProcess(process).orElseThrow().pid();
      supervisor.kill(process);

      supervisor.up(List.of("spark-job-process"));
      assertThat(supervisor.liveProcess(process).orElseThrow().pid()).isNotEqualTo(killedPid);
      GoldVerifyIT.verifyPasses(stack);
    } finally {
      reading.set(false);
      reader.join(Duration.ofSeconds(30).toMillis());
    }
    assertThat(snapshots.get()).as("consistent snapshots read during the test").isGreaterThan(10);
    assertThat(partial).as("snapshots whose row counts differ from their watermark").isEmpty();
  }

  /**
   * Reads, in one REPEATABLE READ transaction at a time, the newest watermark's row counts and the
   * gold tables' counts; a partial refresh would make them differ.
   */
  private static void readConsistently(
      DatabaseEndpoint dest, AtomicBoolean reading, AtomicLong snapshots, List<String> partial) {
    while (reading.get()) {
      try (Connection c = dest.connect()) {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setAutoCommit(false);
        while (reading.get()) {
          try (Statement s = c.createStatement()) {
            JsonNode counts = null;
            try (ResultSet rs =
                s.executeQuery(
                    "SELECT row_counts::text FROM gold.refresh_watermark"
                        + " ORDER BY refresh_id DESC LIMIT 1")) {
              if (rs.next()) {
                counts = JSON.readTree(rs.getString(1));
              }
            }
            if (counts != null) {
              for (GoldTable t : GoldTable.values()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t.qualifiedName())) {
                  rs.next();
                  long expected = counts.path(t.tableName()).asLong(-1);
                  if (rs.getLong(1) != expected) {
                    partial.add(
                        t.tableName() + ": " + rs.getLong(1) + " rows, watermark " + expected);
                  }
                }
              }
              snapshots.incrementAndGet();
            }
          }
          c.commit();
        }
      } catch (Exception e) {
        // gold schema not created yet, or the server is busy: read again
        java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
      }
    }
  }
}
