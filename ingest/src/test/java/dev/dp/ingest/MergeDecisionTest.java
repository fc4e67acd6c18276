package dev.dp.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MergeDecisionTest {

  private static final String KEY = "0db1e26f-dc82-4ccb-be93-4a0b968915e6";

  private final List<ChangeEvent> lifecycle =
      Fixtures.load("alerts-lifecycle.txt").stream()
          .map(Fixtures.Message::parse)
          .filter(ChangeEvent.class::isInstance)
          .map(ChangeEvent.class::cast)
          .toList();
  private final ChangeEvent insert = lifecycle.get(0);
  private final ChangeEvent acknowledged = lifecycle.get(1);
  private final ChangeEvent dismissed = lifecycle.get(2);
  private final ChangeEvent delete = lifecycle.get(3);

  @Test
  void anInsertIntoNothingIsTheRow() {
    RowState row = applied(MergeDecision.apply(null, insert));

    assertThat(row.deleted()).isFalse();
    assertThat(row.position()).isEqualTo(insert.position());
    assertThat(row.values()).isEqualTo(insert.values());
  }

  @Test
  void aNewerChangeWins() {
    RowState stored = applied(MergeDecision.apply(null, insert));

    RowState row = applied(MergeDecision.apply(stored, acknowledged));

    assertThat(row.values()).containsEntry("status", "acknowledged");
    assertThat(row.position()).isEqualTo(acknowledged.position());
  }

  @Test
  void anOlderChangeIsIgnored() {
    RowState stored = applied(MergeDecision.apply(null, dismissed));

    MergeOutcome outcome = MergeDecision.apply(stored, acknowledged);

    assertThat(outcome)
        .isEqualTo(
            new MergeOutcome.Ignored(
                MergeOutcome.IgnoreReason.OLDER, dismissed.position(), acknowledged.position()));
  }

  @Test
  void theSameChangeTwiceIsADuplicate() {
    RowState stored = applied(MergeDecision.apply(null, insert));

    MergeOutcome outcome = MergeDecision.apply(stored, insert);

    assertThat(outcome).isInstanceOf(MergeOutcome.Ignored.class);
    assertThat(((MergeOutcome.Ignored) outcome).reason())
        .isEqualTo(MergeOutcome.IgnoreReason.DUPLICATE);
  }

  @Test
  void aDeleteLeavesATombstoneThatAReplayedInsertCannotResurrect() {
    RowState stored =
        applied(MergeDecision.apply(applied(MergeDecision.apply(null, insert)), delete));

    assertThat(stored.deleted()).isTrue();
    assertThat(stored.position()).isEqualTo(delete.position());
    assertThat(stored.values()).containsExactly(Map.entry("id", KEY));
    for (ChangeEvent replay : List.of(insert, acknowledged, dismissed, delete)) {
      assertThat(MergeDecision.apply(stored, replay))
          .as(replay.op() + " replayed")
          .isInstanceOf(MergeOutcome.Ignored.class);
    }
  }

  @Test
  void aTombstoneIsKeptEvenWhenTheKeyWasNeverStored() {
    RowState row = applied(MergeDecision.apply(null, delete));

    assertThat(row.deleted()).isTrue();
    assertThat(MergeDecision.apply(row, insert)).isInstanceOf(MergeOutcome.Ignored.class);
  }

  @Test
  void aNewerInsertAfterADeleteStartsFromNothing() {
    RowState tombstone = RowState.tombstone("alerts", KEY, new SourcePosition(10, 10));
    RowState reinsert =
        state(new SourcePosition(20, 20), Map.of("id", KEY, "status", "active"), Set.of());

    MergeOutcome outcome = MergeDecision.apply(tombstone, reinsert);

    assertThat(applied(outcome).values()).containsOnlyKeys("id", "status");
    assertThat(applied(outcome).deleted()).isFalse();
  }

  @Test
  void theToastPlaceholderKeepsTheStoredValue() {
    RowState stored = applied(MergeDecision.apply(null, insert));

    MergeOutcome outcome = MergeDecision.apply(stored, acknowledged);

    assertThat(applied(outcome).values().get("msg")).isEqualTo(insert.values().get("msg"));
    assertThat(((String) applied(outcome).values().get("msg"))).hasSize(7580);
    assertThat(((MergeOutcome.Applied) outcome).unresolvedToastColumns()).isEmpty();
    RowState twice = applied(MergeDecision.apply(applied(outcome), dismissed));
    assertThat(twice.values().get("msg")).isEqualTo(insert.values().get("msg"));
    assertThat(twice.values()).containsEntry("status", "dismissed");
  }

  @Test
  void theToastPlaceholderWithoutStoredValueIsNullAndReported() {
    MergeOutcome outcome = MergeDecision.apply(null, acknowledged);

    assertThat(applied(outcome).values()).containsEntry("msg", null);
    assertThat(applied(outcome).unchangedColumns()).isEmpty();
    assertThat(((MergeOutcome.Applied) outcome).unresolvedToastColumns()).containsExactly("msg");
  }

  @Test
  void theToastPlaceholderOverATombstoneIsNullAndReported() {
    RowState tombstone = RowState.tombstone("alerts", KEY, new SourcePosition(1, 1));

    MergeOutcome outcome = MergeDecision.apply(tombstone, acknowledged);

    assertThat(applied(outcome).values()).containsEntry("msg", null);
    assertThat(((MergeOutcome.Applied) outcome).unresolvedToastColumns()).containsExactly("msg");
  }

  @Test
  void aColumnAddedInTheSourceIsAdded() {
    ChangeEvent before = Fixtures.event("roe_updates-new-columns-insert.txt");
    RowState stored =
        new RowState(
            "roe_updates",
            before.key(),
            new SourcePosition(1, 1),
            false,
            Map.of("id", before.key(), "rules", "[]"),
            Set.of());
    ChangeEvent update = Fixtures.event("roe_updates-new-columns-update.txt");

    RowState row = applied(MergeDecision.apply(stored, update));

    assertThat(row.values())
        .containsEntry("rules", "[\"weapons_tight\"]")
        .containsEntry("priority", 8)
        .containsEntry("approx", new BigDecimal("123.45"))
        .containsKeys("budget", "weight", "score", "small", "ratio", "valid_on", "local_ts");
  }

  @Test
  void storedColumnsTheChangeDoesNotMentionStay() {
    RowState stored =
        state(
            new SourcePosition(1, 1),
            Map.of("id", KEY, "status", "active", "dropped_in_source", "kept"),
            Set.of());
    RowState change =
        state(new SourcePosition(2, 2), Map.of("id", KEY, "status", "resolved"), Set.of());

    RowState row = applied(MergeDecision.apply(stored, change));

    assertThat(row.values())
        .containsEntry("dropped_in_source", "kept")
        .containsEntry("status", "resolved");
  }

  @Test
  void aSnapshotReadDoesNotOverrideAStreamedChange() {
    ChangeEvent read = Fixtures.event("alerts-snapshot-read.txt");
    ChangeEvent update = Fixtures.event("alerts-update-after-snapshot.txt");

    RowState inOrder =
        applied(MergeDecision.apply(applied(MergeDecision.apply(null, read)), update));
    MergeOutcome lateRead = MergeDecision.apply(applied(MergeDecision.apply(null, update)), read);

    assertThat(inOrder.values()).containsEntry("status", "acknowledged");
    assertThat(lateRead).isInstanceOf(MergeOutcome.Ignored.class);
  }

  @Test
  void supersedesIsTheGuard() {
    SourcePosition p = new SourcePosition(5, 5);

    assertThat(MergeDecision.supersedes(p, null)).isTrue();
    assertThat(MergeDecision.supersedes(p, new SourcePosition(5, 4))).isTrue();
    assertThat(MergeDecision.supersedes(p, p)).isFalse();
    assertThat(MergeDecision.supersedes(p, new SourcePosition(6, 0))).isFalse();
  }

  @Test
  void refusesToMergeDifferentKeys() {
    RowState other = RowState.tombstone("alerts", "other", new SourcePosition(1, 1));

    assertThatThrownBy(() -> MergeDecision.apply(other, insert))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(KEY);
  }

  @Test
  void theGuardConditionComparesSequences() {
    assertThat(MergeDecision.guardCondition("s", "t")).isEqualTo("s._dp_sequence > t._dp_sequence");
  }

  @Test
  void rowStateRefusesContradictions() {
    SourcePosition p = new SourcePosition(2, 2);
    assertThatThrownBy(() -> state(p, Map.of("msg", "x"), Set.of("msg")))
        .hasMessageContaining("both known and unchanged");
    assertThatThrownBy(() -> new RowState("alerts", KEY, p, true, Map.of("id", KEY), Set.of("msg")))
        .hasMessageContaining("tombstone");
    assertThatThrownBy(
            () ->
                new RowState(
                    "alerts",
                    KEY,
                    p,
                    false,
                    Map.of(),
                    Set.of(),
                    Map.of(),
                    new SourcePosition(3, 3)))
        .hasMessageContaining("not before");
  }

  private static RowState state(
      SourcePosition position, Map<String, Object> values, Set<String> unchanged) {
    return new RowState("alerts", KEY, position, false, values, unchanged);
  }

  private static RowState applied(MergeOutcome outcome) {
    assertThat(outcome).isInstanceOf(MergeOutcome.Applied.class);
    return ((MergeOutcome.Applied) outcome).state();
  }
}
