package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dp.process.GoldTable;
import dev.dp.stack.DatabaseEndpoint;
import dev.dp.stack.PipelineCatchUp;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * spark-job-process end to end, judged by {@code dp verify} (the real CLI), as one scenario so the
 * expensive parts (a burst through the whole pipeline, a cold restart of the job) are paid once.
 * Throughout, a concurrent reader checks in REPEATABLE READ snapshots that gold never shows a
 * partial refresh (each snapshot's row counts equal those its newest watermark row recorded).
 *
 * <ol>
 *   <li>a bounded generator run with updates and deletes; the process job is killed with SIGKILL in
 *       the middle of a refresh and restarted; then all five gold tables equal the oracle;
 *   <li>deleting a driving row in the source (an alert and its commands) removes its gold row;
 *   <li>a gold row changed by hand makes {@code dp verify} exit non-zero and name the row.
 * </ol>
 */
@ExtendWith(LocalStack.class)
class GoldIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void goldEqualsTheOracleThroughACrashFollowsDeletesAndVerifyNamesACorruptRow() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    DatabaseEndpoint dest = destination(stack);
    AtomicBoolean reading = new AtomicBoolean(true);
    AtomicLong snapshots = new AtomicLong();
    List<String> partial = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(() -> readConsistently(dest, reading, snapshots, partial), "gold-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      GeneratorRuns.startBurst(stack, 1_500, 0);
      GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));
      killProcessJobMidRefresh(stack);
      JsonNode first = verifyPasses(stack);
      for (JsonNode t : first.path("tables")) {
        assertThat(t.path("rows_compared").asLong())
            .as("rows compared in %s (an empty table would prove nothing)", t.path("table"))
            .isPositive();
      }

      deletingADrivingSourceRowRemovesItsGoldRow(stack, dest);
      aGoldRowChangedByHandMakesVerifyFailAndNameIt(stack, dest);
    } finally {
      reading.set(false);
      reader.join(Duration.ofSeconds(30).toMillis());
    }
    assertThat(snapshots.get()).as("consistent snapshots read during the test").isGreaterThan(10);
    assertThat(partial).as("snapshots whose row counts differ from their watermark").isEmpty();
  }

  private static void killProcessJobMidRefresh(LocalStack.Instance stack) {
    var supervisor = stack.supervisor(Map.of());
    var process = stack.service("spark-job-process");
    await("spark-job-process started a gold refresh")
        .atMost(Duration.ofMinutes(20))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                PipelineCatchUp.processProgress(stack.config(Map.of()))
                    .map(p -> p.refreshingTo() != null)
                    .orElse(false));
    long killedPid = supervisor.liveProcess(process).orElseThrow().pid();
    try {
      supervisor.kill(process);
    } finally {
      supervisor.up(List.of("spark-job-process"));
    }
    assertThat(supervisor.liveProcess(process).orElseThrow().pid()).isNotEqualTo(killedPid);
  }

  private static void deletingADrivingSourceRowRemovesItsGoldRow(
      LocalStack.Instance stack, DatabaseEndpoint dest) throws Exception {
    String alertId = firstKey(dest, "SELECT alert_id FROM gold.alerts_with_commands ORDER BY 1");
    try (Connection c = stack.source().connect();
        PreparedStatement commands =
            c.prepareStatement("DELETE FROM public.commands WHERE alert_id = ?::uuid");
        PreparedStatement alert =
            c.prepareStatement("DELETE FROM public.alerts WHERE id = ?::uuid")) {
      commands.setString(1, alertId);
      commands.executeUpdate();
      alert.setString(1, alertId);
      assertThat(alert.executeUpdate()).isEqualTo(1);
    }
    verifyPasses(stack);
    assertThat(
            count(
                dest, "SELECT count(*) FROM gold.alerts_with_commands WHERE alert_id = ?", alertId))
        .as("gold row of the deleted alert " + alertId)
        .isZero();
  }

  private static void aGoldRowChangedByHandMakesVerifyFailAndNameIt(
      LocalStack.Instance stack, DatabaseEndpoint dest) throws Exception {
    String targetId = firstKey(dest, "SELECT target_id FROM gold.threat_assessment ORDER BY 1");
    BigDecimal original;
    try (Connection c = dest.connect();
        PreparedStatement read =
            c.prepareStatement(
                "SELECT adjusted_confidence FROM gold.threat_assessment WHERE target_id = ?");
        PreparedStatement write =
            c.prepareStatement(
                "UPDATE gold.threat_assessment SET adjusted_confidence = ? WHERE target_id = ?")) {
      read.setString(1, targetId);
      try (ResultSet rs = read.executeQuery()) {
        rs.next();
        original = rs.getBigDecimal(1);
      }
      write.setBigDecimal(
          1, original == null ? new BigDecimal("0.5") : original.add(BigDecimal.ONE));
      write.setString(2, targetId);
      write.executeUpdate();
      try {
        DpCli.Result r = DpCli.run(stack, "verify", "--json", "--wait", "60");
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(1);
        JsonNode result = JSON.readTree(r.stdout());
        assertThat(result.path("equal").asBoolean()).isFalse();
        JsonNode threat = table(result, "gold.threat_assessment");
        assertThat(threat.path("different").asLong()).isEqualTo(1);
        JsonNode example = threat.path("different_examples").get(0);
        assertThat(example.path("key").path("target_id").asText()).isEqualTo(targetId);
        assertThat(example.path("column").asText()).isEqualTo("adjusted_confidence");
        DpCli.Result text = DpCli.run(stack, "verify", "--wait", "60");
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.stdout()).contains(targetId).contains("adjusted_confidence");
      } finally {
        write.setBigDecimal(1, original);
        write.setString(2, targetId);
        write.executeUpdate();
      }
    }
    verifyPasses(stack);
  }

  /** Runs {@code dp verify --json} and asserts every table matched; returns its JSON. */
  static JsonNode verifyPasses(LocalStack.Instance stack) throws Exception {
    DpCli.Result r = DpCli.run(stack, "verify", "--json", "--wait", "1500");
    assertThat(r.exitCode()).as("dp verify: " + r.stdout() + r.stderr()).isZero();
    JsonNode result = JSON.readTree(r.stdout());
    assertThat(result.path("equal").asBoolean()).isTrue();
    assertThat(result.path("tables")).hasSize(5);
    return result;
  }

  private static JsonNode table(JsonNode result, String name) {
    for (JsonNode t : result.path("tables")) {
      if (t.path("table").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no " + name + " in " + result);
  }

  static DatabaseEndpoint destination(LocalStack.Instance stack) {
    return DatabaseEndpoint.of(stack.config(Map.of()), stack.service("postgres-dest"));
  }

  private static String firstKey(DatabaseEndpoint db, String sql) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as("a row from: " + sql).isTrue();
      return rs.getString(1);
    }
  }

  private static long count(DatabaseEndpoint db, String sql, String arg) throws Exception {
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
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
