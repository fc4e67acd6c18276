package dev.dp.health.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.SourceTables;
import dev.dp.health.Fixtures;
import dev.dp.health.Status;
import dev.dp.health.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaUiCheckTest {

  private static Verdict verdict(KafkaUiCheck.Observation o) {
    return new KafkaUiCheck().verdict(o, Fixtures.thresholds());
  }

  @Test
  void aConsoleTheLocalTwinDoesNotRunIsSkippedWithTheCatalogsReason() {
    Verdict v =
        verdict(
            new KafkaUiCheck.Observation(
                false, "the dp web console is not built yet", "", "", Map.of()));
    assertThat(v.status()).isEqualTo(Status.SKIP);
    assertThat(v.detail()).contains("the dp web console is not built yet");
  }

  @Test
  void aLocalConsoleListingTheChangeTopicsPassesAndOneMissingThemFails() {
    Map<String, Long> topics = new LinkedHashMap<>();
    SourceTables.topics().forEach(t -> topics.put(t, 3L));
    topics.put("_dp_connect_offsets", 25L);
    String url = "http://127.0.0.1:8085/api/topics";
    Verdict ok = verdict(new KafkaUiCheck.Observation(true, "", url, "", topics));
    assertThat(ok.status()).isEqualTo(Status.PASS);
    assertThat(ok.detail()).contains("15 change topics (45 messages) among 16 topics");

    topics.remove("jadc2_db.public.alerts");
    assertThat(verdict(new KafkaUiCheck.Observation(true, "", url, "", topics)).status())
        .isEqualTo(Status.FAIL);
    assertThat(verdict(new KafkaUiCheck.Observation(true, "", url, "HTTP 500", Map.of())).detail())
        .contains("does not list topics at " + url + ": HTTP 500");
  }
}
