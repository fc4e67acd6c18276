package dev.dp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.contracts.IngestProgress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifyQuarantineTest {

  @Test
  void namesEveryRecentQuarantinedChangeWithItsKeyAndReason() {
    IngestProgress progress =
        new IngestProgress(
            4,
            null,
            1,
            Map.of(),
            Map.of(),
            List.of(
                new IngestProgress.QuarantinedRecord(
                    "jadc2_db.public.weapons",
                    0,
                    311,
                    "{\"id\":\"5b2c\"}",
                    "INVALID_VALUE",
                    "column range_km: not a finite number: NaN",
                    4)));

    String text = VerifyCommand.renderQuarantine(progress);

    assertThat(text)
        .startsWith("1 source change(s) are in quarantine")
        .contains(
            "quarantined: jadc2_db.public.weapons partition 0 offset 311 key {\"id\":\"5b2c\"}:"
                + " INVALID_VALUE (column range_km: not a finite number: NaN)");
  }

  @Test
  void saysNothingWhenNothingIsQuarantined() {
    assertThat(
            VerifyCommand.renderQuarantine(
                new IngestProgress(4, null, 0, Map.of(), Map.of(), List.of())))
        .isEmpty();
  }
}
