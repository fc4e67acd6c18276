package dev.dp.ingest;

/**
 * The bookkeeping columns silver tables carry next to the source columns. The {@code _dp_} prefix
 * keeps them apart from source columns.
 */
public final class SilverColumns {

  /**
   * {@code STRING}: the {@link SourcePosition#sortKey()} of the last change the row reflects
   * ({@link RowState#sequence()}). The MERGE guard compares it ({@link
   * MergeDecision#guardCondition}).
   */
  public static final String SEQUENCE = "_dp_sequence";

  /**
   * {@code BOOLEAN}: the key was deleted in the source. The row stays as a tombstone so that an
   * older change replayed later cannot bring the key back; readers see rows with {@code false}
   * only.
   */
  public static final String DELETED = dev.dp.catalog.LakehouseLayout.SILVER_DELETED;

  /** Spark SQL type of {@link #SEQUENCE}. */
  public static final String SEQUENCE_TYPE = "STRING";

  /** Spark SQL type of {@link #DELETED}. */
  public static final String DELETED_TYPE = "BOOLEAN";

  private SilverColumns() {}
}
