package dev.dp.health.checks;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.dp.contracts.Json;
import dev.dp.contracts.ProcessProgress;
import dev.dp.contracts.ProgressFile;
import dev.dp.contracts.Stage;
import dev.dp.contracts.Visibility;
import dev.dp.health.HealthCheck;
import dev.dp.health.HealthThresholds;
import dev.dp.health.PlaybookStep;
import dev.dp.health.ProbeContext;
import dev.dp.health.Text;
import dev.dp.health.Verdict;
import dev.dp.process.GoldSchema;
import dev.dp.stack.LogFiles;
import dev.dp.stack.SparkJobLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Step 12, spark-job-process: its application has executors; it looked at silver recently (its
 * progress file); the gold watermark in postgres-dest (the silver versions the last committed
 * refresh read) against the newest silver versions the ingest job made visible (the tail of its
 * visibility log): gold may lag behind a new silver version for a refresh, but not for longer than
 * {@code dp.health.process-stall-seconds}.
 */
public final class ProcessJobCheck implements HealthCheck<ProcessJobCheck.Observation> {

  static final String SERVICE = "spark-job-process";
  private static final int VISIBILITY_LINES = 200;

  /**
   * The newest row of {@code gold.refresh_watermark}.
   *
   * @param refreshId its id
   * @param refreshedAt when its transaction wrote it
   * @param silverVersions silver table to the Delta version the refresh read
   */
  public record Watermark(long refreshId, Instant refreshedAt, Map<String, Long> silverVersions) {}

  /**
   * What the probe saw.
   *
   * @param progressFile where the job reports
   * @param progress its last report, empty before the first
   * @param watermark the newest watermark row, empty before the first refresh
   * @param watermarkError why it could not be read, or empty
   * @param silverRecords the ingest job's latest silver visibility records (newest last)
   * @param master the master's status, empty when it did not answer
   * @param logHint where its log is
   * @param uptime how long its driver has run
   * @param now when it was seen
   */
  public record Observation(
      Path progressFile,
      Optional<ProcessProgress> progress,
      Optional<Watermark> watermark,
      String watermarkError,
      List<Visibility> silverRecords,
      Optional<SparkMasterStatus> master,
      String logHint,
      Duration uptime,
      Instant now)
      implements SparkApps.JobObservation {

    @Override
    public boolean progressReported() {
      return progress.isPresent();
    }
  }

  /**
   * A silver table gold has not caught up with.
   *
   * @param table silver table
   * @param goldVersion the version the last refresh read
   * @param silverVersion the newest version visible in silver
   * @param visibleSince when the first version newer than gold's became visible (as far as the
   *     records seen reach back)
   */
  public record Behind(String table, long goldVersion, long silverVersion, Instant visibleSince) {}

  @Override
  public PlaybookStep step() {
    return PlaybookStep.of(12, "Spark Process Job", SERVICE);
  }

  @Override
  public Observation probe(ProbeContext ctx) {
    String container = ctx.config().catalog().require(SERVICE).container();
    Path file = SparkJobLauncher.progressFile(ctx.config(), container);
    ctx.doing("reading " + file);
    Optional<ProcessProgress> progress;
    try {
      progress = ProgressFile.read(file, ProcessProgress.class);
    } catch (UncheckedIOException e) {
      progress = Optional.empty();
    }
    Optional<Watermark> watermark = Optional.empty();
    String watermarkError = "";
    ctx.doing("reading " + GoldSchema.WATERMARK_TABLE + " in postgres-dest");
    try (Connection c = ctx.sql(DestinationCheck.SERVICE);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT refresh_id, refreshed_at, silver_versions::text FROM "
                    + GoldSchema.WATERMARK_TABLE
                    + " ORDER BY refresh_id DESC LIMIT 1")) {
      if (rs.next()) {
        watermark =
            Optional.of(
                new Watermark(
                    rs.getLong(1),
                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                    versions(rs.getString(3))));
      }
    } catch (SQLException | IOException | RuntimeException e) {
      watermarkError = Text.error(e);
    }
    String ingest = ctx.config().catalog().require(IngestJobCheck.SERVICE).container();
    Path visibility = SparkJobLauncher.visibilityLog(ctx.config(), ingest).file();
    List<Visibility> silver = silverRecords(LogFiles.tail(visibility, VISIBILITY_LINES));
    Optional<SparkMasterStatus> master;
    try {
      master = Optional.of(SparkMasterStatus.fetch(ctx));
    } catch (IOException e) {
      master = Optional.empty();
    }
    return new Observation(
        file,
        progress,
        watermark,
        watermarkError,
        silver,
        master,
        ctx.process(SERVICE).logHint(),
        Duration.ofSeconds(Math.max(0, ctx.process(SERVICE).uptimeSeconds())),
        ctx.now());
  }

  private static Map<String, Long> versions(String json) throws IOException {
    return new TreeMap<>(Json.mapper().readValue(json, new TypeReference<Map<String, Long>>() {}));
  }

  /** The silver records among {@code lines} (torn or foreign lines are skipped). */
  static List<Visibility> silverRecords(List<String> lines) {
    List<Visibility> records = new ArrayList<>();
    for (String line : lines) {
      try {
        Visibility v = Json.read(line, Visibility.class);
        if (v.stage() == Stage.SILVER) {
          records.add(v);
        }
      } catch (UncheckedIOException e) {
        // a line cut by the tail's start or a writer mid-line
      }
    }
    return records;
  }

  /**
   * The silver tables gold read at an older version than the newest one seen in silver. Only silver
   * records visible after {@code since} count: a refresh committed at T listed silver after T minus
   * its duration, so an older record with a higher version can only come from a lakehouse that was
   * wiped since ({@code dp down --volumes} keeps the run directory).
   */
  static List<Behind> behind(Map<String, Long> gold, List<Visibility> silver, Instant since) {
    List<Behind> behind = new ArrayList<>();
    List<Visibility> ordered =
        silver.stream()
            .filter(r -> r.visibleAt().isAfter(since))
            .sorted(Comparator.comparing(Visibility::visibleAt))
            .toList();
    for (Map.Entry<String, Long> g : gold.entrySet()) {
      Instant firstNewer = null;
      long newest = g.getValue();
      for (Visibility r : ordered) {
        Visibility.Table t = r.tables().get(g.getKey());
        if (t != null && t.version() > g.getValue()) {
          firstNewer = firstNewer == null ? r.visibleAt() : firstNewer;
          newest = Math.max(newest, t.version());
        }
      }
      if (firstNewer != null) {
        behind.add(new Behind(g.getKey(), g.getValue(), newest, firstNewer));
      }
    }
    return behind;
  }

  @Override
  public Verdict verdict(Observation o, HealthThresholds t) {
    boolean starting = o.uptime().compareTo(t.processStall()) <= 0;
    Optional<Verdict> early = SparkApps.beforeProgress(SERVICE, o, starting);
    if (early.isPresent()) {
      return early.get();
    }
    ProcessProgress p = o.progress().get();
    Duration sinceCheck = Duration.between(p.checkedAt(), o.now());
    Verdict v = judge(o, t, p, sinceCheck);
    v =
        v.with("refreshes", p.refreshes())
            .with("up_to_date", p.upToDate())
            .with("checked_age_seconds", Math.max(0, sinceCheck.toSeconds()))
            .with("waiting_for", p.waitingFor().isEmpty() ? null : p.waitingFor());
    if (o.watermark().isPresent()) {
      Watermark w = o.watermark().get();
      v =
          v.with("watermark_refresh_id", w.refreshId())
              .with("watermark_age_seconds", Text.ageSeconds(w.refreshedAt(), o.now()))
              .with("gold_silver_versions", w.silverVersions())
              .with(
                  "tables_behind_silver",
                  behind(w.silverVersions(), o.silverRecords(), since(w, t)).stream()
                      .map(Behind::table)
                      .toList());
    }
    if (p.lastRefresh() != null) {
      v = v.with("last_refresh_seconds", p.lastRefresh().seconds());
    }
    return v;
  }

  private static Instant since(Watermark w, HealthThresholds t) {
    return w.refreshedAt().minus(t.processStall());
  }

  private static Verdict judge(
      Observation o, HealthThresholds t, ProcessProgress p, Duration sinceCheck) {
    if (sinceCheck.compareTo(t.processStall()) > 0) {
      return p.refreshingTo() != null
          ? Verdict.warn(
              "a gold refresh has been running for " + Text.duration(sinceCheck), o.logHint())
          : Verdict.fail(
              "it has not looked at silver for "
                  + Text.duration(sinceCheck)
                  + " (bound "
                  + Text.duration(t.processStall())
                  + ")",
              o.logHint());
    }
    if (!p.waitingFor().isEmpty()) {
      return Verdict.warn(
          "waiting for silver tables the gold queries read: " + Text.list(p.waitingFor()),
          "the ingest job creates a table with its first change; see step 11");
    }
    if (!o.watermarkError().isEmpty()) {
      return Verdict.fail(
          "cannot read " + GoldSchema.WATERMARK_TABLE + ": " + o.watermarkError(),
          "see step 13 (postgres-dest)");
    }
    if (o.watermark().isEmpty()) {
      return p.refreshingTo() != null
          ? Verdict.pass("the first gold refresh is running")
          : Verdict.warn("no gold refresh committed yet", o.logHint());
    }
    Watermark w = o.watermark().get();
    List<Behind> behind = behind(w.silverVersions(), o.silverRecords(), since(w, t));
    List<Behind> stuck =
        behind.stream()
            .filter(
                b -> Duration.between(b.visibleSince(), o.now()).compareTo(t.processStall()) > 0)
            .toList();
    String refresh =
        "refresh "
            + w.refreshId()
            + " committed "
            + Text.ago(w.refreshedAt(), o.now())
            + (p.lastRefresh() == null
                ? ""
                : String.format(
                    java.util.Locale.ROOT,
                    " (%s, %.1f s)",
                    p.lastRefresh().mode(),
                    p.lastRefresh().seconds()));
    if (!stuck.isEmpty()) {
      Behind b = stuck.get(0);
      return Verdict.fail(
          "gold is behind silver: "
              + b.table()
              + " has version "
              + b.silverVersion()
              + ", gold read "
              + b.goldVersion()
              + ", and a newer version is visible since "
              + Text.ago(b.visibleSince(), o.now())
              + " ("
              + stuck.size()
              + " table(s) behind); last "
              + refresh,
          o.logHint());
    }
    if (!behind.isEmpty()) {
      return Verdict.pass(
          "refreshing: " + behind.size() + " silver table(s) newer than gold; last " + refresh);
    }
    return Verdict.pass(
        "gold up to date with silver (checked "
            + Text.ago(p.checkedAt(), o.now())
            + "); last "
            + refresh
            + "; "
            + p.refreshes()
            + " refresh(es) since it started");
  }
}
