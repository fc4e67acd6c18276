package dev.dp.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dp.process.GoldType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The oracle's own value normaliser, and what the comparison makes of odd values. */
class OracleValuesTest {

  private static Object n(Object v) {
    return OracleValues.normalize(GoldType.NUMERIC, v);
  }

  private static Object t(Object v) {
    return OracleValues.normalize(GoldType.TIMESTAMPTZ, v);
  }

  @Test
  void comparesAtTheScaleOfTheGoldContract() {
    assertThat(OracleValues.SCALE).isEqualTo(GoldType.SCALE);
  }

  @Test
  void numbersOfAnyScaleAndJavaTypeBecomeFourPlacesHalfUp() {
    BigDecimal thirty = new BigDecimal("30.0000");
    assertThat(List.of(n(new BigDecimal("30")), n(30L), n(30), n((short) 30), n(30.00001d)))
        .containsOnly(thirty);
    assertThat(n(BigInteger.valueOf(30))).isEqualTo(thirty);
    assertThat(n(" 30.00004 ")).isEqualTo(thirty);
    assertThat(n(new BigDecimal("0.56745"))).isEqualTo(new BigDecimal("0.5675"));
    assertThat(n(0.56745d)).isEqualTo(new BigDecimal("0.5675"));
    assertThat(n(0.56745f)).isEqualTo(new BigDecimal("0.5675"));
    assertThat(n(new BigDecimal("-2.00005"))).isEqualTo(new BigDecimal("-2.0001"));
    assertThat(n(new BigDecimal("1E+3"))).isEqualTo(new BigDecimal("1000.0000"));
  }

  @Test
  void nonFiniteNumbersStayDistinctInsteadOfFailing() {
    assertThat(n(Double.NaN)).isEqualTo(Double.NaN);
    assertThat(n("NaN")).isEqualTo(Double.NaN);
    assertThat(n(Float.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(n("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(n(Double.NaN)).isNotEqualTo(n(BigDecimal.ZERO));
  }

  @Test
  void timestampsBecomeInstantsWhateverZoneOrTypeTheyCarry() {
    Instant at = Instant.parse("2024-05-01T09:00:00.123456Z");
    assertThat(
            List.of(
                t(at),
                t(Timestamp.from(at)),
                t(OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(-7))),
                t(at.atZone(ZoneId.of("Asia/Tokyo"))),
                t("2024-05-01T11:00:00.123456+02:00")))
        .containsOnly(at);
    assertThat(t(java.util.Date.from(Instant.parse("2024-05-01T09:00:00Z"))))
        .isEqualTo(Instant.parse("2024-05-01T09:00:00Z"));
    assertThatThrownBy(() -> t(LocalDateTime.of(2024, 5, 1, 9, 0)))
        .hasMessageContaining("not an instant with an offset");
    assertThatThrownBy(() -> t("2024-05-01 09:00"))
        .hasMessageContaining("not an instant with an offset");
  }

  @Test
  void nullStaysNullInEveryType() {
    for (GoldType type : GoldType.values()) {
      assertThat(OracleValues.normalize(type, null)).as(type.name()).isNull();
    }
  }

  @Test
  void booleansAndText() {
    assertThat(OracleValues.normalize(GoldType.BOOLEAN, "t")).isEqualTo(true);
    assertThat(OracleValues.normalize(GoldType.BOOLEAN, false)).isEqualTo(false);
    assertThatThrownBy(() -> OracleValues.normalize(GoldType.BOOLEAN, "yes"))
        .hasMessageContaining("not a boolean");
    UUID id = UUID.fromString("00000000-0000-0000-0000-00000000000A");
    assertThat(OracleValues.normalize(GoldType.TEXT, id))
        .isEqualTo("00000000-0000-0000-0000-00000000000a");
    assertThat(OracleValues.normalize(GoldType.TEXT, "Dunes")).isEqualTo("Dunes");
  }
}
