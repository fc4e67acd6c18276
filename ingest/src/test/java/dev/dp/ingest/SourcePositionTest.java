package dev.dp.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SourcePositionTest {

  @Test
  void ordersByCommitLsnThenEventLsn() {
    SourcePosition a = new SourcePosition(100, 500);
    SourcePosition b = new SourcePosition(200, 150);
    SourcePosition c = new SourcePosition(200, 160);

    assertThat(a).isLessThan(b);
    assertThat(b).isLessThan(c);
    assertThat(c.isAfter(b)).isTrue();
    assertThat(b.isAfter(b)).isFalse();
  }

  @Test
  void snapshotRowsSortBeforeEveryStreamedChange() {
    SourcePosition snapshot = SourcePosition.snapshot(27611064L);

    assertThat(snapshot.commitLsn()).isEqualTo(SourcePosition.SNAPSHOT_COMMIT_LSN);
    assertThat(snapshot).isLessThan(SourcePosition.streamed(1L, 1L));
    // a change committed after the snapshot but written to WAL before it
    assertThat(snapshot).isLessThan(SourcePosition.streamed(27611100L, 27600000L));
    assertThat(snapshot).isEqualByComparingTo(SourcePosition.snapshot(27611064L));
    assertThat(SourcePosition.snapshot(5)).isLessThan(SourcePosition.snapshot(6));
  }

  @Test
  void aStreamedChangeWithoutCommitLsnUsesItsOwnLsn() {
    assertThat(SourcePosition.streamed(null, 42L)).isEqualTo(new SourcePosition(42L, 42L));
  }

  @Test
  void lsnsCompareUnsigned() {
    SourcePosition high = new SourcePosition(0x8000_0000_0000_0000L, 0);

    assertThat(high).isGreaterThan(new SourcePosition(Long.MAX_VALUE, Long.MAX_VALUE));
    assertThat(high.sortKey()).isEqualTo("80000000000000000000000000000000");
  }

  @Test
  void sortKeysOrderLikePositionsAndRoundTrip() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      SourcePosition a = random(random);
      SourcePosition b =
          random.nextInt(10) == 0
              ? new SourcePosition(a.commitLsn(), random(random).eventLsn())
              : random(random);

      assertThat(a.sortKey()).hasSize(SourcePosition.SORT_KEY_LENGTH);
      assertThat(Integer.signum(a.sortKey().compareTo(b.sortKey())))
          .as("%s vs %s", a, b)
          .isEqualTo(Integer.signum(a.compareTo(b)));
      assertThat(SourcePosition.fromSortKey(a.sortKey())).isEqualTo(a);
    }
  }

  @Test
  void sortKeyOfARealPosition() {
    SourcePosition position = new SourcePosition(26968000L, 26976232L);

    assertThat(position.sortKey()).isEqualTo("00000000019b7fc000000000019b9fe8");
    assertThat(position).hasToString("0/19B7FC0:0/19B9FE8");
    assertThat(SourcePosition.snapshot(27611064L)).hasToString("snapshot@0/1A54FB8");
  }

  @Test
  void rejectsWhatIsNoSortKey() {
    assertThatThrownBy(() -> SourcePosition.fromSortKey("abc"))
        .hasMessageContaining("32 hex digits");
    assertThatThrownBy(() -> SourcePosition.fromSortKey("x".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static SourcePosition random(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> new SourcePosition(random.nextLong(), random.nextLong());
      case 1 -> new SourcePosition(random.nextInt(1000), random.nextInt(1000));
      default -> SourcePosition.snapshot(random.nextInt(1000));
    };
  }
}
