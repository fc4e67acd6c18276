package dev.dp.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Decoding of messages recorded from a real stack's {@code jadc2_db.public.alerts} topic (the
 * snapshot one is the recorded create with Debezium's snapshot markers, {@code op=r} and {@code
 * snapshot=last}, as the initial snapshot writes them).
 */
class DebeziumEnvelopeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A recorded message: its key and value as the topic holds them (value null = tombstone). */
  private static DecodedMessage decodeRecorded(String name) throws IOException {
    try (InputStream in = DebeziumEnvelopeTest.class.getResourceAsStream("/envelopes/" + name)) {
      JsonNode m = JSON.readTree(in);
      String value = m.get("value").isNull() ? null : JSON.writeValueAsString(m.get("value"));
      return DebeziumEnvelope.decode(JSON.writeValueAsString(m.get("key")), value);
    }
  }

  @Test
  void aCreateHasTheNewRowAndItsSourcePosition() throws IOException {
    DecodedMessage m = decodeRecorded("alerts-create.json");

    assertThat(m.kind()).isEqualTo(DecodedMessage.Kind.CHANGE);
    assertThat(m.operation()).isEqualTo(ChangeOperation.CREATE);
    assertThat(m.key().path("id").asText()).isEqualTo("1715c06c-1aab-46bc-8a5f-71bc9c0b5686");
    assertThat(m.before()).isNull();
    assertThat(m.after().path("threat_level").asText()).isNotEmpty();
    assertThat(m.after().path("id").asText()).isEqualTo(m.key().path("id").asText());
    SourcePosition s = m.source();
    assertThat(s.table()).isEqualTo("public.alerts");
    assertThat(s.lsnValue()).isPositive();
    assertThat(s.lsn())
        .isEqualTo(SourcePosition.pgLsn(s.lsnValue()))
        .matches("[0-9A-F]+/[0-9A-F]+");
    assertThat(s.txId()).isPositive();
    assertThat(s.commitTime()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(s.sequence()).hasSize(2);
    assertThat(s.snapshot()).isEqualTo("false");
    assertThat(s.connectorVersion()).isEqualTo("3.7.0.Final");
    assertThat(m.capturedAt()).isAfterOrEqualTo(s.commitTime());
  }

  @Test
  void anUpdateWithoutABeforeImageSaysWhy() throws IOException {
    DecodedMessage m = decodeRecorded("alerts-update.json");

    assertThat(m.operation()).isEqualTo(ChangeOperation.UPDATE);
    assertThat(m.after().path("status").asText()).isEqualTo("acknowledged");
    assertThat(m.before()).isNull();
    assertThat(m.changedColumns()).isEmpty();
    assertThat(m.note()).contains("REPLICA IDENTITY");
    assertThat(m.source().txId()).isEqualTo(758);
    assertThat(m.source().lsnValue()).isEqualTo(26962640L);
    assertThat(m.source().lsn()).isEqualTo("0/19B6AD0");
    assertThat(m.source().sequence()).containsExactly("0/19B6AD0", "0/19B6AD0");
    assertThat(m.source().commitTime()).isEqualTo(Instant.ofEpochMilli(1796125524634L));
  }

  @Test
  void aDeleteHasTheOldKeyAndNoAfter() throws IOException {
    DecodedMessage m = decodeRecorded("alerts-delete.json");

    assertThat(m.operation()).isEqualTo(ChangeOperation.DELETE);
    assertThat(m.after()).isNull();
    assertThat(m.before().path("id").asText()).isEqualTo(m.key().path("id").asText());
    assertThat(m.source().sequence()).containsExactly("0/19B7848", "0/19B7930");
  }

  @Test
  void aSnapshotReadIsShownAsSnapshot() throws IOException {
    DecodedMessage m = decodeRecorded("alerts-snapshot.json");

    assertThat(m.operation()).isEqualTo(ChangeOperation.SNAPSHOT);
    assertThat(m.source().snapshot()).isEqualTo("last");
    assertThat(m.after()).isNotNull();
  }

  @Test
  void aTombstoneIsShownAsSuchWithItsKey() throws IOException {
    DecodedMessage m = decodeRecorded("alerts-tombstone.json");

    assertThat(m.kind()).isEqualTo(DecodedMessage.Kind.TOMBSTONE);
    assertThat(m.operation()).isNull();
    assertThat(m.key().path("id").asText()).isEqualTo("02d42f0c-b670-47bf-81d7-adf54f477c4c");
    assertThat(m.note()).contains("tombstone");
  }

  @Test
  void anEnvelopeWithoutItsSchemaAndWithABeforeImageListsTheChangedColumns() {
    String value =
        "{\"op\":\"u\",\"before\":{\"id\":\"a\",\"status\":\"active\",\"msg\":\"x\"},"
            + "\"after\":{\"id\":\"a\",\"status\":\"resolved\",\"msg\":\"x\"},"
            + "\"source\":{\"lsn\":4294967296,\"txId\":9,\"ts_ms\":0,"
            + "\"sequence\":\"[null,\\\"4294967296\\\"]\",\"schema\":\"public\",\"table\":\"alerts\"},"
            + "\"ts_ms\":5}";

    DecodedMessage m = DebeziumEnvelope.decode("{\"id\":\"a\"}", value);

    assertThat(m.operation()).isEqualTo(ChangeOperation.UPDATE);
    assertThat(m.changedColumns()).containsExactly("status");
    assertThat(m.note()).isNull();
    assertThat(m.source().lsn()).isEqualTo("1/0");
    assertThat(m.source().sequence()).containsExactly("-", "1/0");
    assertThat(m.capturedAt()).isEqualTo(Instant.ofEpochMilli(5));
  }

  @Test
  void somethingElseIsNotAnEnvelopeAndSaysWhy() {
    assertThat(DebeziumEnvelope.decode(null, "not json").kind())
        .isEqualTo(DecodedMessage.Kind.OTHER);
    DecodedMessage heartbeat =
        DebeziumEnvelope.decode("{\"serverName\":\"jadc2_db\"}", "{\"ts_ms\":1}");
    assertThat(heartbeat.kind()).isEqualTo(DecodedMessage.Kind.OTHER);
    assertThat(heartbeat.note()).contains("no Debezium operation");
    assertThat(heartbeat.key().path("serverName").asText()).isEqualTo("jadc2_db");
  }
}
