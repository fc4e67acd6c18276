package dev.dp.health.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.SourceTables;
import dev.dp.health.Fixtures;
import dev.dp.health.Status;
import dev.dp.health.Verdict;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HdfsCheckTest {

  private static final long GB = 1L << 30;

  private static Map<String, Integer> silver(int each) {
    Map<String, Integer> m = new TreeMap<>();
    SourceTables.NAMES.forEach(t -> m.put(t, each));
    return m;
  }

  private static Verdict verdict(
      int live, int stale, String safemode, long total, long free, Map<String, Integer> silver) {
    return new HdfsCheck()
        .verdict(
            new HdfsCheck.Observation(
                "", "Operational", live, 0, stale, safemode, 0, total, free, true, "", silver),
            Fixtures.thresholds());
  }

  @Test
  void aLiveDatanodeSafeModeOffRoomAndSilverFilesPass() {
    Verdict v = verdict(1, 0, "", 100 * GB, 30 * GB, silver(3));
    assertThat(v.status()).isEqualTo(Status.PASS);
    assertThat(v.detail())
        .startsWith("1 live datanode, safe mode off, 30.0 GB of 100 GB free (30 %)")
        .contains("(45 entries)");
  }

  @Test
  void noLiveOrAStaleDatanodeFails() {
    Verdict none = verdict(0, 0, "", 100 * GB, 30 * GB, silver(3));
    assertThat(none.status()).isEqualTo(Status.FAIL);
    assertThat(none.next()).contains("./dp up hdfs-datanode");
    assertThat(verdict(1, 1, "", 100 * GB, 30 * GB, silver(3)).detail()).contains("heartbeat");
  }

  @Test
  void safeModeFails() {
    assertThat(verdict(1, 0, "Safe mode is ON.", 100 * GB, 30 * GB, silver(3)).status())
        .isEqualTo(Status.FAIL);
  }

  @Test
  void capacityLeftWarnsBelowTenAndFailsBelowTwoPercent() {
    assertThat(verdict(1, 0, "", 100 * GB, 10 * GB, silver(3)).status()).isEqualTo(Status.PASS);
    assertThat(verdict(1, 0, "", 100 * GB, 5 * GB, silver(3)).status()).isEqualTo(Status.WARN);
    assertThat(verdict(1, 0, "", 100 * GB, GB, silver(3)).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void silverTablesWithoutFilesWarn() {
    Map<String, Integer> some = silver(3);
    some.remove("roe_updates");
    some.put("alerts", 0);
    Verdict v = verdict(1, 0, "", 100 * GB, 30 * GB, some);
    assertThat(v.status()).isEqualTo(Status.WARN);
    assertThat(v.detail())
        .contains("2 of 15 silver tables")
        .contains("alerts")
        .contains("roe_updates");
  }

  @Test
  void aSilentNamenodeFails() {
    Verdict v =
        new HdfsCheck()
            .verdict(HdfsCheck.Observation.failed("connection refused"), Fixtures.thresholds());
    assertThat(v.status()).isEqualTo(Status.FAIL);
    assertThat(v.next()).isEqualTo("./dp logs dp_hdfs_namenode");
  }
}
