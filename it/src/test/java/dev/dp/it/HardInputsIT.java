package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.SourceTables;
import dev.dp.stack.DatabaseEndpoint;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Source operations that are hard for a CDC pipeline, as one scenario so that catching up is paid
 * once:
 *
 * <ol>
 *   <li>{@code TRUNCATE supply_status} between two bursts of changes: silver removes the table's
 *       rows in source order (the rows written after it stay), a replay of the table's whole topic
 *       does not bring the truncated rows back, and gold follows ({@code dp verify} passes);
 *   <li>{@code range_km = 'NaN'} on a weapon (valid for PostgreSQL numeric): the change is
 *       quarantined, {@code dp verify} exits 1 naming the gold row and the quarantined change
 *       without a stack trace; once the value is finite again verify passes.
 * </ol>
 */
@ExtendWith(LocalStack.class)
class HardInputsIT {

  private static final String TABLE = "supply_status";
  private static final int BURST = 400;
  private static final int RATE = 200;

  @Test
  void truncateIsAppliedInOrderAndANonFiniteNumberIsReportedNotFatal() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    truncateReachesSilverAndGoldAndAReplayCannotUndoIt(stack);
    aNaNIsQuarantinedAndVerifyNamesItsRowAndChange(stack);
  }

  private static void truncateReachesSilverAndGoldAndAReplayCannotUndoIt(LocalStack.Instance stack)
      throws Exception {
    GeneratorRuns.startBurst(stack, BURST, RATE);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));
    assertThat(count(stack)).as("supply_status rows before the truncate").isPositive();

    try (Connection c = stack.source().connect();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE public." + TABLE);
    }
    GeneratorRuns.startBurst(stack, BURST, RATE);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));
    long after = count(stack);

    int replayed =
        TopicRecords.republishNewestFirst(stack.bootstrapServers(), SourceTables.topic(TABLE));
    assertThat(replayed).as("records of the topic replayed, the truncate among them").isPositive();
    IngestChecks.awaitCaughtUp(stack, Duration.ofMinutes(5));

    String ingestLog =
        Files.readString(stack.config(Map.of()).paths().log(stack.service("spark-job-ingest")));
    assertThat(ingestLog).contains("TRUNCATE " + TABLE + " at ");
    IngestChecks.assertSilverEqualsSourceAndBronzeExactlyOnce(stack, "truncate");
    GoldIT.verifyPasses(stack);
    assertThat(count(stack)).as("nobody wrote supply_status meanwhile").isEqualTo(after);
  }

  private static void aNaNIsQuarantinedAndVerifyNamesItsRowAndChange(LocalStack.Instance stack)
      throws Exception {
    String weapon;
    try (Connection d = DatabaseEndpoint.of(stack.config(Map.of()), "postgres-dest").connect();
        Statement s = d.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT weapon_id FROM gold.effective_unit_strength WHERE weapon_id IS NOT NULL"
                    + " ORDER BY weapon_id LIMIT 1")) {
      assertThat(rs.next()).as("a weapon in gold.effective_unit_strength").isTrue();
      weapon = rs.getString(1);
    }
    String range =
        sourceValue(stack, "SELECT range_km::text FROM public.weapons WHERE id = ?::uuid", weapon);
    sourceUpdate(stack, "UPDATE public.weapons SET range_km = 'NaN' WHERE id = ?::uuid", weapon);

    DpCli.Result r = DpCli.run(stack, "verify", "--wait", "600");
    assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(1);
    assertThat(r.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.stdout())
        .contains("gold DIFFERS")
        .contains("range_km")
        .contains("NaN")
        .contains("quarantined: jadc2_db.public.weapons")
        .contains(weapon);

    sourceUpdate(
        stack, "UPDATE public.weapons SET range_km = '" + range + "' WHERE id = ?::uuid", weapon);
    GoldIT.verifyPasses(stack);
  }

  private static String sourceValue(LocalStack.Instance stack, String sql, String id)
      throws Exception {
    try (Connection c = stack.source().connect();
        java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as(sql + " for " + id).isTrue();
        return rs.getString(1);
      }
    }
  }

  private static void sourceUpdate(LocalStack.Instance stack, String sql, String id)
      throws Exception {
    try (Connection c = stack.source().connect();
        java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      assertThat(ps.executeUpdate()).as(sql).isEqualTo(1);
    }
  }

  private static long count(LocalStack.Instance stack) throws Exception {
    try (Connection c = stack.source().connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM public." + TABLE)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
