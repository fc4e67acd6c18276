package dev.dp.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageQueryTest {

  @Test
  void defaultsToTheNewestFiftyOfAllPartitions() {
    MessageQuery q = MessageQuery.of("t", null, null, null, null, null, null);
    assertThat(q.from()).isEqualTo(MessageQuery.From.NEWEST);
    assertThat(q.limit()).isEqualTo(50);
    assertThat(q.partition()).isEqualTo(-1);
    assertThat(q.matches(null, null)).isTrue();
  }

  @Test
  void readsOffsetsTimestampsAndBoundsTheLimit() {
    assertThat(MessageQuery.of("t", "0", "offset", "42", null, "5000", "").offset()).isEqualTo(42);
    assertThat(MessageQuery.of("t", "0", "offset", "42", null, "5000", "").limit())
        .isEqualTo(MessageQuery.MAX_LIMIT);
    assertThat(
            MessageQuery.of("t", null, "timestamp", null, "2026-12-01T10:00:00Z", null, null)
                .timestamp())
        .isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    assertThat(MessageQuery.of("t", null, "TIMESTAMP", null, "1000", null, null).timestamp())
        .isEqualTo(Instant.ofEpochMilli(1000));
  }

  @Test
  void searchesKeyAndValueIgnoringCase() {
    MessageQuery q = MessageQuery.of("t", null, null, null, null, null, " Critical ");
    assertThat(q.matches("{\"id\":\"1\"}", "{\"threat_level\":\"critical\"}")).isTrue();
    assertThat(q.matches("{\"id\":\"critical-key\"}", null)).isTrue();
    assertThat(q.matches("{\"id\":\"1\"}", "{\"threat_level\":\"low\"}")).isFalse();
  }

  @Test
  void namesTheWrongParameter() {
    assertThatThrownBy(() -> MessageQuery.of(" ", null, null, null, null, null, null))
        .hasMessageContaining("topic is required");
    assertThatThrownBy(() -> MessageQuery.of("t", null, "oldest", null, null, null, null))
        .hasMessageContaining("from must be newest, offset or timestamp");
    assertThatThrownBy(() -> MessageQuery.of("t", null, "offset", "x", null, null, null))
        .hasMessageContaining("offset must be a number");
    assertThatThrownBy(() -> MessageQuery.of("t", null, "timestamp", null, "yesterday", null, null))
        .hasMessageContaining("ISO-8601");
  }
}
