package dev.dp.ingest;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The silver semantics as a pure function: how a change, or a folded batch state, combines with the
 * stored state of its key. The rules:
 *
 * <ol>
 *   <li>A change applies only if its position is strictly after the stored one; the same position
 *       is a duplicate, an earlier one is older: both are ignored. Replays and retries therefore
 *       never roll a row back.
 *   <li>A delete leaves a tombstone (deleted, its position, only the key), so an older insert or
 *       update replayed later is ignored instead of resurrecting the key. A newer insert after it
 *       starts from nothing.
 *   <li>Otherwise the change's columns overwrite the stored ones; stored columns the change does
 *       not mention stay; columns the change has but the stored state has not are added (a column
 *       added in the source).
 *   <li>A column the change left unchanged (TOAST placeholder) keeps its stored value; if there is
 *       none (no stored row, or a tombstone), it is null and reported as unresolved.
 * </ol>
 *
 * <p>For a folded state (several changes of one batch) the same rules hold per column: each value
 * is as new as the change that set it, the newest value wins, and nothing set at or before a delete
 * survives it. This is what makes folding a batch and merging the result give the same silver row
 * as applying the batch's changes one by one, even when the batch holds replayed older changes.
 *
 * <p>How the job uses it for one micro-batch: fold the batch ({@link BatchFolder}), read the stored
 * silver rows of its keys, {@link #apply} each folded state to its stored row (null when none), and
 * MERGE the applied states into silver with {@link #guardCondition} as the matched condition,
 * updating or inserting whole rows (tombstones included: they must block older replays in later
 * batches). The guard repeats the position check inside the MERGE, so a retried batch or a
 * concurrent writer cannot roll a row back.
 */
public final class MergeDecision {

  private MergeDecision() {}

  /**
   * True if a change at {@code incoming} applies over a state at {@code stored} (null: nothing
   * stored). The MERGE guard ({@link #guardCondition}) is the same comparison.
   */
  public static boolean supersedes(SourcePosition incoming, SourcePosition stored) {
    Objects.requireNonNull(incoming, "incoming");
    return stored == null || incoming.isAfter(stored);
  }

  /**
   * Applies a change to the stored (silver) state of its key.
   *
   * @param stored the stored state, or null if the key has no stored row
   * @param incoming the change
   */
  public static MergeOutcome apply(RowState stored, ChangeEvent incoming) {
    return apply(stored, RowState.of(incoming));
  }

  /**
   * Applies a state (one change, or a batch folded by {@link BatchFolder}) to the stored (silver)
   * state of its key. The result is a silver row: columns still unknown after the merge (TOAST
   * placeholder with no stored value to keep) are null and listed as unresolved.
   *
   * @param stored the stored state, or null if the key has no stored row
   * @param incoming the newer state
   * @throws IllegalArgumentException if the two states belong to different keys
   */
  public static MergeOutcome apply(RowState stored, RowState incoming) {
    MergeOutcome outcome = combine(stored, incoming);
    if (!(outcome instanceof MergeOutcome.Applied applied) || applied.state().deleted()) {
      return outcome;
    }
    RowState state = applied.state();
    Map<String, Object> values = new LinkedHashMap<>(state.values());
    for (String column : state.unchangedColumns()) {
      values.put(column, null);
    }
    return new MergeOutcome.Applied(
        new RowState(state.table(), state.key(), state.position(), false, values, Set.of()),
        state.unchangedColumns());
  }

  /**
   * Combines a newer state with an older one, keeping what is still unknown unknown: the step of
   * {@link BatchFolder}, where an older state of the batch is not the stored row. {@link #apply} is
   * this followed by settling the unknown columns.
   *
   * @param older the older state, or null if there is none in the batch
   * @param newer the newer state
   */
  static MergeOutcome combine(RowState older, RowState newer) {
    Objects.requireNonNull(newer, "newer");
    if (older == null) {
      return new MergeOutcome.Applied(newer.deleted() ? tombstoneOf(newer) : newer, Set.of());
    }
    if (!older.table().equals(newer.table()) || !older.key().equals(newer.key())) {
      throw new IllegalArgumentException(
          "cannot merge "
              + newer.table()
              + "/"
              + newer.key()
              + " onto "
              + older.table()
              + "/"
              + older.key());
    }
    int order = newer.position().compareTo(older.position());
    if (order <= 0) {
      return new MergeOutcome.Ignored(
          order == 0 ? MergeOutcome.IgnoreReason.DUPLICATE : MergeOutcome.IgnoreReason.OLDER,
          older.position(),
          newer.position());
    }
    if (newer.deleted()) {
      return new MergeOutcome.Applied(tombstoneOf(newer), Set.of());
    }
    SourcePosition lastDelete =
        later(older.deleted() ? older.position() : older.lastDelete(), newer.lastDelete());
    boolean olderLive = !older.deleted();
    Set<String> columns = new LinkedHashSet<>(newer.values().keySet());
    columns.addAll(newer.unchangedColumns());
    if (olderLive) {
      columns.addAll(older.values().keySet());
      columns.addAll(older.unchangedColumns());
    }
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, SourcePosition> valuePositions = new LinkedHashMap<>();
    Set<String> unknown = new LinkedHashSet<>();
    for (String column : columns) {
      Object value = null;
      SourcePosition setAt = null;
      if (newer.values().containsKey(column) && survives(newer.valuePosition(column), lastDelete)) {
        value = newer.values().get(column);
        setAt = newer.valuePosition(column);
      }
      if (olderLive
          && older.values().containsKey(column)
          && survives(older.valuePosition(column), lastDelete)
          && (setAt == null || !setAt.isAfter(older.valuePosition(column)))) {
        value = older.values().get(column);
        setAt = older.valuePosition(column);
      }
      if (setAt != null) {
        values.put(column, value);
        if (!setAt.equals(newer.position())) {
          valuePositions.put(column, setAt);
        }
      } else if (newer.values().containsKey(column)
          || newer.unchangedColumns().contains(column)
          || (olderLive && older.unchangedColumns().contains(column))) {
        // the value after the last delete was never seen here: an older state may know it
        unknown.add(column);
      }
    }
    return new MergeOutcome.Applied(
        new RowState(
            newer.table(),
            newer.key(),
            newer.position(),
            false,
            values,
            unknown,
            valuePositions,
            lastDelete),
        Set.of());
  }

  private static RowState tombstoneOf(RowState state) {
    return RowState.tombstone(state.table(), state.key(), state.position());
  }

  private static boolean survives(SourcePosition setAt, SourcePosition lastDelete) {
    return lastDelete == null || setAt.isAfter(lastDelete);
  }

  private static SourcePosition later(SourcePosition a, SourcePosition b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  /**
   * The MERGE condition under which the batch row {@code sourceAlias} replaces the silver row
   * {@code targetAlias}: {@code s._dp_sequence > t._dp_sequence}, the string form of {@link
   * #supersedes} (sort keys compare as strings the way positions compare).
   */
  public static String guardCondition(String sourceAlias, String targetAlias) {
    return sourceAlias
        + "."
        + SilverColumns.SEQUENCE
        + " > "
        + targetAlias
        + "."
        + SilverColumns.SEQUENCE;
  }
}
