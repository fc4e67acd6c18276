package dev.dp.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Value generation shared by the row factories: numbers at the schema's scales, and text. */
final class Values {

  /** Scale of {@code numeric(19,4)} columns. */
  static final int NUMBER_SCALE = 4;

  /** Scale of latitude and longitude columns, {@code numeric(19,8)}. */
  static final int COORDINATE_SCALE = 8;

  /** Alert messages of at least this many characters are TOASTed by PostgreSQL. */
  static final int LONG_TEXT_MIN = 5 * 1024;

  static final int LONG_TEXT_MAX = 9 * 1024;

  // Base32 letters: random groups of them do not compress, so PostgreSQL moves long text out of
  // line (TOAST) instead of compressing it inline.
  private static final char[] TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private Values() {}

  /** Uniform in {@code [min, max]} at scale 4. */
  static BigDecimal number(Rng rng, double min, double max) {
    return round(rng.between(min, max), NUMBER_SCALE);
  }

  /** A latitude within the populated band. */
  static BigDecimal latitude(Rng rng) {
    return round(rng.between(-60, 70), COORDINATE_SCALE);
  }

  static BigDecimal longitude(Rng rng) {
    return round(rng.between(-180, 180), COORDINATE_SCALE);
  }

  static BigDecimal round(double value, int scale) {
    return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
  }

  /** Eight random hex digits, e.g. for a track number. */
  static String hex8(Rng rng) {
    return String.format("%08x", rng.nextLong() & 0xFFFFFFFFL);
  }

  /**
   * {@code prefix} followed by lines of random base32 groups, {@code length} characters in all (or
   * the prefix alone if it is longer).
   */
  static String paddedText(Rng rng, String prefix, int length) {
    StringBuilder text = new StringBuilder(length).append(prefix);
    int column = 0;
    long bits = 0;
    int bitsLeft = 0;
    while (text.length() < length) {
      if (column > 0 && column % 72 == 0) {
        text.append('\n');
      } else if (column % 9 == 8) {
        text.append(' ');
      } else {
        if (bitsLeft < 5) {
          bits = rng.nextLong();
          bitsLeft = 64;
        }
        text.append(TOKEN_ALPHABET[(int) (bits & 31)]);
        bits >>>= 5;
        bitsLeft -= 5;
      }
      column++;
    }
    return text.toString();
  }
}
