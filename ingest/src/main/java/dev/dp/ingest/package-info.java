/**
 * The Spark-free core of {@code spark-job-ingest}: what the streaming job calls from {@code
 * foreachBatch} for every Kafka record and every micro-batch.
 *
 * <ol>
 *   <li>{@link dev.dp.ingest.ChangeEnvelopeParser} turns one Kafka record of a Debezium topic into
 *       a {@link dev.dp.ingest.ChangeEvent}, a {@link dev.dp.ingest.Tombstone} (skip) or a {@link
 *       dev.dp.ingest.Quarantined} record (store with its reason; never drop);
 *   <li>{@link dev.dp.ingest.ColumnType} maps each field of the Debezium schema to the Spark SQL
 *       type of its silver column and converts values to what Spark expects;
 *   <li>{@link dev.dp.ingest.BatchFolder} reduces a micro-batch to one {@link
 *       dev.dp.ingest.RowState} per key, and {@link dev.dp.ingest.MergeDecision} holds the rules
 *       (and the SQL of the silver MERGE) for combining a change with the stored row.
 * </ol>
 *
 * <p>Nothing here is specific to one table: the 15 tables come from {@link
 * dev.dp.catalog.SourceTables}, their columns and types from the schema inside each envelope.
 */
package dev.dp.ingest;
