package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.SourceTables;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code TRUNCATE supply_status} in the source, between two bursts of changes: silver removes the
 * table's rows in source order (the rows written after it stay), a replay of the table's whole
 * topic does not bring the truncated rows back, and gold follows ({@code dp verify} passes).
 */
@ExtendWith(LocalStack.class)
class TruncateIT {

  private static final String TABLE = "supply_status";
  private static final int BURST = 400;
  private static final int RATE = 200;

  @Test
  void aSourceTruncateReachesSilverAndGoldAndAReplayCannotUndoIt() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
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

  private static long count(LocalStack.Instance stack) throws Exception {
    try (Connection c = stack.source().connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM public." + TABLE)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
