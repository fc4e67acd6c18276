package dev.dp.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.SourceTables;
import dev.dp.contracts.IngestProgress;
import dev.dp.contracts.Json;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestReportTest {

  private static final String PROGRESS =
      """
      {"batch_id": 7, "updated_at": "2026-11-26T03:00:00Z", "quarantined": 2,
       "tables": {"alerts": {"rows_applied": 40, "last_source_commit": "2026-11-26T02:59:58Z",
                             "last_lsn": "0/1A2B3C"}},
       "next_offsets": {"jadc2_db.public.alerts:0": 100, "jadc2_db.public.units:0": 30}}
      """;

  @Test
  void lagIsTheTopicEndMinusTheNextOffsetTheJobWillRead() {
    IngestProgress progress = Json.read(PROGRESS, IngestProgress.class);
    IngestReport report =
        IngestReport.of(
            progress,
            Map.of(
                SourceTables.topic("alerts") + ":0", 130L,
                SourceTables.topic("units") + ":0", 30L,
                SourceTables.topic("users") + ":0", 12L));

    assertThat(report.batchId()).isEqualTo(7);
    assertThat(report.quarantined()).isEqualTo(2);
    assertThat(report.tables()).hasSize(SourceTables.NAMES.size());
    IngestReport.TableProgress alerts = row(report, "alerts");
    assertThat(alerts.lag()).isEqualTo(30);
    assertThat(alerts.rowsApplied()).isEqualTo(40);
    assertThat(alerts.lastLsn()).isEqualTo("0/1A2B3C");
    assertThat(alerts.sinceLastCommit(Instant.parse("2026-11-26T03:00:08Z")).toSeconds())
        .isEqualTo(10);
    assertThat(row(report, "units").lag()).isZero();
    // Never read: everything in the topic is lag.
    assertThat(row(report, "users").lag()).isEqualTo(12);
    assertThat(row(report, "users").lastSourceCommit()).isNull();
    assertThat(report.totalLag()).isEqualTo(42);
  }

  @Test
  void lagIsUnknownWhenKafkaCouldNotBeAsked() {
    IngestReport report = IngestReport.of(Json.read(PROGRESS, IngestProgress.class), Map.of());

    assertThat(report.lagKnown()).isFalse();
    assertThat(report.totalLag()).isNull();
    assertThat(report.tables()).allSatisfy(t -> assertThat(t.lag()).isNull());
  }

  private static IngestReport.TableProgress row(IngestReport report, String table) {
    return report.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
  }
}
