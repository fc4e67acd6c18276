package dev.dp.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing of real messages captured from Debezium 3.7 (see the fixtures' README). */
class ChangeEnvelopeParserTest {

  private static final String ALERT = "0db1e26f-dc82-4ccb-be93-4a0b968915e6";

  @Test
  void parsesAnInsertWithTypedValues() {
    ChangeEvent insert = Fixtures.event("alerts-insert.txt");

    assertThat(insert.topic()).isEqualTo("jadc2_db.public.alerts");
    assertThat(insert.table()).isEqualTo("alerts");
    assertThat(insert.key()).isEqualTo(ALERT);
    assertThat(insert.op()).isEqualTo(Op.CREATE);
    assertThat(insert.position()).isEqualTo(new SourcePosition(26968000L, 26976232L));
    assertThat(insert.committedAt()).isEqualTo(Instant.ofEpochMilli(1795654539797L));
    assertThat(insert.unchangedColumns()).isEmpty();
    assertThat(insert.values())
        .containsExactly(
            entry("id", ALERT),
            entry("ingest_timestamp", Timestamp.from(Instant.parse("2026-11-26T00:55:39.791486Z"))),
            entry("src", "c2_system"),
            entry("detection_id", "69a35e99-5324-41d6-8303-c8003d09fad4"),
            entry("status", "active"),
            entry("msg", insert.values().get("msg")),
            entry("threat_level", "high"),
            entry("created_at", Timestamp.from(Instant.parse("2026-11-26T00:55:39Z"))));
    assertThat((String) insert.values().get("msg"))
        .hasSize(7580)
        .startsWith("HIGH threat: contact on track 9ae511a1");
    assertThat(insert.columns())
        .extracting(ColumnType::ddl)
        .containsExactly(
            "`id` STRING",
            "`ingest_timestamp` TIMESTAMP",
            "`src` STRING",
            "`detection_id` STRING",
            "`status` STRING",
            "`msg` STRING",
            "`threat_level` STRING",
            "`created_at` TIMESTAMP");
    assertThat(insert.columns())
        .extracting(ColumnType::sourceType)
        .containsExactly(
            "UUID",
            "TIMESTAMPTZ",
            "VARCHAR",
            "UUID",
            "ALERT_STATUS",
            "TEXT",
            "THREAT_LEVEL",
            "TIMESTAMPTZ");
  }

  @Test
  void anUpdateWithTheToastPlaceholderMarksTheColumnUnchanged() {
    ChangeEvent update = Fixtures.event("alerts-update-toast.txt");

    assertThat(update.op()).isEqualTo(Op.UPDATE);
    assertThat(update.position()).isEqualTo(new SourcePosition(26996584L, 26996640L));
    assertThat(update.unchangedColumns()).containsExactly("msg");
    assertThat(update.values()).doesNotContainKey("msg").containsEntry("status", "acknowledged");
    assertThat(update.values().values()).doesNotContain(ColumnType.TOAST_PLACEHOLDER);
    assertThat(update.columns()).extracting(ColumnType::name).contains("msg");
  }

  @Test
  void aDeleteCarriesOnlyTheKey() {
    ChangeEvent delete = Fixtures.event("alerts-delete.txt");

    assertThat(delete.op()).isEqualTo(Op.DELETE);
    assertThat(delete.isDelete()).isTrue();
    assertThat(delete.position()).isEqualTo(new SourcePosition(27002152L, 27002528L));
    // the before image holds the key and fake defaults (REPLICA IDENTITY DEFAULT): not used
    assertThat(delete.values()).containsExactly(entry("id", ALERT));
    assertThat(delete.columns()).hasSize(8);
  }

  @Test
  void theTombstoneAfterADeleteIsSkippedNotQuarantined() {
    ParsedMessage tombstone = Fixtures.one("alerts-tombstone.txt").parse();

    assertThat(tombstone).isEqualTo(new Tombstone("jadc2_db.public.alerts", "alerts", ALERT));
  }

  @Test
  void aWholeLifecycleParsesInOrder() {
    List<ParsedMessage> parsed =
        Fixtures.load("alerts-lifecycle.txt").stream().map(Fixtures.Message::parse).toList();

    assertThat(parsed).hasSize(5);
    assertThat(parsed.subList(0, 4))
        .allSatisfy(p -> assertThat(p).isInstanceOf(ChangeEvent.class))
        .extracting(p -> ((ChangeEvent) p).op())
        .containsExactly(Op.CREATE, Op.UPDATE, Op.UPDATE, Op.DELETE);
    assertThat(parsed.subList(0, 4)).extracting(p -> ((ChangeEvent) p).position()).isSorted();
    assertThat(parsed.get(4)).isInstanceOf(Tombstone.class);
  }

  @Test
  void aSnapshotReadSortsBeforeTheFirstStreamedChangeOfItsRow() {
    ChangeEvent read = Fixtures.event("alerts-snapshot-read.txt");
    ChangeEvent update = Fixtures.event("alerts-update-after-snapshot.txt");

    assertThat(read.op()).isEqualTo(Op.READ);
    // sequence [null,"27611064"]: the snapshot's LSN, no commit LSN
    assertThat(read.position()).isEqualTo(SourcePosition.snapshot(27611064L));
    assertThat(read.values()).containsEntry("status", "active");
    assertThat(update.position()).isEqualTo(new SourcePosition(27718688L, 27718688L));
    assertThat(update.position().isAfter(read.position())).isTrue();
    assertThat(update.values()).containsEntry("status", "acknowledged");
  }

  @Test
  void numericsBecomeDecimalsWithTheColumnsScale() {
    ChangeEvent weapon = Fixtures.event("weapons-insert.txt");

    assertThat(weapon.values())
        .containsEntry("range_km", new BigDecimal("113.5912"))
        .containsEntry("hit_probability", new BigDecimal("0.3341"))
        .containsEntry("speed_kmh", new BigDecimal("5374.5161"))
        .containsEntry("effective_domain", "cyber");
    assertThat(((BigDecimal) weapon.values().get("range_km")).scale()).isEqualTo(4);
    assertThat(weapon.columns())
        .filteredOn(c -> c.name().equals("range_km"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.sparkType()).isEqualTo("DECIMAL(19,4)");
              assertThat(c.sourceType()).isEqualTo("NUMERIC");
            });
  }

  @Test
  void latitudesKeepEightDecimals() {
    ChangeEvent region = (ChangeEvent) Fixtures.load("regions-interleaved.txt").get(0).parse();

    assertThat(region.values())
        .containsEntry("lat_center", new BigDecimal("31.00876240"))
        .containsEntry("lon_center", new BigDecimal("-51.53859065"))
        .containsEntry("area_sqkm", new BigDecimal("222.0000"));
    assertThat(region.columns())
        .filteredOn(c -> c.name().equals("lat_center"))
        .extracting(ColumnType::sparkType)
        .containsExactly("DECIMAL(19,8)");
  }

  @Test
  void jsonbArrivesAsItsJsonText() {
    ChangeEvent roe = Fixtures.event("roe_updates-insert.txt");

    assertThat(roe.values()).containsEntry("rules", "[\"weapons_free\", \"weapons_hold\"]");
    assertThat(roe.columns())
        .filteredOn(c -> c.name().equals("rules"))
        .singleElement()
        .satisfies(c -> assertThat(c.ddl()).isEqualTo("`rules` STRING"))
        .satisfies(c -> assertThat(c.sourceType()).isEqualTo("JSONB"));
  }

  @Test
  void booleansStayBooleans() {
    ChangeEvent engagement = Fixtures.event("engagement_events-insert.txt");

    assertThat(engagement.values())
        .containsEntry("hit", false)
        .containsEntry("roe_compliant", true)
        .containsEntry("result", "escaped");
  }

  @Test
  void columnsAddedInTheSourceAreTypedFromTheirSchema() {
    ChangeEvent insert = Fixtures.event("roe_updates-new-columns-insert.txt");

    assertThat(insert.columns())
        .extracting(ColumnType::ddl)
        .containsExactly(
            "`id` STRING",
            "`ingest_timestamp` TIMESTAMP",
            "`src` STRING",
            "`rules` STRING",
            "`event_time` TIMESTAMP",
            "`priority` INT",
            "`budget` BIGINT",
            "`weight` DOUBLE",
            "`score` DECIMAL(38,18)",
            "`small` SMALLINT",
            "`ratio` FLOAT",
            "`valid_on` DATE",
            "`local_ts` TIMESTAMP_NTZ",
            "`approx` DECIMAL(5,2)");
    assertThat(insert.values())
        .containsEntry("priority", 7)
        .containsEntry("budget", 9_000_000_000L)
        .containsEntry("weight", 0.125d)
        .containsEntry("score", new BigDecimal("12345678901234567890.123456789012345000"))
        .containsEntry("small", (short) 3)
        .containsEntry("ratio", 1.5f)
        .containsEntry("valid_on", Date.valueOf(LocalDate.of(2026, 1, 2)))
        .containsEntry("local_ts", LocalDateTime.parse("2026-01-02T03:04:05.123456"))
        .containsEntry("approx", new BigDecimal("123.45"));
  }

  @Test
  void theLaterCommittedTransactionSortsLaterEvenWithSmallerEventLsns() {
    List<ChangeEvent> events =
        Fixtures.load("regions-interleaved.txt").stream()
            .map(m -> (ChangeEvent) m.parse())
            .toList();
    ChangeEvent committedFirst = events.get(0); // T1216: 7deb… = 222
    ChangeEvent openEarlier = events.get(1); // T1215, first statement: 76b6… = 111
    ChangeEvent committedLast = events.get(2); // T1215: 7deb… = 333

    assertThat(openEarlier.position().eventLsn()).isLessThan(committedFirst.position().eventLsn());
    assertThat(openEarlier.position().isAfter(committedFirst.position())).isTrue();
    assertThat(committedLast.position().isAfter(openEarlier.position())).isTrue();
    assertThat(committedLast.key()).isEqualTo(committedFirst.key());
    assertThat(committedLast.values().get("area_sqkm")).isEqualTo(new BigDecimal("333.0000"));
  }

  @Test
  void bytesAndStringsParseAlike() {
    Fixtures.Message insert = Fixtures.one("weapons-insert.txt");
    ParsedMessage fromBytes =
        new ChangeEnvelopeParser()
            .parse(
                insert.topic(),
                insert.key().getBytes(StandardCharsets.UTF_8),
                insert.value().getBytes(StandardCharsets.UTF_8));

    assertThat(fromBytes).isEqualTo(insert.parse());
  }

  @Test
  void knowsTheFifteenSourceTopicsOnly() {
    ChangeEnvelopeParser parser = new ChangeEnvelopeParser();

    assertThat(parser.tableOf("jadc2_db.public.alerts")).contains("alerts");
    assertThat(parser.tableOf("jadc2_db.public.commands")).contains("commands");
    assertThat(parser.tableOf("jadc2_db.dp_cdc.heartbeat")).isEmpty();
    assertThat(parser.tableOf(null)).isEmpty();
  }

  private static java.util.Map.Entry<String, Object> entry(String key, Object value) {
    return new java.util.AbstractMap.SimpleEntry<>(key, value);
  }
}
