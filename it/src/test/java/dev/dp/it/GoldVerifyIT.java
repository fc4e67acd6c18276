package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dp.stack.DatabaseEndpoint;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * spark-job-process end to end, judged by {@code dp verify} (the real CLI): after a bounded
 * generator run with updates and deletes, all five gold tables equal the SQL oracle over the
 * source; deleting a driving row in the source removes its gold row; and a gold row changed by hand
 * makes {@code dp verify} fail and name it.
 */
@ExtendWith(LocalStack.class)
class GoldVerifyIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void goldEqualsTheOracleAndFollowsDeletesInTheSource() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    GeneratorRuns.startBurst(stack, 1_500, 0);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));

    JsonNode first = verifyPasses(stack);
    for (JsonNode t : first.path("tables")) {
      assertThat(t.path("rows_compared").asLong())
          .as("rows compared in %s (an empty table would prove nothing)", t.path("table"))
          .isPositive();
    }

    // Delete a driving row: an alert that gold shows, with its commands.
    DatabaseEndpoint dest = destination(stack);
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

  @Test
  void aGoldRowChangedByHandMakesVerifyFailAndNameIt() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    if (GeneratorRuns.changesApplied(stack) == 0) {
      GeneratorRuns.startBurst(stack, 500, 0);
      GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));
    }
    verifyPasses(stack);
    DatabaseEndpoint dest = destination(stack);
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
}
