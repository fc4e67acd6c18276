package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.stack.SparkJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HDFS, the Hive Metastore, Spark standalone and YARN together: files round-trip through HDFS, and
 * a Spark job creates a Delta table on HDFS through the metastore on either cluster manager.
 */
@ExtendWith(LocalStack.class)
class LakehouseIT {

  @TempDir Path tmp;

  @Test
  void aFileWrittenToHdfsReadsBackTheSame() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    String content = "dp lakehouse it " + System.nanoTime();
    Path local = tmp.resolve("probe.txt");
    Files.writeString(local, content);

    assertThat(Lakehouse.hdfs(stack, "dfs", "-mkdir", "-p", "/it").exitCode()).isZero();
    assertThat(
            Lakehouse.hdfs(stack, "dfs", "-put", "-f", local.toString(), "/it/probe.txt")
                .exitCode())
        .isZero();
    Lakehouse.Result cat = Lakehouse.hdfs(stack, "dfs", "-cat", "/it/probe.txt");
    assertThat(cat.exitCode()).isZero();
    assertThat(cat.output().trim()).isEqualTo(content);

    Lakehouse.Result report = Lakehouse.hdfs(stack, "dfsadmin", "-report");
    assertThat(report.output()).contains("Live datanodes (1)");
  }

  @ParameterizedTest
  @EnumSource(SparkJobs.ClusterManager.class)
  void aSparkJobCreatesADeltaTableOnHdfsThroughTheMetastore(SparkJobs.ClusterManager manager)
      throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    String table = "it_smoke_" + manager.name().toLowerCase();

    String log = Lakehouse.runSmokeJob(stack, table, manager);
    assertThat(log).contains("wrote 250 rows, read back 250");

    Map<String, String> entry = Lakehouse.metastoreEntry(stack, "silver", table);
    assertThat(entry)
        .as("silver.%s in the metastore's TBLS/SDS/params", table)
        .containsEntry("type", "EXTERNAL_TABLE")
        .containsEntry("provider", "delta");
    assertThat(entry.get("path")).endsWith("/data/delta/silver/" + table);
    assertThat(entry.get("location")).contains("__PLACEHOLDER__");

    Lakehouse.Result deltaLog =
        Lakehouse.hdfs(stack, "dfs", "-ls", "/data/delta/silver/" + table + "/_delta_log");
    assertThat(deltaLog.exitCode()).isZero();
    assertThat(deltaLog.output()).contains("00000000000000000000.json");
  }
}
