package dev.dp.ingest.spark;

import dev.dp.catalog.SourceTables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Compacts one of the Delta tables the ingest job writes ({@code OPTIMIZE}): small files are
 * rewritten into larger ones, and files with many rows marked deleted lose them. The rows stay the
 * same (the commit has {@code dataChange = false}), and readers pinned to an older version still
 * read its files, which only a {@code VACUUM} would remove.
 */
final class TableCompactor {

  /** The name {@link dev.dp.ingest.CompactionSchedule} knows the bronze table by. */
  static final String BRONZE = "bronze";

  /** The name {@link dev.dp.ingest.CompactionSchedule} knows the quarantine table by. */
  static final String QUARANTINE = "quarantine";

  private TableCompactor() {}

  /** Every table the ingest job writes: bronze, quarantine, then each source table's silver. */
  static List<String> tables() {
    List<String> tables = new ArrayList<>(List.of(BRONZE, QUARANTINE));
    tables.addAll(SourceTables.NAMES);
    return tables;
  }

  /** Compacts {@code table}: {@link #BRONZE}, {@link #QUARANTINE} or a source table's silver. */
  static void compact(SparkSession spark, String table) {
    spark.sql("OPTIMIZE delta.`" + path(table) + "`");
  }

  private static String path(String table) {
    return switch (table) {
      case BRONZE -> IngestTables.bronzePath();
      case QUARANTINE -> IngestTables.quarantinePath();
      default -> IngestTables.silverPath(table);
    };
  }
}
