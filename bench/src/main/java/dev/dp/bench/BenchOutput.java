package dev.dp.bench;

import dev.dp.contracts.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The files of one bench run in {@code DP_HOME/bench/<timestamp>/}: {@code report.json} (the {@link
 * BenchReport}), {@code report.txt} (what was printed), {@code freshness.png} and {@code
 * samples.jsonl} (every reading of the sampler, for plots of your own).
 */
public final class BenchOutput {

  public static final String REPORT_JSON = "report.json";
  public static final String REPORT_TEXT = "report.txt";
  public static final String PLOT = "freshness.png";
  public static final String SAMPLES = "samples.jsonl";

  private BenchOutput() {}

  /** Writes every file of the run into {@code directory}. */
  public static void write(Path directory, BenchReport report, List<Sample> samples) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(REPORT_JSON), Json.pretty(report) + "\n");
      Files.writeString(directory.resolve(REPORT_TEXT), ReportText.render(report));
      Files.writeString(
          directory.resolve(SAMPLES),
          samples.stream().map(Json::line).collect(Collectors.joining("\n", "", "\n")),
          StandardCharsets.UTF_8);
      FreshnessChart.write(directory.resolve(PLOT), report, samples);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the bench report to " + directory, e);
    }
  }
}
