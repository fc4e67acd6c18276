package dev.dp.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GoldWriterTest {

  @Test
  void watermarkJsonRoundTripsInNameOrder() {
    Map<String, Long> versions = Map.of("units", 12L, "alerts", 3L, "weather_events", 0L);

    String json = GoldWriter.json(versions);

    assertThat(json).isEqualTo("{\"alerts\":3,\"units\":12,\"weather_events\":0}");
    assertThat(GoldWriter.counts(json)).isEqualTo(versions);
  }

  @Test
  void readsTheJsonbTextPostgresqlReturns() {
    assertThat(GoldWriter.counts("{\"alerts\": 3, \"units\": 9007199254740993}"))
        .containsExactly(Map.entry("alerts", 3L), Map.entry("units", 9007199254740993L));
    assertThat(GoldWriter.counts("{}")).isEmpty();
  }

  @Test
  void aBrokenWatermarkIsAnErrorNotAnEmptyMap() {
    assertThatThrownBy(() -> GoldWriter.counts("{\"alerts\": "))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not valid JSON");
  }
}
