package dev.dp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.stack.IngestReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTableTest {

  @Test
  void ingestSectionShowsEveryTableWithItsLagAndAge() {
    Instant now = Instant.parse("2026-11-26T04:00:00Z");
    IngestReport report =
        new IngestReport(
            12,
            Instant.parse("2026-11-26T03:59:30Z"),
            1,
            List.of(
                new IngestReport.TableProgress(
                    "alerts", 40, 3, Instant.parse("2026-11-26T03:58:00Z"), "0/1A2B", 7L),
                new IngestReport.TableProgress("users", 0, 0, null, null, 0L)),
            true);

    String text = StatusTable.render(report, now);

    assertThat(text)
        .contains("micro-batch 12 committed 30s ago")
        .contains("1 event(s) quarantined")
        .contains("Kafka lag 7 record(s)");
    String alerts = text.lines().filter(l -> l.startsWith("alerts")).findFirst().orElseThrow();
    assertThat(alerts.split("\\s+"))
        .containsExactly("alerts", "40", "3", "2026-11-26T03:58:00Z", "2m0s", "ago", "0/1A2B", "7");
  }

  @Test
  void unknownLagIsShownAsUnknown() {
    IngestReport report =
        new IngestReport(
            -1,
            null,
            0,
            List.of(new IngestReport.TableProgress("users", 0, 0, null, null, null)),
            false);

    String text = StatusTable.render(report, Instant.now());

    assertThat(text).contains("no micro-batch committed yet").contains("unknown");
  }
}
