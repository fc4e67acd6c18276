package dev.dp.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A {@code TRUNCATE} as Debezium's PostgreSQL connector publishes it with {@code
 * skipped.operations=none}: a record without a key whose value has op {@code t}, a source block and
 * no row images. {@code TruncateIT} runs the real one end to end.
 */
class TruncateParsingTest {

  private static final String TOPIC = "jadc2_db.public.supply_status";
  private static final String TRUNCATE =
      "{\"schema\":{\"type\":\"struct\",\"fields\":[],\"optional\":false,"
          + "\"name\":\"jadc2_db.public.supply_status.Envelope\"},"
          + "\"payload\":{\"before\":null,\"after\":null,\"source\":{\"version\":\"3.7.0.Final\","
          + "\"connector\":\"postgresql\",\"name\":\"jadc2_db\",\"ts_ms\":1764590000123,"
          + "\"snapshot\":\"false\",\"db\":\"jadc2_db\","
          + "\"sequence\":\"[\\\"27002152\\\",\\\"27002528\\\"]\",\"schema\":\"public\","
          + "\"table\":\"supply_status\",\"txId\":1234,\"lsn\":27002528,\"xmin\":null},"
          + "\"transaction\":null,\"op\":\"t\",\"ts_ms\":1764590000200}}";

  private final ChangeEnvelopeParser parser = new ChangeEnvelopeParser();

  @Test
  void aTruncateWithoutAKeyIsATableTruncatedAtItsPosition() {
    ParsedMessage parsed = parser.parse(TOPIC, (String) null, TRUNCATE);

    assertThat(parsed)
        .isEqualTo(
            new TableTruncated(
                TOPIC,
                "supply_status",
                new SourcePosition(27002152L, 27002528L),
                Instant.ofEpochMilli(1764590000123L)));
  }

  @Test
  void aTruncateOfAnotherTableOnThisTopicIsQuarantined() {
    ParsedMessage parsed =
        parser.parse(TOPIC, (String) null, TRUNCATE.replace("\"supply_status\"", "\"units\""));

    assertThat(parsed).isInstanceOf(Quarantined.class);
    assertThat(((Quarantined) parsed).reason()).isEqualTo(QuarantineReason.TABLE_MISMATCH);
  }

  @Test
  void aRowChangeWithoutAKeyIsStillQuarantined() {
    ParsedMessage parsed =
        parser.parse(TOPIC, (String) null, TRUNCATE.replace("\"op\":\"t\"", "\"op\":\"u\""));

    assertThat(parsed).isInstanceOf(Quarantined.class);
    assertThat(((Quarantined) parsed).reason()).isEqualTo(QuarantineReason.MISSING_KEY);
  }
}
