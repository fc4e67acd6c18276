package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.SourceTables;
import dev.dp.stack.DatabaseEndpoint;
import dev.dp.stack.SparkJob;
import dev.dp.stack.SparkJobLauncher;
import dev.dp.stack.SparkJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * spark-job-ingest end to end: after a bounded generator burst and catch-up, every silver table
 * equals its source table, all rows and all columns, compared with SQL over both sides.
 */
@ExtendWith(LocalStack.class)
class IngestSilverIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everySilverTableEqualsItsSourceTable() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    GeneratorRuns.startBurst(stack, 1_500, 0);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));

    Map<String, Long> end = endOffsets(stack);
    Path progress = SparkJobLauncher.progressFile(stack.config(Map.of()), "dp_spark_ingest");
    await("spark-job-ingest has applied every Kafka offset of the burst")
        .atMost(Duration.ofMinutes(20))
        .pollInterval(Duration.ofSeconds(5))
        .until(() -> caughtUp(progress, end));

    DpConfig config = stack.config(Map.of());
    DatabaseEndpoint source = stack.source();
    SparkJob check =
        new SparkJob(
            "dp_it_silver_check",
            "ingest",
            "dev.dp.ingest.spark.SilverCheckJob",
            List.of(source.jdbcUrl(), source.user()),
            Map.of("DP_SOURCE_PASSWORD", source.password()));
    int exit =
        SparkJobs.run(config, check, SparkJobs.ClusterManager.STANDALONE, Duration.ofMinutes(10));
    String log = Files.readString(SparkJobs.log(config, check));
    log.lines().filter(l -> l.startsWith("SILVER CHECK")).forEach(System.out::println);
    assertThat(log).contains("SILVER CHECK PASSED");
    assertThat(exit).isZero();
    for (String table : SourceTables.NAMES) {
      assertThat(log).contains("SILVER CHECK " + table + " EQUAL");
    }
  }

  private static Map<String, Long> endOffsets(LocalStack.Instance stack) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      for (var d :
          admin
              .describeTopics(SourceTables.NAMES.stream().map(SourceTables::topic).toList())
              .allTopicNames()
              .get()
              .values()) {
        d.partitions()
            .forEach(
                i -> request.put(new TopicPartition(d.name(), i.partition()), OffsetSpec.latest()));
      }
      Map<String, Long> out = new HashMap<>();
      for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e :
          admin.listOffsets(request).all().get().entrySet()) {
        out.put(e.getKey().topic() + ":" + e.getKey().partition(), e.getValue().offset());
      }
      return out;
    }
  }

  private static boolean caughtUp(Path progress, Map<String, Long> end) throws Exception {
    if (!Files.isRegularFile(progress)) {
      return false;
    }
    JsonNode next = JSON.readTree(progress.toFile()).path("next_offsets");
    return end.entrySet().stream()
        .allMatch(e -> e.getValue() == 0 || next.path(e.getKey()).asLong(0) >= e.getValue());
  }
}
