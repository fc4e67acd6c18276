package dev.dp.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BatchFolderTest {

  private static final String ALERT = "0db1e26f-dc82-4ccb-be93-4a0b968915e6";

  private final List<ChangeEvent> lifecycle =
      Fixtures.load("alerts-lifecycle.txt").stream()
          .map(Fixtures.Message::parse)
          .filter(ChangeEvent.class::isInstance)
          .map(ChangeEvent.class::cast)
          .toList();

  @Test
  void anyArrivalOrderFoldsToTheSameStateAsInOrder() {
    FoldedBatch inOrder = BatchFolder.fold(lifecycle);
    List<List<ChangeEvent>> orders = new ArrayList<>();
    permutations(new ArrayList<>(lifecycle), 0, orders);

    assertThat(orders).hasSize(24);
    for (List<ChangeEvent> order : orders) {
      assertThat(BatchFolder.fold(order)).isEqualTo(inOrder);
    }
    assertThat(inOrder.states()).singleElement().satisfies(s -> assertThat(s.deleted()).isTrue());
    assertThat(inOrder.states().get(0).position()).isEqualTo(lifecycle.get(3).position());
  }

  @Test
  void outOfOrderUpdatesFoldToTheNewest() {
    List<ChangeEvent> live = lifecycle.subList(0, 3);
    List<ChangeEvent> reversed = new ArrayList<>(live);
    Collections.reverse(reversed);

    RowState state = BatchFolder.fold(reversed).states().get(0);

    assertThat(state).isEqualTo(BatchFolder.fold(live).states().get(0));
    assertThat(state.values())
        .containsEntry("status", "dismissed")
        .containsEntry("msg", lifecycle.get(0).values().get("msg"));
    assertThat(state.unchangedColumns()).isEmpty();
    // msg was set by the insert, an earlier change than the state's own
    assertThat(state.valuePosition("msg")).isEqualTo(lifecycle.get(0).position());
  }

  @Test
  void duplicatesAreCountedAndDropped() {
    List<ChangeEvent> replayed = new ArrayList<>(lifecycle.subList(0, 2));
    replayed.addAll(lifecycle.subList(0, 2));

    FoldedBatch batch = BatchFolder.fold(replayed);

    assertThat(batch.events()).isEqualTo(4);
    assertThat(batch.duplicatesIgnored()).isEqualTo(2);
    assertThat(batch.states()).isEqualTo(BatchFolder.fold(lifecycle.subList(0, 2)).states());
  }

  @Test
  void aPlaceholderNoChangeOfTheBatchResolvesStaysUnknownForTheMerge() {
    FoldedBatch batch = BatchFolder.fold(lifecycle.subList(1, 3));
    RowState folded = batch.states().get(0);
    RowState stored = applied(MergeDecision.apply(null, lifecycle.get(0)));

    assertThat(folded.unchangedColumns()).containsExactly("msg");
    assertThat(folded.values()).doesNotContainKey("msg");
    RowState merged = applied(MergeDecision.apply(stored, folded));
    assertThat(merged.values().get("msg")).isEqualTo(stored.values().get("msg"));
    assertThat(merged.values()).containsEntry("status", "dismissed");
  }

  @Test
  void aReplayedOlderChangeInTheBatchDoesNotOverrideANewerStoredValue() {
    // stored row at position 5 (msg "A"); the batch holds a new update at 7 whose msg is the
    // placeholder, and a replay of an update at 3 that had set msg "B"
    RowState stored = row(5, Map.of("id", ALERT, "status", "s5", "msg", "A"), Set.of());
    ChangeEvent replayed =
        change(3, Op.UPDATE, Map.of("id", ALERT, "status", "s3", "msg", "B"), Set.of());
    ChangeEvent fresh = change(7, Op.UPDATE, Map.of("id", ALERT, "status", "s7"), Set.of("msg"));

    RowState folded = BatchFolder.fold(List.of(fresh, replayed)).states().get(0);
    RowState merged = applied(MergeDecision.apply(stored, folded));

    assertThat(merged.values()).containsEntry("msg", "A").containsEntry("status", "s7");
    assertThat(merged).isEqualTo(oneByOne(stored, List.of(fresh, replayed)));
  }

  @Test
  void aReplayedOlderDeleteInTheBatchDoesNotEraseANewerStoredValue() {
    // the key was deleted at 4 and inserted again at 5 (stored); the batch replays the delete
    // and brings a new update at 7 with the msg placeholder
    RowState stored = row(5, Map.of("id", ALERT, "status", "s5", "msg", "A"), Set.of());
    ChangeEvent replayedDelete = change(4, Op.DELETE, Map.of("id", ALERT), Set.of());
    ChangeEvent fresh = change(7, Op.UPDATE, Map.of("id", ALERT, "status", "s7"), Set.of("msg"));

    RowState merged =
        applied(
            MergeDecision.apply(
                stored, BatchFolder.fold(List.of(replayedDelete, fresh)).states().get(0)));

    assertThat(merged.values()).containsEntry("msg", "A").containsEntry("status", "s7");
  }

  @Test
  void aDeleteInTheBatchDropsStoredValuesFromBeforeIt() {
    // stored at 2; the batch deletes at 4 and updates at 7 with the placeholder: the msg of the
    // re-inserted row was never seen
    RowState stored = row(2, Map.of("id", ALERT, "status", "s2", "msg", "A"), Set.of());
    ChangeEvent delete = change(4, Op.DELETE, Map.of("id", ALERT), Set.of());
    ChangeEvent fresh = change(7, Op.UPDATE, Map.of("id", ALERT, "status", "s7"), Set.of("msg"));

    MergeOutcome outcome =
        MergeDecision.apply(stored, BatchFolder.fold(List.of(delete, fresh)).states().get(0));

    assertThat(applied(outcome).values()).containsEntry("msg", null).containsEntry("status", "s7");
    assertThat(((MergeOutcome.Applied) outcome).unresolvedToastColumns()).containsExactly("msg");
  }

  @Test
  void statesAndColumnsAreGroupedByTable() {
    List<ChangeEvent> events = new ArrayList<>();
    events.add(Fixtures.event("weapons-insert.txt"));
    events.add(Fixtures.event("roe_updates-insert.txt"));
    events.add(Fixtures.event("roe_updates-new-columns-insert.txt"));
    events.addAll(lifecycle.subList(0, 2));
    Collections.shuffle(events, new Random(1));

    FoldedBatch batch = BatchFolder.fold(events);

    assertThat(batch.tables()).containsExactly("alerts", "roe_updates", "weapons");
    assertThat(batch.states())
        .extracting(RowState::table)
        .containsExactly("alerts", "roe_updates", "roe_updates", "weapons");
    assertThat(batch.states("roe_updates")).extracting(RowState::key).isSorted();
    assertThat(batch.states("missing")).isEmpty();
    assertThat(batch.columns("weapons")).hasSize(10);
    assertThat(batch.columns("missing")).isEmpty();
  }

  @Test
  void aColumnAddedInTheSourceAppearsAtTheEndOfTheBatchColumns() {
    FoldedBatch batch =
        BatchFolder.fold(
            List.of(
                Fixtures.event("roe_updates-new-columns-update.txt"),
                Fixtures.event("roe_updates-insert.txt")));

    assertThat(batch.columns("roe_updates"))
        .extracting(ColumnType::name)
        .containsExactly(
            "id",
            "ingest_timestamp",
            "src",
            "rules",
            "event_time",
            "priority",
            "budget",
            "weight",
            "score",
            "small",
            "ratio",
            "valid_on",
            "local_ts",
            "approx");
  }

  // ---- the property: folding and merging = applying one by one = the source row ----

  @Test
  void foldingAndMergingBatchesOfRealisticDeliveriesReproducesTheSource() {
    for (int seed = 0; seed < 300; seed++) {
      checkRandomHistory(new Random(seed), "seed " + seed);
    }
  }

  private void checkRandomHistory(Random random, String label) {
    RandomHistory history = RandomHistory.random(random);
    List<ChangeEvent> delivery = history.delivery(random);

    Map<String, RowState> byFold = new HashMap<>();
    Map<String, RowState> oneByOne = new HashMap<>();
    int delivered = 0;
    int highest = -1;
    while (delivered < delivery.size()) {
      int size = 1 + random.nextInt(Math.min(12, delivery.size() - delivered));
      List<ChangeEvent> batch = delivery.subList(delivered, delivered + size);
      delivered += size;
      for (ChangeEvent event : batch) {
        highest = Math.max(highest, history.indexOf(event));
        oneByOne.compute(
            event.key(), (k, stored) -> settled(stored, MergeDecision.apply(stored, event)));
      }
      List<ChangeEvent> shuffled = new ArrayList<>(batch);
      Collections.shuffle(shuffled, random);
      FoldedBatch folded = BatchFolder.fold(shuffled);
      assertThat(folded).as(label).isEqualTo(BatchFolder.fold(batch));
      for (RowState state : folded.states()) {
        byFold.compute(
            state.key(), (k, stored) -> settled(stored, MergeDecision.apply(stored, state)));
      }
      Map<String, RandomHistory.Row> truth = history.stateAfter(highest);
      assertMatches(byFold, truth, label + " fold, after " + delivered);
      assertMatches(oneByOne, truth, label + " one by one, after " + delivered);
    }
  }

  private static RowState settled(RowState stored, MergeOutcome outcome) {
    if (outcome instanceof MergeOutcome.Applied applied) {
      assertThat(applied.unresolvedToastColumns()).isEmpty();
      return applied.state();
    }
    return stored;
  }

  private static void assertMatches(
      Map<String, RowState> silver, Map<String, RandomHistory.Row> truth, String label) {
    assertThat(silver.keySet()).as(label).isEqualTo(truth.keySet());
    truth.forEach(
        (key, row) -> {
          RowState state = silver.get(key);
          assertThat(state.position()).as(label + " " + key).isEqualTo(row.position());
          assertThat(state.deleted()).as(label + " " + key).isEqualTo(row.deleted());
          if (!row.deleted()) {
            Set<String> columns = new TreeSet<>(state.values().keySet());
            columns.addAll(row.values().keySet());
            for (String c : columns) {
              assertThat(state.values().get(c))
                  .as(label + " " + key + "." + c)
                  .isEqualTo(row.values().get(c));
            }
          }
        });
  }

  // ---- helpers ----

  private static RowState oneByOne(RowState stored, List<ChangeEvent> arrivals) {
    RowState state = stored;
    for (ChangeEvent event : arrivals) {
      MergeOutcome outcome = MergeDecision.apply(state, event);
      if (outcome instanceof MergeOutcome.Applied applied) {
        state = applied.state();
      }
    }
    return state;
  }

  private static RowState row(long at, Map<String, Object> values, Set<String> unchanged) {
    return new RowState("alerts", ALERT, new SourcePosition(at, at), false, values, unchanged);
  }

  private static ChangeEvent change(
      long at, Op op, Map<String, Object> values, Set<String> unchanged) {
    return new ChangeEvent(
        "jadc2_db.public.alerts",
        "alerts",
        ALERT,
        op,
        new SourcePosition(at, at),
        null,
        List.of(),
        values,
        unchanged);
  }

  private static RowState applied(MergeOutcome outcome) {
    assertThat(outcome).isInstanceOf(MergeOutcome.Applied.class);
    return ((MergeOutcome.Applied) outcome).state();
  }

  private static <T> void permutations(List<T> items, int from, List<List<T>> out) {
    if (from == items.size()) {
      out.add(List.copyOf(items));
      return;
    }
    for (int i = from; i < items.size(); i++) {
      Collections.swap(items, from, i);
      permutations(items, from + 1, out);
      Collections.swap(items, from, i);
    }
  }
}
