package dev.dp.lineage;

import dev.dp.catalog.LakehouseLayout;
import dev.dp.catalog.ServiceCatalog;
import dev.dp.catalog.ServiceSpec;
import dev.dp.catalog.SourceTables;
import dev.dp.process.GoldTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lineage of the whole pipeline, built from code: the source tables of the catalog's source
 * schema, the topics the connector names, the bronze and silver Delta tables the ingest job writes,
 * the gold tables of the gold contract with the silver tables their SQL reads, the gold views with
 * the gold table their DDL reads, and each gold column's source columns ({@link
 * GoldColumnSources}). Pipelines (the connector and the two Spark jobs) are nodes too, and every
 * edge they carry names them.
 *
 * @param nodes every node, in flow order (sources first)
 * @param edges every edge
 * @param goldColumns the lineage of every gold column, in gold table and column order
 */
public record LineageGraph(
    List<LineageNode> nodes, List<LineageEdge> edges, List<GoldColumnLineage> goldColumns) {

  /** The connector's service. */
  public static final String CONNECTOR_SERVICE = "debezium";

  /** The service of the job writing bronze and silver. */
  public static final String INGEST_SERVICE = "spark-job-ingest";

  /** The service of the job writing gold. */
  public static final String PROCESS_SERVICE = "spark-job-process";

  /** The name of the one bronze Delta table (as the ingest job names it). */
  private static final String BRONZE_CHANGES_TABLE = "changes";

  /** The bronze Delta table holding every table's changes, partitioned by source table. */
  public static final String BRONZE_CHANGES = LakehouseLayout.BRONZE + "." + BRONZE_CHANGES_TABLE;

  /** Copies the parts. */
  public LineageGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    goldColumns = List.copyOf(goldColumns);
  }

  /** The graph of the standard pipeline; pipelines are named after their catalog services. */
  public static LineageGraph standard(ServiceCatalog catalog) {
    Map<String, List<String>> sourceColumns = SourceSchemaColumns.standard();
    GoldColumnSources columnSources = GoldColumnSources.standard();
    List<LineageNode> nodes = new ArrayList<>();
    List<LineageEdge> edges = new ArrayList<>();
    String connector = pipeline(nodes, catalog.require(CONNECTOR_SERVICE));
    String ingest = pipeline(nodes, catalog.require(INGEST_SERVICE));
    String process = pipeline(nodes, catalog.require(PROCESS_SERVICE));
    for (String table : SourceTables.NAMES) {
      List<String> columns = sourceColumns.get(table);
      String source = sourceId(table);
      String topic = "topic:" + SourceTables.topic(table);
      String bronze = "bronze:" + table;
      String silver = silverId(table);
      nodes.add(
          new LineageNode(
              source,
              NodeKind.SOURCE_TABLE,
              SourceTables.qualified(table),
              "postgres-source " + SourceTables.DATABASE + "." + SourceTables.qualified(table),
              table,
              columns));
      nodes.add(
          new LineageNode(
              topic,
              NodeKind.TOPIC,
              SourceTables.topic(table),
              "kafka topic " + SourceTables.topic(table) + " (Debezium JSON envelopes)",
              table,
              List.of()));
      nodes.add(
          new LineageNode(
              bronze,
              NodeKind.BRONZE_TABLE,
              LakehouseLayout.BRONZE + "." + table,
              "partition of "
                  + BRONZE_CHANGES
                  + " at hdfs://"
                  + LakehouseLayout.tablePath(LakehouseLayout.BRONZE, BRONZE_CHANGES_TABLE),
              table,
              List.of()));
      nodes.add(
          new LineageNode(
              silver,
              NodeKind.SILVER_TABLE,
              LakehouseLayout.SILVER + "." + table,
              "Delta table "
                  + LakehouseLayout.SILVER
                  + "."
                  + table
                  + "_state at hdfs://"
                  + LakehouseLayout.tablePath(LakehouseLayout.SILVER, table)
                  + " (live rows in the view)",
              table,
              columns));
      edges.add(new LineageEdge(source, topic, connector));
      edges.add(new LineageEdge(topic, bronze, ingest));
      edges.add(new LineageEdge(topic, silver, ingest));
    }
    for (GoldTable gold : GoldTable.values()) {
      String id = goldId(gold);
      nodes.add(
          new LineageNode(
              id,
              NodeKind.GOLD_TABLE,
              gold.qualifiedName(),
              "postgres-dest "
                  + SourceTables.DATABASE
                  + "."
                  + gold.qualifiedName()
                  + ", key "
                  + String.join(", ", gold.keyColumns()),
              null,
              gold.columnNames()));
      for (String table : GoldQueries.silverTablesRead(gold)) {
        edges.add(new LineageEdge(silverId(table), id, process));
      }
    }
    for (Map.Entry<String, GoldTable> view : GoldQueries.viewSources().entrySet()) {
      String id = "view:" + view.getKey();
      nodes.add(
          new LineageNode(
              id,
              NodeKind.GOLD_VIEW,
              view.getKey(),
              "postgres-dest " + SourceTables.DATABASE + "." + view.getKey(),
              null,
              List.of()));
      edges.add(new LineageEdge(goldId(view.getValue()), id, null));
    }
    List<GoldColumnLineage> columns = new ArrayList<>();
    for (GoldTable gold : GoldTable.values()) {
      columns.addAll(columnSources.of(gold));
    }
    return new LineageGraph(nodes, edges, columns);
  }

  /** The id of a source table's node. */
  public static String sourceId(String table) {
    return "source:" + table;
  }

  /** The id of a gold table's node. */
  public static String goldId(GoldTable gold) {
    return "gold:" + gold.tableName();
  }

  private static String silverId(String table) {
    return "silver:" + table;
  }

  private static String pipeline(List<LineageNode> nodes, ServiceSpec service) {
    String id = "pipeline:" + service.service();
    nodes.add(
        new LineageNode(
            id,
            NodeKind.PIPELINE,
            service.service(),
            service.purpose() + " (" + service.container() + ")",
            null,
            List.of()));
    return id;
  }

  /** The node with that id. */
  public Optional<LineageNode> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  /** The nodes of one kind, in flow order. */
  public List<LineageNode> nodes(NodeKind kind) {
    return nodes.stream().filter(n -> n.kind() == kind).toList();
  }

  /** Every node whose data flows into {@code id}, transitively (pipelines not included). */
  public Set<String> upstream(String id) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> todo = new ArrayList<>(List.of(id));
    while (!todo.isEmpty()) {
      String current = todo.remove(todo.size() - 1);
      for (LineageEdge e : edges) {
        if (e.to().equals(current) && seen.add(e.from())) {
          todo.add(e.from());
        }
      }
    }
    return seen;
  }
}
