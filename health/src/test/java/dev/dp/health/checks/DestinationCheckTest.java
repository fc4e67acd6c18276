package dev.dp.health.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.health.Fixtures;
import dev.dp.health.Status;
import dev.dp.health.Verdict;
import dev.dp.process.GoldSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DestinationCheckTest {

  private static Map<String, Long> rows(Iterable<String> names, long each) {
    Map<String, Long> m = new LinkedHashMap<>();
    names.forEach(n -> m.put(n, each));
    return m;
  }

  private static Verdict verdict(Map<String, Long> tables, Map<String, Long> views) {
    return new DestinationCheck()
        .verdict(new DestinationCheck.Observation("", tables, views), Fixtures.thresholds());
  }

  @Test
  void populatedGoldTablesAndTheirViewsPassEvenWithEmptyViews() {
    Verdict v = verdict(rows(DestinationCheck.goldTables(), 7), rows(GoldSchema.VIEWS, 0));
    assertThat(v.status()).isEqualTo(Status.PASS);
    assertThat(v.detail()).startsWith("5 gold tables (35 rows: effective_unit_strength 7");
  }

  @Test
  void emptyGoldTablesWarnAndMissingOnesFail() {
    Map<String, Long> tables = rows(DestinationCheck.goldTables(), 7);
    tables.put("gold.threat_assessment", 0L);
    assertThat(verdict(tables, rows(GoldSchema.VIEWS, 1)).status()).isEqualTo(Status.WARN);
    tables.remove("gold.threat_assessment");
    Verdict missing = verdict(tables, rows(GoldSchema.VIEWS, 1));
    assertThat(missing.status()).isEqualTo(Status.FAIL);
    assertThat(missing.detail()).contains("gold.threat_assessment");
    assertThat(missing.next()).contains("spark-job-process");
  }
}
