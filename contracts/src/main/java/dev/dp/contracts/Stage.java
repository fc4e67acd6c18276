package dev.dp.contracts;

/** A stage of the pipeline where source changes become visible to readers. */
public enum Stage {
  /** A silver Delta commit of {@code spark-job-ingest}. */
  SILVER,
  /** A gold transaction of {@code spark-job-process} in {@code postgres-dest}. */
  GOLD
}
