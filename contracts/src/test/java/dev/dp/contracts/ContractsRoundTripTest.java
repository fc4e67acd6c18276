package dev.dp.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractsRoundTripTest {

  @TempDir Path dir;

  @Test
  void ingestProgressSurvivesItsFile() throws Exception {
    IngestProgress p =
        new IngestProgress(
            7,
            Instant.parse("2026-01-02T03:04:05.678Z"),
            2,
            Map.of(
                "units",
                new IngestProgress.Table(10, 3, "0000/0001", "16/B374D848", Instant.EPOCH)),
            Map.of("jadc2_db.public.units:0", 42L),
            List.of(
                new IngestProgress.QuarantinedRecord(
                    "jadc2_db.public.weapons",
                    0,
                    17,
                    "{\"id\":\"w1\"}",
                    "INVALID_VALUE",
                    "range_km: NaN",
                    6)));
    Path file = dir.resolve("p.json");
    ProgressFile.write(file, p);
    assertThat(ProgressFile.read(file, IngestProgress.class)).contains(p);
    assertThat(Files.readString(file)).contains("\"rows_applied\"").contains("\"next_offsets\"");
    assertThat(p.recentQuarantine().get(0).describe())
        .isEqualTo(
            "jadc2_db.public.weapons partition 0 offset 17 key {\"id\":\"w1\"}: INVALID_VALUE"
                + " (range_km: NaN)");
  }

  @Test
  void processProgressSurvivesItsFile() {
    ProcessProgress p =
        new ProcessProgress(
            3,
            4,
            Instant.parse("2026-01-02T03:04:05Z"),
            true,
            List.of(),
            Map.of("units", 5L),
            null,
            new ProcessProgress.Refresh(
                Instant.parse("2026-01-02T03:04:04Z"),
                1.5,
                "incremental",
                Map.of("threat_assessment", new ProcessProgress.TableChange(1, 2, 3))));
    Path file = dir.resolve("p.json");
    ProgressFile.write(file, p);
    assertThat(ProgressFile.read(file, ProcessProgress.class)).contains(p);
  }

  @Test
  void missingProgressFileIsEmpty() {
    assertThat(ProgressFile.read(dir.resolve("none.json"), IngestProgress.class)).isEmpty();
  }

  @Test
  void jobSettingsSurviveTheirFile() {
    IngestJobSettings s =
        new IngestJobSettings(
            "127.0.0.1:9092",
            "hdfs:///cp",
            dir.resolve("a"),
            dir.resolve("b"),
            1000,
            5000,
            2000,
            4,
            50);
    Path file = dir.resolve("s.json");
    ProgressFile.write(file, s);
    assertThat(IngestJobSettings.read(file)).isEqualTo(s);
  }

  @Test
  void visibilityLogKeepsRecordsInOrderAndSkipsATornLastLine() throws Exception {
    VisibilityLog log = VisibilityLog.of(dir, "dp_spark_ingest");
    Visibility first =
        new Visibility(
            Stage.SILVER,
            0,
            Instant.parse("2026-01-01T00:00:01Z"),
            Map.of(
                "units",
                new Visibility.Table(
                    3, List.of(new Visibility.CommitBucket(1_767_225_600_000L, 4)))));
    Visibility second =
        new Visibility(
            Stage.GOLD,
            0,
            Instant.parse("2026-01-01T00:00:02Z"),
            Map.of("units", new Visibility.Table(3, List.of())));
    log.append(first);
    log.append(second);
    Files.writeString(log.file(), "{\"stage\":\"SIL", java.nio.file.StandardOpenOption.APPEND);
    assertThat(log.read()).containsExactly(first, second);
  }
}
