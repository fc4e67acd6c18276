package dev.dp.lineage;

/** What a node of the lineage graph is, in the order data flows through them. */
public enum NodeKind {
  /** A table of {@code jadc2_db.public} in postgres-source. */
  SOURCE_TABLE,
  /** The Kafka topic Debezium writes a table's changes to. */
  TOPIC,
  /** A pipeline that moves data: the Debezium connector or a Spark job. */
  PIPELINE,
  /** One table's raw changes in bronze (a partition of {@code bronze.changes}). */
  BRONZE_TABLE,
  /** One table's current state in silver. */
  SILVER_TABLE,
  /** A gold table in postgres-dest. */
  GOLD_TABLE,
  /** A view over a gold table in postgres-dest. */
  GOLD_VIEW
}
