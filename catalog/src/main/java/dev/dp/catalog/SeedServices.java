package dev.dp.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The 21 services of the seed guide as data: names, volumes, ports, dependencies, readiness and how
 * the local twin runs each. {@link ServiceCatalog#standard()} is the way to hold them; this class
 * only keeps the table readable.
 */
final class SeedServices {

  private static final String OPENMETADATA_COMPOSE_ONLY =
      "OpenMetadata ships no server artifact on Maven Central; runs in the compose deployment,"
          + " lineage is kept by dp locally";

  private SeedServices() {}

  /** The services in the seed guide's order. */
  static List<ServiceSpec> all() {
    List<ServiceSpec> s = new ArrayList<>();
    s.add(
        svc(1, "data-generator", "dp_data_generator", Layer.SOURCE)
            .depends("postgres-source", "debezium")
            .readiness("reference data seeded in postgres-source (or the bounded run finished)")
            .purpose("Generate the JADC2 change workload and write it to postgres-source")
            .local(LaunchKind.DATA_GENERATOR)
            .job()
            .build());
    s.add(
        svc(2, "postgres-source", "dp_postgres_source", Layer.SOURCE)
            .volumes("postgres_source_data")
            .ports(new PortSpec("postgres", 5433))
            .readiness("accepts SQL as admin on jadc2_db with wal_level=logical")
            .purpose("OLTP source database")
            .local(LaunchKind.POSTGRES)
            .database(new DatabaseSpec("admin", "jadc2_db", DpSettings.SOURCE_PASSWORD, true))
            .build());
    s.add(
        svc(3, "postgres-dest", "dp_postgres_dest", Layer.DESTINATION)
            .volumes("postgres_dest_data")
            .ports(new PortSpec("postgres", 5434))
            .readiness("accepts SQL as admin on jadc2_db")
            .purpose("Final serving database (gold tables and views)")
            .local(LaunchKind.POSTGRES)
            .database(new DatabaseSpec("admin", "jadc2_db", DpSettings.DEST_PASSWORD, false))
            .build());
    s.add(
        svc(4, "debezium", "dp_debezium", Layer.CDC)
            .ports(new PortSpec("rest", 8083))
            .depends("kafka", "postgres-source")
            .readiness("Connect REST answers and postgres-connector and all its tasks are RUNNING")
            .purpose("Capture postgres-source changes (Kafka Connect + Debezium PostgreSQL)")
            .local(LaunchKind.KAFKA_CONNECT)
            .build());
    s.add(
        svc(5, "kafka", "dp_kafka", Layer.MESSAGING)
            .volumes("kafka_data")
            .ports(new PortSpec("broker", 9092), new PortSpec("controller", 9093))
            .readiness("an admin client sees the KRaft cluster with one broker")
            .purpose("Event streaming backbone (KRaft, no ZooKeeper)")
            .local(LaunchKind.KAFKA)
            .build());
    s.add(
        svc(6, "kafka-ui", "dp_kafka_ui", Layer.UI)
            .ports(new PortSpec("http", 8085))
            .depends("kafka", "debezium")
            .readiness("console answers HTTP and lists the topics")
            .purpose("Inspect Kafka topics and messages (dp console)")
            .local(LaunchKind.KAFKA_UI)
            .build());
    s.add(
        svc(7, "spark-master", "dp_spark_master", Layer.COMPUTE)
            .ports(new PortSpec("rpc", 7077), new PortSpec("ui", 8082))
            .readiness("master answers its JSON status")
            .purpose("Spark cluster master")
            .local(LaunchKind.SPARK_MASTER)
            .build());
    s.add(
        svc(8, "spark-worker", "dp_spark_worker", Layer.COMPUTE)
            .ports(new PortSpec("ui", 8081))
            .depends("spark-master")
            .readiness("worker registered ALIVE with the master")
            .purpose("Spark worker node")
            .local(LaunchKind.SPARK_WORKER)
            .build());
    s.add(
        svc(9, "spark-job-ingest", "dp_spark_ingest", Layer.COMPUTE)
            .depends("kafka", "debezium", "spark-worker", "hms", "hdfs-datanode")
            .readiness("its streaming query runs (progress in DP_HOME/run)")
            .purpose("Kafka -> Delta Lake bronze and silver ingestion")
            .local(LaunchKind.SPARK_INGEST_JOB)
            .build());
    s.add(
        svc(10, "spark-job-process", "dp_spark_process", Layer.COMPUTE)
            .depends("spark-job-ingest", "postgres-dest")
            .readiness("last refresh committed to postgres-dest")
            .purpose("Delta Lake silver -> gold tables in postgres-dest")
            .local(LaunchKind.SPARK_PROCESS_JOB)
            .build());
    s.add(
        svc(11, "hms-db", "dp_hms_db", Layer.METADATA)
            .volumes("hms_data")
            .ports(new PortSpec("postgres", 5435))
            .readiness("accepts SQL as hive on metastore")
            .purpose("Hive Metastore database")
            .local(LaunchKind.POSTGRES)
            .database(new DatabaseSpec("hive", "metastore", DpSettings.HMS_PASSWORD, false))
            .build());
    s.add(
        svc(12, "hms", "hms", Layer.METADATA)
            .ports(new PortSpec("thrift", 9083))
            .depends("hms-db", "hdfs-datanode")
            .readiness("schema initialized once; a thrift client lists databases")
            .purpose("Hive Metastore service")
            .local(LaunchKind.HIVE_METASTORE)
            .build());
    s.add(
        svc(13, "hdfs-namenode", "dp_hdfs_namenode", Layer.STORAGE)
            .volumes("namenode_data")
            .ports(
                new PortSpec("rpc", 9000),
                new PortSpec("ui", 9870),
                // Not run locally, but hdfs-site names its address: keep the port reserved.
                new PortSpec("secondary-http", 9868))
            .readiness("namenode answers its JMX status")
            .purpose("HDFS namespace")
            .local(LaunchKind.HDFS_NAMENODE)
            .build());
    s.add(
        svc(14, "hdfs-datanode", "dp_hdfs_datanode", Layer.STORAGE)
            .volumes("datanode_data")
            .ports(
                new PortSpec("data", 9866),
                new PortSpec("http", 9864),
                new PortSpec("ipc", 9867),
                new PortSpec("internal-proxy", 9865))
            .depends("hdfs-namenode")
            .readiness("datanode live in the namenode's report and safe mode off")
            .purpose("HDFS data blocks")
            .local(LaunchKind.HDFS_DATANODE)
            .build());
    s.add(
        svc(15, "hdfs-resourcemanager", "dp_hdfs_resourcemanager", Layer.RESOURCE)
            .ports(
                new PortSpec("http", 8088),
                new PortSpec("scheduler", 8030),
                new PortSpec("resource-tracker", 8031),
                new PortSpec("client", 8032),
                new PortSpec("admin", 8033))
            .depends("hdfs-datanode")
            .readiness("resource manager STARTED in its REST API")
            .purpose("YARN ResourceManager")
            .local(LaunchKind.YARN_RESOURCEMANAGER)
            .build());
    s.add(
        svc(16, "hdfs-nodemanager", "dp_hdfs_nodemanager", Layer.RESOURCE)
            .ports(
                new PortSpec("http", 8042),
                new PortSpec("localizer", 8040),
                new PortSpec("container-manager", 8041))
            .depends("hdfs-resourcemanager")
            .readiness("node manager registered and RUNNING in the resource manager")
            .purpose("YARN NodeManager")
            .local(LaunchKind.YARN_NODEMANAGER)
            .build());
    s.add(
        svc(17, "openmetadata-mysql", "openmetadata_mysql", Layer.OBSERVABILITY)
            .volumes("openmetadata-mysql-data")
            .readiness("mysql answers SHOW DATABASES")
            .purpose("OpenMetadata database")
            .composeOnly(OPENMETADATA_COMPOSE_ONLY)
            .build());
    s.add(
        svc(18, "openmetadata-elasticsearch", "openmetadata_elasticsearch", Layer.OBSERVABILITY)
            .volumes("es-data")
            .readiness("cluster health green or yellow")
            .purpose("Metadata search")
            .composeOnly(OPENMETADATA_COMPOSE_ONLY)
            .build());
    s.add(
        svc(19, "execute-migrate-all", "execute_migrate_all", Layer.OBSERVABILITY)
            .depends("openmetadata-mysql", "openmetadata-elasticsearch")
            .readiness("migration exited with code 0")
            .purpose("OpenMetadata schema migration")
            .composeOnly(OPENMETADATA_COMPOSE_ONLY)
            .job()
            .build());
    s.add(
        svc(20, "openmetadata-server", "openmetadata_server", Layer.OBSERVABILITY)
            .ports(new PortSpec("http", 8585), new PortSpec("admin", 8586))
            .depends("execute-migrate-all")
            .readiness("/healthcheck answers {\"status\":\"UP\"}")
            .purpose("OpenMetadata API and UI")
            .composeOnly(OPENMETADATA_COMPOSE_ONLY)
            .build());
    s.add(
        svc(21, "openmetadata-ingestion", "openmetadata_ingestion", Layer.OBSERVABILITY)
            .volumes(
                "ingestion-volume-dag-airflow", "ingestion-volume-dags", "ingestion-volume-tmp")
            .depends("openmetadata-server")
            .readiness("airflow lists the ingestion DAGs")
            .purpose("Metadata ingestion and lineage (Airflow)")
            .composeOnly(OPENMETADATA_COMPOSE_ONLY)
            .build());
    return List.copyOf(s);
  }

  private static Builder svc(int number, String service, String container, Layer layer) {
    return new Builder(number, service, container, layer);
  }

  /** Keeps the catalog table above readable; not part of the public contract. */
  private static final class Builder {
    private final int number;
    private final String service;
    private final String container;
    private final Layer layer;
    private List<String> volumes = List.of();
    private List<PortSpec> ports = List.of();
    private List<String> dependsOn = List.of();
    private String readiness = "";
    private String purpose = "";
    private Availability availability = Availability.PLANNED;
    private String note = "";
    private LaunchKind launchKind = LaunchKind.NONE;
    private boolean job;
    private DatabaseSpec database;

    Builder(int number, String service, String container, Layer layer) {
      this.number = number;
      this.service = service;
      this.container = container;
      this.layer = layer;
    }

    Builder volumes(String... v) {
      volumes = List.of(v);
      return this;
    }

    Builder ports(PortSpec... p) {
      ports = List.of(p);
      return this;
    }

    Builder depends(String... d) {
      dependsOn = List.of(d);
      return this;
    }

    Builder readiness(String r) {
      readiness = r;
      return this;
    }

    Builder purpose(String p) {
      purpose = p;
      return this;
    }

    Builder local(LaunchKind kind) {
      availability = Availability.LOCAL;
      launchKind = kind;
      return this;
    }

    Builder planned(String why) {
      availability = Availability.PLANNED;
      note = why;
      return this;
    }

    Builder composeOnly(String why) {
      availability = Availability.COMPOSE_ONLY;
      note = why;
      return this;
    }

    Builder job() {
      job = true;
      return this;
    }

    Builder database(DatabaseSpec db) {
      database = db;
      return this;
    }

    ServiceSpec build() {
      return new ServiceSpec(
          number,
          service,
          container,
          layer,
          volumes,
          ports,
          dependsOn,
          readiness,
          purpose,
          availability,
          note,
          launchKind,
          job,
          Optional.ofNullable(database));
    }
  }
}
