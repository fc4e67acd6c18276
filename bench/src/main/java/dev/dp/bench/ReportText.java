package dev.dp.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code report.txt}: the bench's figures as a table, one column per phase and the target
 * beside each measure, followed by the steady lag verdict, the bulk reference and verify.
 */
public final class ReportText {

  private static final String NL = System.lineSeparator();

  private ReportText() {}

  /** The report as text. */
  public static String render(BenchReport r) {
    BenchSettings w = r.workload();
    StackInfo stack = r.stack();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "dp bench of the %s in %s (DP_PORT_OFFSET %d%s), %s%n",
            stack.own() ? "bench's own stack" : "running stack",
            stack.dpHome(),
            stack.portOffset(),
            stack.startSeconds() == null
                ? ""
                : ", started in " + number(stack.startSeconds()) + " s",
            r.startedAt()));
    sb.append(
        String.format(
            Locale.ROOT,
            "workload: warm-up %d changes; steady %d changes/s for %d s;"
                + " burst %d rows in %d transaction(s) into %s%n%n",
            w.warmupChanges(),
            w.rate(),
            w.steadySeconds(),
            w.burstRows(),
            w.burstTransactions(),
            r.burstTable()));
    sb.append(table(r));
    sb.append(NL).append(lag(r.steadyLag())).append(NL);
    sb.append(bulk(r.bulkReference())).append(NL);
    VerifyOutcome v = r.verify();
    sb.append("verify: ")
        .append(
            v.ran()
                ? (v.passed() ? "PASS, " : "FAIL, ") + v.detail()
                : "not run (" + v.detail() + ")")
        .append(NL);
    v.tables().forEach(t -> sb.append("  ").append(t).append(NL));
    if (r.failure() != null) {
      sb.append("bench stopped early: ").append(r.failure()).append(NL);
    }
    sb.append("freshness is measured ").append(r.freshnessMeasurement()).append('.').append(NL);
    notes(r).forEach(n -> sb.append("note: ").append(n).append(NL));
    return sb.toString();
  }

  private static String table(BenchReport r) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("MEASURE"));
    r.phases().forEach(p -> header.add(p.name().toUpperCase(Locale.ROOT)));
    header.add("TARGET");
    rows.add(header);
    rows.add(row(r, "phase length (s)", p -> number(p.seconds()), ""));
    rows.add(row(r, "source transactions/s", p -> number(p.source().transactionsPerSecond()), ""));
    rows.add(row(r, "source row changes/s", p -> number(p.source().rowChangesPerSecond()), ""));
    rows.add(row(r, "debezium -> kafka events/s", p -> number(p.kafkaEventsPerSecond()), ""));
    rows.add(row(r, "silver rows applied/s", p -> number(p.silverRowsPerSecond()), ""));
    rows.add(
        row(
            r,
            "max kafka lag (records)",
            p -> p.maxKafkaLag() == null ? "-" : p.maxKafkaLag().toString(),
            ""));
    rows.add(row(r, "gold refreshes (mean/max s)", p -> refreshes(p.goldRefreshes()), ""));
    rows.add(
        row(
            r,
            "freshness -> silver p50/p99/max s",
            p -> freshness(p.freshnessSilver()),
            "steady: " + r.targets().get("steady_freshness_silver")));
    rows.add(
        row(
            r,
            "freshness -> gold p50/p99/max s",
            p -> freshness(p.freshnessGold()),
            "steady: " + r.targets().get("steady_freshness_gold")));
    int[] widths = new int[header.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(row.get(i)).append(" ".repeat(widths[i] - row.get(i).length() + 2));
      }
      sb.append(line.toString().stripTrailing()).append(NL);
    }
    return sb.toString();
  }

  private static List<String> row(
      BenchReport r, String measure, Function<PhaseReport, String> cell, String target) {
    List<String> row = new ArrayList<>(List.of(measure));
    r.phases().forEach(p -> row.add(cell.apply(p)));
    row.add(target);
    return row;
  }

  private static String lag(LagTrend l) {
    if (l.lagNotGrowing() == null) {
      return "steady lag: " + l.note();
    }
    return String.format(
        "steady lag: %s (first third mean %s records, last third %s, slope %s records/s,"
            + " tolerated %s; %d readings, max %s)   target: not growing",
        l.lagNotGrowing() ? "PASS, not growing" : "FAIL, growing",
        number(l.firstThirdMeanLag()),
        number(l.lastThirdMeanLag()),
        number(l.slopeRecordsPerSecond()),
        number(l.toleratedSlopeRecordsPerSecond()),
        l.samples(),
        l.maxLag());
  }

  private static String bulk(DecodingReference d) {
    StringBuilder sb = new StringBuilder("bulk: pipeline ");
    if (d.pipelineRowsPerSecond() == null) {
      sb.append("did not apply the ").append(d.burstRows()).append(" burst rows to silver");
    } else {
      sb.append(d.burstRows())
          .append(" rows to silver in ")
          .append(number(d.pipelineSecondsToSilver()))
          .append(" s = ")
          .append(number(d.pipelineRowsPerSecond()))
          .append(" rows/s");
    }
    sb.append("; PostgreSQL decoding the same WAL with nothing downstream: ");
    if (d.decodedRowsPerSecond() == null) {
      sb.append("not measured");
    } else {
      sb.append(d.decodedRows())
          .append(" rows (")
          .append(d.plugin())
          .append(") in ")
          .append(number(d.decodingSeconds()))
          .append(" s = ")
          .append(number(d.decodedRowsPerSecond()))
          .append(" rows/s");
    }
    sb.append("; pipeline / decoding = ")
        .append(
            d.pipelineToDecodingRatio() == null
                ? "-"
                : String.format(Locale.ROOT, "%.3f", d.pipelineToDecodingRatio()))
        .append("   target: ")
        .append(BenchReport.TARGETS.get("bulk_silver_rows_per_second"));
    if (d.note() != null) {
      sb.append(NL).append("  (").append(d.note()).append(')');
    }
    return sb.toString();
  }

  private static List<String> notes(BenchReport r) {
    List<String> notes = new ArrayList<>();
    for (PhaseReport p : r.phases()) {
      for (StageFreshness f : List.of(p.freshnessSilver(), p.freshnessGold())) {
        if (f.note() != null && !notes.contains(f.note())) {
          notes.add(f.note());
        }
      }
    }
    return notes.stream().map(n -> "freshness " + n).toList();
  }

  private static String refreshes(RefreshStats s) {
    return s.meanSeconds() == null
        ? Long.toString(s.refreshes())
        : s.refreshes() + " (" + seconds(s.meanSeconds()) + "/" + seconds(s.maxSeconds()) + ")";
  }

  private static String freshness(StageFreshness f) {
    return f.measured()
        ? seconds(f.p50Seconds()) + "/" + seconds(f.p99Seconds()) + "/" + seconds(f.maxSeconds())
        : "no data";
  }

  /** Seconds with one decimal, {@code -} when unknown. */
  public static String seconds(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
  }

  /** A figure for people: {@code -} when unknown, fewer decimals the larger it is. */
  public static String number(Double v) {
    if (v == null) {
      return "-";
    }
    double a = Math.abs(v);
    return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
  }
}
