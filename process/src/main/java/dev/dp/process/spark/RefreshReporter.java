package dev.dp.process.spark;

import dev.dp.contracts.ProcessProgress;
import dev.dp.contracts.ProgressFile;
import dev.dp.contracts.Stage;
import dev.dp.contracts.Visibility;
import dev.dp.contracts.VisibilityLog;
import dev.dp.process.GoldRows;
import dev.dp.process.GoldTable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the job's {@link ProcessProgress} file up to date after every check of silver, and appends
 * a {@link Visibility} record for every committed refresh. The watermark in {@code postgres-dest}
 * stays the source of truth.
 */
final class RefreshReporter {

  private final Path file;
  private final VisibilityLog visibility;
  private long refreshes;
  private ProcessProgress.Refresh lastRefresh;

  RefreshReporter(Path file, VisibilityLog visibility) {
    this.file = file;
    this.visibility = visibility;
  }

  /** Silver has tables the gold queries need that the ingest job has not created yet. */
  void waiting(Instant listedAt, Collection<String> missingTables) {
    write(false, listedAt, List.copyOf(missingTables), null, null);
  }

  /**
   * Gold reflects these silver versions, listed at {@code listedAt}: gold is up to date with every
   * silver commit before that instant (not with commits during a refresh that followed).
   */
  void upToDate(Instant listedAt, Map<String, Long> versions) {
    write(true, listedAt, List.of(), versions, null);
  }

  /** A refresh towards these versions has begun (gold is not up to date until it commits). */
  void refreshing(Instant listedAt, Map<String, Long> versions) {
    write(false, listedAt, List.of(), null, versions);
  }

  /** A refresh committed at {@code committedAt}. */
  void refreshed(
      Instant listedAt,
      Instant committedAt,
      Map<String, Long> versions,
      Map<GoldTable, GoldRows.Diff> diffs,
      String mode,
      double seconds) {
    Map<String, ProcessProgress.TableChange> tables = new TreeMap<>();
    diffs.forEach(
        (t, d) ->
            tables.put(
                t.tableName(),
                new ProcessProgress.TableChange(
                    d.upserts().size(), d.deletes().size(), d.unchanged())));
    lastRefresh = new ProcessProgress.Refresh(committedAt, seconds, mode, tables);
    Map<String, Visibility.Table> read = new TreeMap<>();
    versions.forEach((t, v) -> read.put(t, new Visibility.Table(v, List.of())));
    visibility.append(new Visibility(Stage.GOLD, refreshes, committedAt, read));
    refreshes++;
    upToDate(listedAt, versions);
  }

  private void write(
      boolean upToDate,
      Instant listedAt,
      List<String> waitingFor,
      Map<String, Long> silverVersions,
      Map<String, Long> refreshingTo) {
    ProgressFile.write(
        file,
        new ProcessProgress(
            refreshes - 1,
            refreshes,
            listedAt,
            upToDate,
            waitingFor,
            silverVersions,
            refreshingTo,
            lastRefresh));
  }
}
