package dev.dp.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dp.process.GoldTable;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GoldComparisonTest {

  private static final GoldTable T = GoldTable.LOGISTICS_READINESS;

  /** A logistics_readiness row with every column; overrides replace single columns. */
  private static Map<String, Object> row(String unitId, Object... overrides) {
    Map<String, Object> r = new HashMap<>();
    r.put("unit_id", unitId);
    r.put("supply_status_id", "s-" + unitId);
    r.put("supply_level", new BigDecimal("30.0000"));
    r.put("region_id", "r1");
    r.put("region_name", "Dunes");
    r.put("terrain_type", "desert");
    r.put("weather_type", "rain");
    r.put("wind_speed_kmh", new BigDecimal("50.0000"));
    r.put("projected_supply", new BigDecimal("24.0000"));
    r.put("resupply_feasible", true);
    r.put("event_time", Timestamp.from(Instant.parse("2024-05-01T09:00:00Z")));
    for (int i = 0; i < overrides.length; i += 2) {
      r.put((String) overrides[i], overrides[i + 1]);
    }
    return r;
  }

  private final GoldComparison comparison = new GoldComparison(2);

  @Test
  void equalRowSetsMatchWhateverTheirOrder() {
    TableComparison c =
        comparison.compare(T, List.of(row("u1"), row("u2")), List.of(row("u2"), row("u1")));

    assertThat(c.matches()).isTrue();
    assertThat(c.expectedRows()).isEqualTo(2);
    assertThat(c.actualRows()).isEqualTo(2);
    assertThat(c.rowsCompared()).isEqualTo(2);
    assertThat(c.summary()).startsWith("gold.logistics_readiness: matches, 2 expected");
  }

  @Test
  void numbersAreComparedAtFourPlacesRoundedHalfUp() {
    // 24.00005 rounds half up to 24.0001; 24.00004999 to 24.0000.
    TableComparison same =
        comparison.compare(
            T,
            List.of(row("u1", "projected_supply", new BigDecimal("24.00005"))),
            List.of(row("u1", "projected_supply", new BigDecimal("24.0001"))));
    TableComparison differs =
        comparison.compare(
            T,
            List.of(row("u1", "projected_supply", new BigDecimal("24.00004999"))),
            List.of(row("u1", "projected_supply", new BigDecimal("24.0001"))));

    assertThat(same.matches()).isTrue();
    assertThat(differs.matches()).isFalse();
    assertThat(differs.differenceExamples())
        .containsExactly(
            new ColumnDifference(
                Map.of("unit_id", "u1"),
                "projected_supply",
                new BigDecimal("24.0000"),
                new BigDecimal("24.0001")));
  }

  @Test
  void numbersOfAnyJavaTypeOrScaleCompareByValue() {
    TableComparison c =
        comparison.compare(
            T,
            List.of(row("u1", "supply_level", new BigDecimal("30"), "wind_speed_kmh", 50L)),
            List.of(row("u1", "supply_level", 30.00001d, "wind_speed_kmh", "50.0000")));

    assertThat(c.matches()).isTrue();
  }

  @Test
  void timestampsCompareAsInstants() {
    OffsetDateTime sameInstantElsewhere =
        OffsetDateTime.of(2024, 5, 1, 11, 0, 0, 0, ZoneOffset.ofHours(2));
    TableComparison c =
        comparison.compare(
            T,
            List.of(row("u1"), row("u2", "event_time", "2024-05-01T09:00:00Z")),
            List.of(
                row("u1", "event_time", sameInstantElsewhere),
                row("u2", "event_time", Instant.parse("2024-05-01T09:00:00.001Z"))));

    assertThat(c.different()).isEqualTo(1);
    assertThat(c.differenceExamples())
        .extracting(ColumnDifference::key)
        .containsExactly(Map.of("unit_id", "u2"));
  }

  @Test
  void nullEqualsOnlyNull() {
    TableComparison c =
        comparison.compare(
            T,
            List.of(row("u1", "weather_type", null), row("u2", "wind_speed_kmh", null)),
            List.of(row("u1", "weather_type", null), row("u2", "wind_speed_kmh", BigDecimal.ZERO)));

    assertThat(c.different()).isEqualTo(1);
    assertThat(c.differenceExamples())
        .containsExactly(
            new ColumnDifference(
                Map.of("unit_id", "u2"), "wind_speed_kmh", null, new BigDecimal("0.0000")));
  }

  @Test
  void aNanOnOneSideIsADifferenceNotAnError() {
    TableComparison c =
        comparison.compare(
            T,
            List.of(row("u1"), row("u2", "supply_level", Double.NaN)),
            List.of(row("u1", "supply_level", Double.NaN), row("u2", "supply_level", "NaN")));

    assertThat(c.different()).isEqualTo(1);
    assertThat(c.differenceExamples())
        .containsExactly(
            new ColumnDifference(
                Map.of("unit_id", "u1"), "supply_level", new BigDecimal("30.0000"), Double.NaN));
  }

  @Test
  void booleansAndTextCompareExactly() {
    TableComparison c =
        comparison.compare(
            T,
            List.of(row("u1", "resupply_feasible", true), row("u2", "region_name", "Dunes")),
            List.of(row("u1", "resupply_feasible", "f"), row("u2", "region_name", "dunes")));

    assertThat(c.different()).isEqualTo(2);
    assertThat(c.differenceExamples())
        .extracting(ColumnDifference::column)
        .containsExactlyInAnyOrder("resupply_feasible", "region_name");
  }

  @Test
  void uuidKeysEqualTheirText() {
    UUID id = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    TableComparison c =
        comparison.compare(
            T, List.of(row(id.toString())), List.of(row(id.toString(), "unit_id", id)));

    assertThat(c.matches()).isTrue();
  }

  @Test
  void reportsMissingExtraAndDifferentRowsWithBoundedExamples() {
    List<Map<String, Object>> oracle = new ArrayList<>();
    List<Map<String, Object>> gold = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      oracle.add(row("missing" + i));
      gold.add(row("extra" + i));
    }
    oracle.add(row("both", "region_name", "Dunes", "terrain_type", "desert"));
    gold.add(row("both", "region_name", "Alps", "terrain_type", "mountain"));
    oracle.add(row("same"));
    gold.add(row("same"));

    TableComparison c = comparison.compare(T, oracle, gold);

    assertThat(c.matches()).isFalse();
    assertThat(c.expectedRows()).isEqualTo(7);
    assertThat(c.actualRows()).isEqualTo(7);
    assertThat(c.rowsCompared()).isEqualTo(2);
    assertThat(c.missing()).isEqualTo(5);
    assertThat(c.extra()).isEqualTo(5);
    assertThat(c.different()).isEqualTo(1);
    assertThat(c.missingExamples())
        .containsExactly(Map.of("unit_id", "missing0"), Map.of("unit_id", "missing1"));
    assertThat(c.extraExamples()).hasSize(2);
    assertThat(c.differenceExamples())
        .containsExactly(
            new ColumnDifference(Map.of("unit_id", "both"), "region_name", "Dunes", "Alps"),
            new ColumnDifference(Map.of("unit_id", "both"), "terrain_type", "desert", "mountain"));
    assertThat(c.toString()).contains("missing {unit_id=missing0}", "extra {unit_id=extra0}");
  }

  @Test
  void compositeKeysUseEveryKeyColumn() {
    GoldTable eus = GoldTable.EFFECTIVE_UNIT_STRENGTH;
    Map<String, Object> a = new HashMap<>();
    eus.columnNames().forEach(n -> a.put(n, null));
    a.put("unit_id", "u1");
    a.put("weapon_id", "w1");
    Map<String, Object> b = new HashMap<>(a);
    b.put("weapon_id", "w2");

    TableComparison c = comparison.compare(eus, List.of(a), List.of(b));

    assertThat(c.missingExamples()).containsExactly(Map.of("unit_id", "u1", "weapon_id", "w1"));
    assertThat(c.extraExamples()).containsExactly(Map.of("unit_id", "u1", "weapon_id", "w2"));
  }

  @Test
  void duplicateKeysNeverMatch() {
    TableComparison c = comparison.compare(T, List.of(row("u1")), List.of(row("u1"), row("u1")));

    assertThat(c.duplicateKeys()).isEqualTo(1);
    assertThat(c.matches()).isFalse();
  }

  @Test
  void rejectsRowsThatAreNotTheContract() {
    Map<String, Object> lacking = row("u1");
    lacking.remove("event_time");
    Map<String, Object> surplus = row("u1", "bonus", 1);

    assertThatThrownBy(() -> comparison.compare(T, List.of(lacking), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("oracle row of gold.logistics_readiness");
    assertThatThrownBy(() -> comparison.compare(T, List.of(), List.of(surplus)))
        .hasMessageContaining("gold row");
    assertThatThrownBy(() -> comparison.compare(T, List.of(row(null)), List.of()))
        .hasMessageContaining("null key column unit_id");
    assertThatThrownBy(
            () -> comparison.compare(T, List.of(row("u1", "supply_level", "lots")), List.of()))
        .hasMessageContaining("column supply_level: not a number");
  }
}
