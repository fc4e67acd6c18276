package dev.dp.health.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.SourceTables;
import dev.dp.health.Fixtures;
import dev.dp.health.Status;
import dev.dp.health.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Steps 7 (hms-db) and 8 (hms). */
class MetastoreChecksTest {

  private static final List<String> DBS = List.of("bronze", "default", "quarantine", "silver");

  /** The rows a healthy metastore holds: Delta tables by their serde path, views by name. */
  private static List<MetastoreDbCheck.Registered> registered(List<String> silverTables) {
    List<MetastoreDbCheck.Registered> rows = new ArrayList<>();
    rows.add(
        new MetastoreDbCheck.Registered(
            "bronze",
            "changes",
            "EXTERNAL_TABLE",
            "hdfs://127.0.0.1:9000/data/delta/bronze/changes",
            "delta"));
    for (String t : silverTables) {
      rows.add(
          new MetastoreDbCheck.Registered(
              "silver",
              t + "_state",
              "EXTERNAL_TABLE",
              "hdfs://127.0.0.1:9000/data/delta/silver/" + t,
              "delta"));
      rows.add(new MetastoreDbCheck.Registered("silver", t, "VIRTUAL_VIEW", "", ""));
    }
    return rows;
  }

  private static Verdict step7(List<String> dbs, List<MetastoreDbCheck.Registered> rows) {
    return new MetastoreDbCheck()
        .verdict(
            new MetastoreDbCheck.Observation(
                "", MetastoreDbCheck.SCHEMA_TABLES, "4.0.0", dbs, rows),
            Fixtures.thresholds());
  }

  @Test
  void aSchemaWithTheLakehouseRegisteredPasses() {
    Verdict v = step7(DBS, registered(SourceTables.NAMES));
    assertThat(v.status()).isEqualTo(Status.PASS);
    assertThat(v.detail()).startsWith("schema 4.0.0 with DBS, TBLS, SDS; bronze: 1 Delta table(s)");
  }

  @Test
  void aMissingSchemaFailsAndUnregisteredTablesWarn() {
    Verdict noSchema =
        new MetastoreDbCheck()
            .verdict(
                new MetastoreDbCheck.Observation("", List.of("DBS"), "", List.of(), List.of()),
                Fixtures.thresholds());
    assertThat(noSchema.status()).isEqualTo(Status.FAIL);
    assertThat(noSchema.detail()).contains("[TBLS, SDS] missing");

    Verdict some = step7(DBS, registered(SourceTables.NAMES.subList(0, 13)));
    assertThat(some.status()).isEqualTo(Status.WARN);
    assertThat(some.detail()).contains("2 of 15 silver tables not registered");

    assertThat(step7(List.of("default"), List.of()).detail()).contains("not created yet");
  }

  @Test
  void aTableNamedLikeSilverButNotDeltaAtItsPathDoesNotCount() {
    List<MetastoreDbCheck.Registered> rows = registered(SourceTables.NAMES);
    rows.removeIf(r -> r.name().equals("alerts_state"));
    rows.add(
        new MetastoreDbCheck.Registered(
            "silver", "alerts_state", "EXTERNAL_TABLE", "hdfs://x/elsewhere/alerts", "delta"));
    assertThat(step7(DBS, rows).detail()).contains("alerts");
  }

  @Test
  void theMetastorePassesWhenItAnswersAndFailsWithItsLogWhenNot() {
    MetastoreCheck c = new MetastoreCheck();
    Verdict ok =
        c.verdict(
            new MetastoreCheck.Observation("127.0.0.1:9083", "", DBS, 46), Fixtures.thresholds());
    assertThat(ok.status()).isEqualTo(Status.PASS);
    assertThat(ok.detail()).contains("in 46 ms").contains("silver");
    Verdict down =
        c.verdict(
            new MetastoreCheck.Observation(
                "127.0.0.1:9083", "SocketTimeoutException: Read timed out", List.of(), 3000),
            Fixtures.thresholds());
    assertThat(down.status()).isEqualTo(Status.FAIL);
    assertThat(down.next()).contains("./dp logs hms");
  }
}
