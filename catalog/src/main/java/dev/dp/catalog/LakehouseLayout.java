package dev.dp.catalog;

/**
 * Where the lakehouse keeps things on HDFS: Delta tables at {@code /data/delta/<layer>/<table>},
 * the Hive warehouse at {@code /user/hive/warehouse}. Layers are also the metastore databases.
 */
public final class LakehouseLayout {

  /** Raw change events, append-only. */
  public static final String BRONZE = "bronze";

  /** Current state of each source table. */
  public static final String SILVER = "silver";

  /** Root of all Delta tables. */
  public static final String DELTA_ROOT = "/data/delta";

  /** The metastore's managed warehouse. */
  public static final String WAREHOUSE = "/user/hive/warehouse";

  /** Prefix of the bookkeeping columns dp adds to silver tables; user columns never have it. */
  public static final String SYSTEM_COLUMN_PREFIX = "_dp_";

  /** The silver column marking a tombstone (a key deleted in the source). */
  public static final String SILVER_DELETED = SYSTEM_COLUMN_PREFIX + "deleted";

  private LakehouseLayout() {}

  /** The HDFS path of a Delta table, e.g. {@code /data/delta/silver/regions}. */
  public static String tablePath(String layer, String table) {
    return DELTA_ROOT + "/" + layer + "/" + table;
  }
}
