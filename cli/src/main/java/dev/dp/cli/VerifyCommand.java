package dev.dp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dp.catalog.DpConfig;
import dev.dp.contracts.IngestProgress;
import dev.dp.oracle.ColumnDifference;
import dev.dp.oracle.Oracle;
import dev.dp.oracle.TableComparison;
import dev.dp.stack.DatabaseEndpoint;
import dev.dp.stack.IngestReport;
import dev.dp.stack.PipelineCatchUp;
import dev.dp.stack.SourceCapture;
import dev.dp.stack.Waits;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dp verify}: waits (bounded) until the pipeline has caught up with the source, then
 * compares every gold table in {@code postgres-dest} with the SQL oracle over {@code
 * postgres-source}, row for row. Exit code 0 only when all five are equal.
 */
@Command(
    name = "verify",
    description = {
      "Wait until ingest and process have caught up with the source, then compare every gold",
      "table with the SQL oracle over postgres-source, row for row (numbers to 4 places).",
      "Exit code: 0 equal, 1 different, 2 generator still writing, 3 not caught up in time."
    })
final class VerifyCommand implements Callable<Integer> {

  static final int DIFFERENT = 1;
  static final int SOURCE_MOVING = 2;
  static final int NOT_CAUGHT_UP = 3;

  @Mixin StackOptions stack;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "900",
      description = "How long to wait for the pipeline to catch up (default ${DEFAULT-VALUE}).")
  long waitSeconds;

  @Option(names = "--json", description = "Print JSON for scripts.")
  boolean json;

  @Option(
      names = "--examples",
      paramLabel = "N",
      defaultValue = "5",
      description = "Example rows shown per kind of difference (default ${DEFAULT-VALUE}).")
  int examples;

  @Override
  public Integer call() throws Exception {
    DpConfig config = stack.config();
    if (StackOptions.supervisor(config)
        .liveProcess(config.catalog().require("data-generator"))
        .isPresent()) {
      System.err.println(
          "dp verify: data-generator is still writing to postgres-source, so gold can never"
              + " catch up with it. Stop it first (./dp down data-generator) or let a bounded run"
              + " (--generator-count) finish.");
      return SOURCE_MOVING;
    }
    long t0 = System.nanoTime();
    String sourceLsn = SourceCapture.currentLsn(config);
    Waits.Outcome caughtUp =
        Waits.until(
            Waits.deadline(Duration.ofSeconds(waitSeconds)),
            () -> PipelineCatchUp.probe(config, sourceLsn),
            () -> null);
    if (!caughtUp.ready()) {
      System.err.println(
          "dp verify: the pipeline did not catch up within "
              + waitSeconds
              + " s: "
              + caughtUp.last().detail());
      return NOT_CAUGHT_UP;
    }
    double waited = (System.nanoTime() - t0) / 1e9;
    DatabaseEndpoint source = DatabaseEndpoint.of(config, "postgres-source");
    DatabaseEndpoint dest = DatabaseEndpoint.of(config, "postgres-dest");
    List<TableComparison> results;
    try (Connection s = source.connect();
        Connection d = dest.connect()) {
      results = new Oracle().verifyAll(s, d);
    }
    boolean equal = results.stream().allMatch(TableComparison::matches);
    IngestProgress progress =
        IngestReport.progress(config)
            .orElse(new IngestProgress(-1, null, 0, Map.of(), Map.of(), List.of()));
    if (json) {
      System.out.println(toJson(results, equal, waited, progress));
    } else {
      System.out.printf("caught up after %.1f s: %s%n", waited, caughtUp.last().detail());
      results.forEach(r -> System.out.println(render(r, examples)));
      System.out.print(renderQuarantine(progress));
      System.out.println(
          equal
              ? "dp verify: all 5 gold tables equal the oracle"
              : "dp verify: gold DIFFERS from the oracle");
    }
    return equal ? 0 : DIFFERENT;
  }

  /**
   * The source changes the pipeline quarantined instead of applying: where gold differs, these are
   * the first suspects (a value silver could not take, such as a numeric NaN).
   */
  static String renderQuarantine(IngestProgress progress) {
    if (progress.quarantined() == 0) {
      return "";
    }
    StringBuilder s =
        new StringBuilder()
            .append(progress.quarantined())
            .append(
                " source change(s) are in quarantine (not applied to silver, so gold cannot"
                    + " reflect them); newest:");
    progress.recentQuarantine().forEach(q -> s.append("\n  quarantined: ").append(q.describe()));
    return s.append(System.lineSeparator()).toString();
  }

  private static String render(TableComparison r, int examples) {
    StringBuilder s = new StringBuilder(r.summary());
    r.missingExamples().stream()
        .limit(examples)
        .forEach(k -> s.append("\n  missing in gold: ").append(k));
    r.extraExamples().stream()
        .limit(examples)
        .forEach(k -> s.append("\n  extra in gold: ").append(k));
    r.differenceExamples().stream()
        .limit(examples)
        .forEach(d -> s.append("\n  different: ").append(d));
    return s.toString();
  }

  static String toJson(
      List<TableComparison> results, boolean equal, double waitedSeconds, IngestProgress progress)
      throws Exception {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("equal", equal);
    root.put("waited_seconds", waitedSeconds);
    root.put("quarantined", progress.quarantined());
    root.put(
        "recent_quarantine",
        dev.dp.contracts.Json.mapper().valueToTree(progress.recentQuarantine()));
    List<Map<String, Object>> tables = new ArrayList<>();
    for (TableComparison r : results) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("table", r.table().qualifiedName());
      t.put("equal", r.matches());
      t.put("expected_rows", r.expectedRows());
      t.put("gold_rows", r.actualRows());
      t.put("rows_compared", r.rowsCompared());
      t.put("missing", r.missing());
      t.put("extra", r.extra());
      t.put("different", r.different());
      t.put("duplicate_keys", r.duplicateKeys());
      t.put("missing_examples", stringify(r.missingExamples()));
      t.put("extra_examples", stringify(r.extraExamples()));
      List<Map<String, Object>> diffs = new ArrayList<>();
      for (ColumnDifference d : r.differenceExamples()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", stringify(List.of(d.key())).get(0));
        m.put("column", d.column());
        m.put("expected", d.expected() == null ? null : d.expected().toString());
        m.put("gold", d.actual() == null ? null : d.actual().toString());
        diffs.add(m);
      }
      t.put("different_examples", diffs);
      tables.add(t);
    }
    root.put("tables", tables);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
  }

  private static List<Map<String, String>> stringify(List<Map<String, Object>> rows) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, String> m = new LinkedHashMap<>();
      row.forEach((k, v) -> m.put(k, v == null ? null : v.toString()));
      out.add(m);
    }
    return out;
  }
}
