package dev.dp.ingest.spark;

import dev.dp.catalog.LakehouseLayout;

/** Names and paths of what the ingest job writes, for one source table. */
final class IngestTables {

  /** Metastore database and HDFS layer of rejected events. */
  static final String QUARANTINE_DB = "quarantine";

  private IngestTables() {}

  /** The one bronze Delta table of all source tables, partitioned by source table. */
  static String bronzeTable() {
    return LakehouseLayout.BRONZE + ".changes";
  }

  static String bronzePath() {
    return LakehouseLayout.tablePath(LakehouseLayout.BRONZE, "changes");
  }

  /** One source table's bronze changes: a view of its partition of {@link #bronzeTable()}. */
  static String bronzeView(String table) {
    return LakehouseLayout.BRONZE + "." + table;
  }

  /** The silver Delta table itself: live rows, tombstones and the sequence columns. */
  static String silverStateTable(String table) {
    return LakehouseLayout.SILVER + "." + table + "_state";
  }

  /** What users query: live rows only, source columns only. */
  static String silverView(String table) {
    return LakehouseLayout.SILVER + "." + table;
  }

  static String silverPath(String table) {
    return LakehouseLayout.tablePath(LakehouseLayout.SILVER, table);
  }

  static String quarantineTable() {
    return QUARANTINE_DB + ".events";
  }

  static String quarantinePath() {
    return LakehouseLayout.tablePath(QUARANTINE_DB, "events");
  }
}
