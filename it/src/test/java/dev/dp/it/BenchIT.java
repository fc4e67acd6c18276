package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dp.bench.BenchOutput;
import dev.dp.bench.BenchReport;
import dev.dp.bench.PhaseReport;
import dev.dp.bench.ReportFields;
import dev.dp.contracts.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code dp bench --attach} with a tiny workload on the shared stack, through the real CLI: it runs
 * every phase, writes a report with every field, a PNG plot and the text table, and ends with a
 * passing verify. The figures themselves are benchmark results, never asserted here; only what is
 * exact is: the reference slot decoded exactly the burst's rows and was dropped afterwards.
 */
@ExtendWith(LocalStack.class)
class BenchIT {

  private static final int BURST_ROWS = 2_000;
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @Test
  void aTinyBenchReportsEveryFigureDrawsThePlotAndEndsWithAPassingVerify() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    DpCli.Result r =
        DpCli.run(
            stack,
            "bench",
            "--attach",
            "--rate",
            "20",
            "--steady",
            "15",
            "--burst",
            Integer.toString(BURST_ROWS),
            "--burst-transactions",
            "2",
            "--phase-timeout",
            "1500");
    assertThat(r.exitCode()).as("dp bench:\n" + r.stdout() + r.stderr()).isZero();
    assertThat(r.stdout()).contains("MEASURE", "STEADY", "verify: PASS");

    Path directory = reportDirectory(stack, r.stdout());
    JsonNode json = Json.mapper().readTree(directory.resolve(BenchOutput.REPORT_JSON).toFile());
    assertThat(ReportFields.missing(json, BenchReport.class)).as("fields missing").isEmpty();
    BenchReport report = Json.read(json.toString(), BenchReport.class);
    assertThat(report.completed()).as(report.failure()).isTrue();
    assertThat(report.phases())
        .extracting(PhaseReport::name)
        .containsExactly("warm-up", "steady", "bulk", "catch-up");
    assertThat(report.verify().passed()).as(report.verify().toString()).isTrue();
    assertThat(report.verify().tables()).hasSize(5);
    assertThat(report.bulkReference().burstRows()).isEqualTo(BURST_ROWS);
    assertThat(report.bulkReference().decodedRows())
        .as("rows the reference slot decoded: " + report.bulkReference())
        .isEqualTo(BURST_ROWS);
    assertThat(report.bulkReference().pipelineRowsPerSecond()).isNotNull();
    assertThat(report.steadyLag().samples()).isPositive();

    byte[] png = Files.readAllBytes(directory.resolve(BenchOutput.PLOT));
    assertThat(Arrays.copyOf(png, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
    assertThat(Files.readString(directory.resolve(BenchOutput.REPORT_TEXT))).contains("MEASURE");
    assertThat(referenceSlots(stack)).as("reference slots left behind").isZero();

    DpCli.Result status = DpCli.run(stack, "status", "--json");
    assertThat(status.exitCode()).isZero();
    assertThat(Json.mapper().readTree(status.stdout()).has("freshness")).isTrue();
  }

  private static Path reportDirectory(LocalStack.Instance stack, String stdout) {
    Matcher m = Pattern.compile("dp bench: report in (\\S+)").matcher(stdout);
    assertThat(m.find()).as("the report directory in:\n" + stdout).isTrue();
    Path directory = Path.of(m.group(1));
    assertThat(directory).startsWith(stack.home.resolve("bench")).isDirectory();
    return directory;
  }

  private static long referenceSlots(LocalStack.Instance stack) throws Exception {
    try (Connection c = stack.source().connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM pg_replication_slots WHERE slot_name = ?")) {
      ps.setString(1, "dp_bench_reference");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
