package dev.dp.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.ServiceCatalog;
import dev.dp.catalog.SourceTables;
import dev.dp.process.GoldSchema;
import dev.dp.process.GoldTable;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LineageGraphTest {

  private final LineageGraph graph = LineageGraph.standard(ServiceCatalog.standard());

  @Test
  void holdsTheFifteenSourceTablesTheirTopicsBronzeAndSilverTheJobsAndGold() {
    assertThat(graph.nodes(NodeKind.SOURCE_TABLE)).hasSize(15);
    assertThat(graph.nodes(NodeKind.TOPIC).stream().map(LineageNode::name))
        .containsExactlyElementsOf(SourceTables.topics());
    assertThat(graph.nodes(NodeKind.BRONZE_TABLE)).hasSize(15);
    assertThat(graph.nodes(NodeKind.SILVER_TABLE)).hasSize(15);
    assertThat(graph.nodes(NodeKind.PIPELINE).stream().map(LineageNode::name))
        .containsExactly("debezium", "spark-job-ingest", "spark-job-process");
    assertThat(graph.nodes(NodeKind.GOLD_TABLE)).hasSize(5);
    assertThat(graph.nodes(NodeKind.GOLD_VIEW).stream().map(LineageNode::name))
        .containsExactlyElementsOf(GoldSchema.VIEWS);
    Set<String> ids = new HashSet<>();
    graph.nodes().forEach(n -> assertThat(ids.add(n.id())).as("unique id " + n.id()).isTrue());
  }

  @Test
  void everyEdgeJoinsTwoNodesAndNamesItsPipeline() {
    Set<String> ids = graph.nodes().stream().map(LineageNode::id).collect(Collectors.toSet());
    for (LineageEdge e : graph.edges()) {
      assertThat(ids).as(e.toString()).contains(e.from(), e.to());
      if (e.via() != null) {
        assertThat(graph.node(e.via()).orElseThrow().kind()).isEqualTo(NodeKind.PIPELINE);
      } else {
        assertThat(graph.node(e.to()).orElseThrow().kind()).isEqualTo(NodeKind.GOLD_VIEW);
      }
    }
  }

  @Test
  void aGoldViewTracesBackToTheSourceTablesOfItsGoldTable() {
    Set<String> upstream = graph.upstream("view:gold.unresolved_critical_alerts");
    assertThat(upstream)
        .contains(
            LineageGraph.goldId(GoldTable.ALERTS_WITH_COMMANDS),
            "silver:alerts",
            "topic:jadc2_db.public.commands",
            LineageGraph.sourceId("users"))
        .doesNotContain(LineageGraph.sourceId("weapons"));
  }

  @Test
  void everySourceTableReachesSilverAndEveryGoldTableHasColumnLineage() {
    for (LineageNode source : graph.nodes(NodeKind.SOURCE_TABLE)) {
      assertThat(graph.upstream("silver:" + source.sourceTable())).contains(source.id());
      assertThat(source.columns()).contains("id");
    }
    for (GoldTable gold : GoldTable.values()) {
      assertThat(graph.goldColumns().stream().filter(c -> c.goldTable().equals(gold.tableName())))
          .hasSize(gold.columns().size());
    }
  }
}
