package dev.dp.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dp.catalog.DpConfig;
import dev.dp.contracts.Freshness;
import dev.dp.contracts.Stage;
import dev.dp.contracts.Visibility;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The freshness figures {@code dp status} shows for a running stack, per stage: the latest (the
 * changes the newest visibility record of the stage made visible) and the changes committed in the
 * last few minutes, both from the jobs' visibility logs, computed as {@code dp bench} does.
 *
 * @param at when the figures were computed
 * @param windowSeconds the length of the recent window
 * @param stages one entry per stage, silver then gold
 * @param note why there are no figures at all (no visibility log yet, unreadable), or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LiveFreshness(Instant at, long windowSeconds, List<StageLive> stages, String note) {

  /** The recent window {@code dp status} uses. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

  public LiveFreshness {
    stages = stages == null ? List.of() : List.copyOf(stages);
  }

  /**
   * One stage's figures.
   *
   * @param stage the stage
   * @param latestBatchId the micro-batch or refresh of the newest record, or null without records
   * @param latestVisibleAt when the newest record was visible, or null
   * @param latest freshness of the changes the newest record made visible
   * @param recent freshness of the changes committed in the window
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record StageLive(
      Stage stage,
      Long latestBatchId,
      Instant latestVisibleAt,
      StageFreshness latest,
      StageFreshness recent) {}

  /** The figures of the stack configured by {@code config}. */
  public static LiveFreshness read(DpConfig config, Instant now) {
    JobFiles jobs = new JobFiles(config);
    try {
      return of(jobs.visibility(), now, WINDOW);
    } catch (UncheckedIOException e) {
      return new LiveFreshness(
          now, WINDOW.toSeconds(), List.of(), "visibility logs unreadable: " + e.getMessage());
    }
  }

  /** The figures from {@code records} at {@code now}, over the last {@code window}. */
  public static LiveFreshness of(List<Visibility> records, Instant now, Duration window) {
    if (records.isEmpty()) {
      return new LiveFreshness(
          now,
          window.toSeconds(),
          List.of(),
          "no visibility records yet (DP_HOME/run/*.visibility.jsonl)");
    }
    Freshness all = new Freshness(records);
    List<StageLive> stages = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      List<Visibility> ofStage =
          records.stream()
              .filter(r -> r.stage() == stage)
              .sorted(Comparator.comparing(Visibility::visibleAt))
              .toList();
      StageFreshness recent =
          StageFreshness.of(
              all.summary(stage, now.minus(window), now),
              "no change committed in the last " + window.toMinutes() + " min is visible yet");
      if (ofStage.isEmpty()) {
        stages.add(
            new StageLive(
                stage, null, null, StageFreshness.noData(stage, "no record yet"), recent));
        continue;
      }
      Visibility newest = ofStage.get(ofStage.size() - 1);
      Visibility previous = ofStage.size() > 1 ? ofStage.get(ofStage.size() - 2) : null;
      List<Visibility> madeVisible =
          stage == Stage.SILVER ? List.of(newest) : newlyInGold(records, newest, previous);
      StageFreshness latest =
          StageFreshness.of(
              new Freshness(madeVisible).summary(stage, Instant.EPOCH, FAR_FUTURE),
              "the newest record made no change visible");
      stages.add(new StageLive(stage, newest.batchId(), newest.visibleAt(), latest, recent));
    }
    return new LiveFreshness(now, window.toSeconds(), stages, null);
  }

  /**
   * The gold record and the silver records it made visible in gold: per table, the silver versions
   * after those the previous gold record read, up to those it read.
   */
  static List<Visibility> newlyInGold(
      List<Visibility> records, Visibility gold, Visibility previous) {
    List<Visibility> out = new ArrayList<>();
    for (Visibility r : records) {
      if (r.stage() != Stage.SILVER) {
        continue;
      }
      Map<String, Visibility.Table> tables = new LinkedHashMap<>();
      r.tables()
          .forEach(
              (table, t) -> {
                Visibility.Table read = gold.tables().get(table);
                Visibility.Table before = previous == null ? null : previous.tables().get(table);
                long after = before == null ? Long.MIN_VALUE : before.version();
                if (read != null && t.version() > after && t.version() <= read.version()) {
                  tables.put(table, t);
                }
              });
      if (!tables.isEmpty()) {
        out.add(new Visibility(r.stage(), r.batchId(), r.visibleAt(), tables));
      }
    }
    out.add(gold);
    return out;
  }
}
