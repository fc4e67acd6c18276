package dev.dp.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ServiceCatalogTest {

  private final ServiceCatalog catalog = ServiceCatalog.standard();
  private final ServiceGraph graph = new ServiceGraph(catalog);

  /** Row = number, service, container, volumes (comma separated, "-" for none). */
  private static final List<String[]> SEED_INVENTORY =
      List.of(
          row("1", "data-generator", "dp_data_generator", "-"),
          row("2", "postgres-source", "dp_postgres_source", "postgres_source_data"),
          row("3", "postgres-dest", "dp_postgres_dest", "postgres_dest_data"),
          row("4", "debezium", "dp_debezium", "-"),
          row("5", "kafka", "dp_kafka", "kafka_data"),
          row("6", "kafka-ui", "dp_kafka_ui", "-"),
          row("7", "spark-master", "dp_spark_master", "-"),
          row("8", "spark-worker", "dp_spark_worker", "-"),
          row("9", "spark-job-ingest", "dp_spark_ingest", "-"),
          row("10", "spark-job-process", "dp_spark_process", "-"),
          row("11", "hms-db", "dp_hms_db", "hms_data"),
          row("12", "hms", "hms", "-"),
          row("13", "hdfs-namenode", "dp_hdfs_namenode", "namenode_data"),
          row("14", "hdfs-datanode", "dp_hdfs_datanode", "datanode_data"),
          row("15", "hdfs-resourcemanager", "dp_hdfs_resourcemanager", "-"),
          row("16", "hdfs-nodemanager", "dp_hdfs_nodemanager", "-"),
          row("17", "openmetadata-mysql", "openmetadata_mysql", "openmetadata-mysql-data"),
          row("18", "openmetadata-elasticsearch", "openmetadata_elasticsearch", "es-data"),
          row("19", "execute-migrate-all", "execute_migrate_all", "-"),
          row("20", "openmetadata-server", "openmetadata_server", "-"),
          row(
              "21",
              "openmetadata-ingestion",
              "openmetadata_ingestion",
              "ingestion-volume-dag-airflow,ingestion-volume-dags,ingestion-volume-tmp"));

  private static String[] row(String... cells) {
    return cells;
  }

  @Test
  void holdsTheTwentyOneSeedServicesWithTheirExactNames() {
    List<ServiceSpec> services = catalog.services();
    assertThat(services).hasSize(21);
    for (int i = 0; i < SEED_INVENTORY.size(); i++) {
      String[] expected = SEED_INVENTORY.get(i);
      ServiceSpec actual = services.get(i);
      assertThat(actual.number()).isEqualTo(Integer.parseInt(expected[0]));
      assertThat(actual.service()).isEqualTo(expected[1]);
      assertThat(actual.container()).isEqualTo(expected[2]);
      List<String> volumes = expected[3].equals("-") ? List.of() : List.of(expected[3].split(","));
      assertThat(actual.volumes()).as(actual.service()).isEqualTo(volumes);
    }
  }

  /**
   * Reads the inventory table of the seed guide itself when the shared docs are beside the
   * checkout, so a rename in either place is caught.
   */
  @Test
  void matchesTheSeedGuideTableWhenItIsPresent() throws IOException {
    Path seedDir = Path.of("..", "..", "shared", "seed").toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(seedDir), "seed guide not beside the checkout");
    List<String[]> rows = new ArrayList<>();
    Pattern row =
        Pattern.compile(
            "^\\|\\s*(\\d+)\\s*\\|[^|]*\\|\\s*`([^`]+)`\\s*\\|\\s*`([^`]+)`\\s*\\|([^|]*)\\|");
    try (Stream<Path> files = Files.list(seedDir)) {
      for (Path f : files.toList()) {
        for (String line : Files.readAllLines(f)) {
          Matcher m = row.matcher(line);
          if (m.find()) {
            rows.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
          }
        }
      }
    }
    assertThat(rows).hasSize(21);
    for (String[] r : rows) {
      ServiceSpec spec = catalog.byService(r[1]).orElseThrow();
      assertThat(spec.number()).isEqualTo(Integer.parseInt(r[0]));
      assertThat(spec.container()).isEqualTo(r[2]);
      List<String> volumes = new ArrayList<>();
      Matcher v = Pattern.compile("`([^`]+)`").matcher(r[3]);
      while (v.find()) {
        volumes.add(v.group(1));
      }
      if (!volumes.isEmpty()) {
        assertThat(spec.volumes()).as(spec.service()).isEqualTo(volumes);
      }
    }
  }

  @Test
  void everyDependencyIsACatalogServiceAndStartOrderPutsDependenciesFirst() {
    for (ServiceSpec s : catalog.services()) {
      for (String dep : s.dependsOn()) {
        assertThat(catalog.byService(dep)).as(s.service() + " -> " + dep).isPresent();
      }
    }
    List<String> order = graph.localStartOrder().stream().map(ServiceSpec::service).toList();
    assertThat(order)
        .contains("postgres-source", "postgres-dest", "hms-db", "kafka", "debezium")
        .contains("data-generator");
    for (ServiceSpec s : graph.localStartOrder()) {
      for (String dep : s.dependsOn()) {
        if (catalog.byService(dep).orElseThrow().runsLocally()) {
          assertThat(order.indexOf(dep))
              .as(dep + " before " + s.service())
              .isLessThan(order.indexOf(s.service()));
        }
      }
    }
  }

  @Test
  void startOrderOfOneServiceBringsItsDependencies() {
    List<String> order =
        graph.startOrder(List.of("debezium")).stream().map(ServiceSpec::service).toList();
    assertThat(order).containsExactlyInAnyOrder("postgres-source", "kafka", "debezium");
    assertThat(order.get(2)).isEqualTo("debezium");
  }

  @Test
  void wavesStartEachServiceAfterEveryDependencyAndAsEarlyAsPossible() {
    List<List<ServiceSpec>> waves = ServiceGraph.startWaves(graph.localStartOrder());
    java.util.Map<String, Integer> waveOf = new java.util.HashMap<>();
    for (int i = 0; i < waves.size(); i++) {
      for (ServiceSpec s : waves.get(i)) {
        waveOf.put(s.service(), i);
      }
    }
    assertThat(waveOf).hasSize(graph.localStartOrder().size());
    for (ServiceSpec s : graph.localStartOrder()) {
      int latestDependency =
          s.dependsOn().stream().filter(waveOf::containsKey).mapToInt(waveOf::get).max().orElse(-1);
      assertThat(waveOf.get(s.service())).as(s.service()).isEqualTo(latestDependency + 1);
    }
    assertThat(waves.get(0).stream().map(ServiceSpec::service))
        .contains("postgres-source", "kafka", "hdfs-namenode");
  }

  @Test
  void findsByServiceOrContainerAndNamesTheChoicesOnATypo() {
    assertThat(catalog.require("dp_kafka").service()).isEqualTo("kafka");
    assertThat(catalog.require("hms").container()).isEqualTo("hms");
    assertThatThrownBy(() -> catalog.require("kafak"))
        .hasMessageContaining("unknown service or container 'kafak'")
        .hasMessageContaining("postgres-source");
  }

  @Test
  void servicesNotRunLocallySayWhy() {
    for (ServiceSpec s : catalog.services()) {
      if (!s.runsLocally()) {
        assertThat(s.availabilityNote()).as(s.service()).isNotBlank();
      } else {
        assertThat(s.launchKind()).as(s.service()).isNotEqualTo(LaunchKind.NONE);
      }
    }
  }

  @Test
  void theLocalTwinRunsSixteenServicesTheConsoleAmongThem() {
    List<String> local =
        catalog.services().stream()
            .filter(ServiceSpec::runsLocally)
            .map(ServiceSpec::service)
            .toList();
    assertThat(local).hasSize(16).contains("kafka-ui");
    assertThat(catalog.require("kafka-ui").launchKind()).isEqualTo(LaunchKind.KAFKA_UI);
    assertThat(catalog.require("kafka-ui").dependsOn()).containsExactly("kafka", "debezium");
    assertThat(catalog.services().stream().filter(s -> s.availability() == Availability.PLANNED))
        .as("services neither local nor compose-only")
        .isEmpty();
  }

  @Test
  void portsAreUniqueAndShiftWithTheOffset() {
    List<Integer> ports =
        catalog.services().stream()
            .flatMap(s -> s.ports().stream())
            .map(PortSpec::basePort)
            .toList();
    assertThat(ports).doesNotHaveDuplicates();
    assertThat(catalog.require("kafka").port("broker").port(20000)).isEqualTo(29092);
  }

  @Test
  void thePortOffsetRangeKeepsTheHighestCatalogPortBelow65536() {
    int highest = catalog.highestBasePort();
    assertThat(highest).isEqualTo(ports().stream().mapToInt(Integer::intValue).max().orElseThrow());
    assertThat(DpSettings.PORT_OFFSET.parser().apply(Integer.toString(65535 - highest)))
        .isEqualTo(65535 - highest);
    assertThatThrownBy(
            () -> DpSettings.PORT_OFFSET.parser().apply(Integer.toString(65536 - highest)))
        .hasMessageContaining("outside the allowed range 0.." + (65535 - highest));
  }

  @Test
  void stopOrderIsTheStartOrderReversed() {
    List<ServiceSpec> stop = new ArrayList<>(graph.stopOrder());
    java.util.Collections.reverse(stop);
    assertThat(stop).isEqualTo(graph.localStartOrder());
  }

  @Test
  void aDependencyCycleIsReported() {
    ServiceCatalog cyclic =
        ServiceCatalog.of(List.of(local(1, "a", "b"), local(2, "b", "c"), local(3, "c", "a")));
    assertThatThrownBy(() -> new ServiceGraph(cyclic).localStartOrder())
        .hasMessageContaining("dependency cycle");
  }

  /** A minimal local service depending on {@code dependsOn}. */
  static ServiceSpec local(int number, String service, String... dependsOn) {
    return new ServiceSpec(
        number,
        service,
        "dp_" + service,
        Layer.COMPUTE,
        List.of(),
        List.of(),
        List.of(dependsOn),
        "ready",
        "test",
        Availability.LOCAL,
        "",
        LaunchKind.KAFKA,
        false,
        java.util.Optional.empty());
  }

  private List<Integer> ports() {
    return catalog.services().stream()
        .flatMap(s -> s.ports().stream())
        .map(PortSpec::basePort)
        .toList();
  }
}
