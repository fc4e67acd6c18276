package dev.dp.health.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.SourceTables;
import dev.dp.health.Fixtures;
import dev.dp.health.Status;
import dev.dp.health.Verdict;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceDatabaseCheckTest {

  private static Map<String, Long> allTables() {
    Map<String, Long> counts = new LinkedHashMap<>();
    SourceTables.NAMES.forEach(t -> counts.put(t, 10L));
    return counts;
  }

  private static Verdict verdict(
      String walLevel, Map<String, Long> counts, long changed, boolean generatorRunning) {
    return new SourceDatabaseCheck()
        .verdict(
            new SourceDatabaseCheck.Observation(
                "",
                walLevel,
                10,
                10,
                counts,
                100,
                100 + changed,
                Duration.ofSeconds(2),
                generatorRunning),
            Fixtures.thresholds());
  }

  @Test
  void allTablesLogicalWalAndChangesPass() {
    Verdict v = verdict("logical", allTables(), 40, true);
    assertThat(v.status()).isEqualTo(Status.PASS);
    assertThat(v.detail()).startsWith("15 tables, 150 rows; 40 row changes in the last 2.0 s");
  }

  @Test
  void missingTablesFailAndNameThem() {
    Map<String, Long> counts = allTables();
    counts.remove("alerts");
    Verdict v = verdict("logical", counts, 40, true);
    assertThat(v.status()).isEqualTo(Status.FAIL);
    assertThat(v.detail()).contains("1 of 15 source tables are missing").contains("alerts");
  }

  @Test
  void aWalLevelOtherThanLogicalFails() {
    assertThat(verdict("replica", allTables(), 40, true).detail())
        .isEqualTo("wal_level is replica: Debezium needs logical");
  }

  @Test
  void noChangesWhileTheGeneratorRunsWarnsButAnIdleGeneratorIsFine() {
    assertThat(verdict("logical", allTables(), 0, true).status()).isEqualTo(Status.WARN);
    assertThat(verdict("logical", allTables(), 0, false).status()).isEqualTo(Status.PASS);
  }

  @Test
  void noAnswerFails() {
    Verdict v =
        new SourceDatabaseCheck()
            .verdict(
                SourceDatabaseCheck.Observation.failed("Connection refused"),
                Fixtures.thresholds());
    assertThat(v.status()).isEqualTo(Status.FAIL);
    assertThat(v.detail()).contains("Connection refused");
  }
}
