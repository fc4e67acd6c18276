package dev.dp.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.ServiceCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 18 steps: the seed guide's numbering, names and order, mapped onto catalog services. */
class PlaybookTest {

  private static final ServiceCatalog CATALOG = ServiceCatalog.standard();

  @Test
  void theEighteenStepsInTheGuidesOrder() {
    List<PlaybookStep> steps = HealthChecks.standard().stream().map(HealthCheck::step).toList();
    assertThat(steps)
        .extracting(PlaybookStep::number)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);
    assertThat(steps)
        .extracting(PlaybookStep::service)
        .containsExactly(
            "data-generator",
            "postgres-source",
            "kafka",
            "debezium",
            "kafka-ui",
            "hdfs-namenode",
            "hms-db",
            "hms",
            "spark-master",
            "spark-worker",
            "spark-job-ingest",
            "spark-job-process",
            "postgres-dest",
            "openmetadata-mysql",
            "openmetadata-elasticsearch",
            "execute-migrate-all",
            "openmetadata-server",
            "openmetadata-ingestion");
    assertThat(steps.get(5).alsoCovers()).containsExactly("hdfs-datanode");
    assertThat(steps).extracting(PlaybookStep::title).contains("Kafka UI", "Hive Metastore DB");
    steps.forEach(s -> s.services().forEach(CATALOG::require));
  }

  @Test
  void stepsDependOnTheStepsOfTheServicesTheirServicesDependOn() {
    StepGraph graph =
        new StepGraph(CATALOG, HealthChecks.standard().stream().map(HealthCheck::step).toList());
    assertThat(graph.dependencies(1)).as("generator").containsExactly(2, 4);
    assertThat(graph.dependencies(4)).as("debezium").containsExactly(2, 3);
    assertThat(graph.dependencies(6)).as("hdfs, its datanode inside").isEmpty();
    assertThat(graph.dependencies(8)).as("hms").containsExactly(6, 7);
    assertThat(graph.dependencies(10)).as("worker").containsExactly(9);
    assertThat(graph.dependencies(11)).as("ingest").containsExactly(3, 4, 6, 8, 10);
    assertThat(graph.dependencies(12)).as("process").containsExactly(11, 13);
    assertThat(graph.dependencies(17)).as("openmetadata server").containsExactly(16);
  }
}
