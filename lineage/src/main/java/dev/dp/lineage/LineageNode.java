package dev.dp.lineage;

import java.util.List;

/**
 * A dataset or pipeline of the lineage graph.
 *
 * @param id stable identifier, {@code <kind prefix>:<name>}, e.g. {@code
 *     topic:jadc2_db.public.alerts}
 * @param kind what it is
 * @param name the name people know it by, e.g. {@code silver.alerts}
 * @param location where it lives, e.g. {@code hdfs:///data/delta/silver/alerts} or {@code
 *     postgres-source jadc2_db.public.alerts}
 * @param sourceTable the source table whose data it carries (source, topic, bronze, silver), or
 *     null for pipelines and gold
 * @param columns its columns where dp knows them (source and silver: the source columns; gold: the
 *     contract's), otherwise empty
 */
public record LineageNode(
    String id,
    NodeKind kind,
    String name,
    String location,
    String sourceTable,
    List<String> columns) {

  /** Copies the columns. */
  public LineageNode {
    columns = List.copyOf(columns);
  }
}
