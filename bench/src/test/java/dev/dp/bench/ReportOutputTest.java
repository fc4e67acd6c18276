package dev.dp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportOutputTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir Path dir;

  private static BenchReport report(List<dev.dp.contracts.Visibility> records) {
    return BenchReports.build(
        BenchReportsTest.SETTINGS,
        BenchReportsTest.run(
            BenchReportsTest.phases(),
            new VerifyOutcome(
                true, false, List.of("gold.threat_assessment: 1 different"), "DIFFERS"),
            null),
        BenchReportsTest.samples(),
        records);
  }

  @Test
  void theTextHasAColumnPerPhaseTheTargetsAndTheVerdicts() {
    String text = ReportText.render(report(BenchReportsTest.records()));
    List<String> lines = text.lines().toList();
    String header = lines.stream().filter(l -> l.startsWith("MEASURE")).findFirst().orElseThrow();
    assertThat(header).contains("WARM-UP", "STEADY", "BULK", "CATCH-UP", "TARGET");
    assertThat(text)
        .contains("freshness -> silver p50/p99/max s")
        .contains("steady: p50 <= 5 s, p99 <= 15 s")
        .contains("3.0/5.0/5.0")
        .contains("1 (12.5/12.5)")
        .contains("steady lag: PASS, not growing")
        .contains("pipeline / decoding = 0.033")
        .contains("verify: FAIL, DIFFERS")
        .contains("gold.threat_assessment: 1 different")
        .contains("freshness is measured per change");
  }

  @Test
  void withoutVisibilityRecordsTheTextSaysNoDataAndWhy() {
    String text = ReportText.render(report(List.of()));
    assertThat(text).contains("no data").contains("note: freshness no data: the jobs wrote no");
  }

  @Test
  void theOutputDirectoryHasTheJsonTheTextThePlotAndTheSamples() throws Exception {
    for (List<dev.dp.contracts.Visibility> records :
        List.of(BenchReportsTest.records(), List.<dev.dp.contracts.Visibility>of())) {
      Path out = dir.resolve("run" + records.size());
      BenchOutput.write(out, report(records), BenchReportsTest.samples());
      byte[] png = Files.readAllBytes(out.resolve(BenchOutput.PLOT));
      assertThat(Arrays.copyOf(png, PNG.length)).isEqualTo(PNG);
      assertThat(png.length).isGreaterThan(10_000);
      assertThat(Files.readString(out.resolve(BenchOutput.REPORT_JSON))).contains("\"phases\"");
      assertThat(Files.readString(out.resolve(BenchOutput.REPORT_TEXT))).contains("MEASURE");
      assertThat(Files.readAllLines(out.resolve(BenchOutput.SAMPLES))).hasSize(71);
    }
  }

  @Test
  void theRateSeriesIsTheSourceRiseBetweenSamples() {
    var rate = FreshnessChart.rate(Synthetic.T0, BenchReportsTest.samples());
    assertThat(rate.getItemCount()).isEqualTo(70);
    assertThat(rate.getY(20).doubleValue()).isEqualTo(100.0);
    assertThat(rate.getY(42).doubleValue()).isEqualTo(1_000.0);
  }
}
