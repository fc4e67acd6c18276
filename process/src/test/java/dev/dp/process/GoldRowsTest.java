package dev.dp.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoldRowsTest {

  private static final GoldTable TABLE = GoldTable.LOGISTICS_READINESS;

  @Test
  void numbersAreRoundedHalfUpToFourPlacesAndTimestampsBecomeInstants() {
    assertThat(GoldValues.normalize(GoldType.NUMERIC, new BigDecimal("0.56745")))
        .isEqualTo(new BigDecimal("0.5675"));
    assertThat(GoldValues.normalize(GoldType.NUMERIC, 12.0)).isEqualTo(new BigDecimal("12.0000"));
    Instant t = Instant.parse("2026-11-26T03:00:00.123456Z");
    assertThat(GoldValues.normalize(GoldType.TIMESTAMPTZ, Timestamp.from(t))).isEqualTo(t);
    assertThat(
            GoldValues.normalize(
                GoldType.TIMESTAMPTZ, OffsetDateTime.ofInstant(t, ZoneOffset.ofHours(2))))
        .isEqualTo(t);
    assertThat(GoldValues.normalize(GoldType.TEXT, null)).isNull();
  }

  @Test
  void onlyNewOrChangedRowsAreUpsertedAndVanishedKeysDeleted() {
    List<Object> kept = row("unit-a", "50.0000", true);
    List<Object> changedBefore = row("unit-b", "40.0000", true);
    List<Object> changedAfter = row("unit-b", "10.0000", false);
    List<Object> gone = row("unit-c", "70.0000", true);
    List<Object> added = row("unit-d", "20.0000", true);

    GoldRows.Diff diff =
        GoldRows.diff(
            TABLE, List.of(kept, changedAfter, added), List.of(kept, changedBefore, gone));

    assertThat(diff.upserts()).containsExactly(changedAfter, added);
    assertThat(diff.deletes()).containsExactly(List.<Object>of("unit-c"));
    assertThat(diff.unchanged()).isEqualTo(1);
  }

  @Test
  void numbersEqualInValueButNotInScaleAreNotRewritten() {
    List<Object> stored = row("unit-a", "50.0000", true);
    List<Object> computed = new ArrayList<>(stored);
    computed.set(2, new BigDecimal("50.00"));

    GoldRows.Diff diff = GoldRows.diff(TABLE, List.of(computed), List.of(stored));

    assertThat(diff.upserts()).isEmpty();
    assertThat(diff.deletes()).isEmpty();
  }

  @Test
  void aRefreshProducingAKeyTwiceIsAnError() {
    List<Object> a = row("unit-a", "50.0000", true);
    assertThatThrownBy(() -> GoldRows.diff(TABLE, List.of(a, a), List.of()))
        .hasMessageContaining("unit-a")
        .hasMessageContaining("twice");
  }

  /** A logistics_readiness row with the given key, supply level and feasibility. */
  private static List<Object> row(String unit, String supply, boolean feasible) {
    Object[] values = new Object[TABLE.columns().size()];
    values[TABLE.columnNames().indexOf("unit_id")] = unit;
    values[TABLE.columnNames().indexOf("supply_level")] = new BigDecimal(supply);
    values[TABLE.columnNames().indexOf("resupply_feasible")] = feasible;
    values[TABLE.columnNames().indexOf("event_time")] = Instant.parse("2026-11-26T03:00:00Z");
    return new ArrayList<>(Arrays.asList(values));
  }
}
