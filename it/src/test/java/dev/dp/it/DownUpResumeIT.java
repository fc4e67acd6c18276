package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.stack.Supervisor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dp down} then {@code dp up} keeps the data: the generator resumes without re-seeding, the
 * connector continues from its offsets (the topics still rebuild the source exactly), HDFS keeps
 * its files and the metastore its tables.
 */
@ExtendWith(LocalStack.class)
class DownUpResumeIT {

  @TempDir Path tmp;

  @Test
  void downThenUpResumesWithoutLossOrReseeding() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    GeneratorRuns.startBurst(stack, 500, 0);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(3));
    long regionsBefore = count(stack, "regions");
    long changesBefore = GeneratorRuns.changesApplied(stack);
    Path marker = tmp.resolve("marker.txt");
    Files.writeString(marker, "kept across dp down " + System.nanoTime());
    assertThat(
            Lakehouse.hdfs(stack, "dfs", "-put", "-f", marker.toString(), "/it/marker.txt")
                .exitCode())
        .isZero();
    Map<String, Integer> metastoreBefore = Lakehouse.metastoreTableCounts(stack);
    assertThat(metastoreBefore)
        .as("LakehouseIT (run before) left tables in silver")
        .containsKey("silver");

    Supervisor supervisor = stack.supervisor(Map.of());
    supervisor.down(false);
    assertThat(supervisor.status())
        .allSatisfy(s -> assertThat(s.pid()).as(s.service()).isEqualTo(-1L));
    supervisor.up(stack.servicesWithoutGenerator());

    GeneratorRuns.startBurst(stack, 500, 0);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(3));
    assertThat(GeneratorRuns.changesApplied(stack)).isEqualTo(changesBefore + 500);
    assertThat(count(stack, "regions"))
        .as("reference data is not seeded twice")
        .isEqualTo(regionsBefore);

    try (TopicMaterializer topics = new TopicMaterializer(stack.bootstrapServers())) {
      CdcAssertions.awaitTopicsEqualSource(stack, topics, Duration.ofMinutes(3));
    }
  }

  private static long count(LocalStack.Instance stack, String table) throws Exception {
    try (Connection c = stack.source().connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM public." + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
