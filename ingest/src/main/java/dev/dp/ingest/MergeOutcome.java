package dev.dp.ingest;

import java.util.Set;

/** What {@link MergeDecision#apply} decided for one incoming change. */
public sealed interface MergeOutcome {

  /**
   * The change applies.
   *
   * @param state the new state of the key
   * @param unresolvedToastColumns columns the change left unchanged (TOAST placeholder) while no
   *     stored value existed to keep: they are null in {@code state}; count them, they mean a value
   *     was never seen
   */
  record Applied(RowState state, Set<String> unresolvedToastColumns) implements MergeOutcome {

    public Applied {
      unresolvedToastColumns = Set.copyOf(unresolvedToastColumns);
    }
  }

  /**
   * The change does not apply: the stored state is at or after its position.
   *
   * @param reason duplicate (same position) or older
   * @param stored the stored position
   * @param incoming the change's position
   */
  record Ignored(IgnoreReason reason, SourcePosition stored, SourcePosition incoming)
      implements MergeOutcome {}

  /** Why a change was ignored. */
  enum IgnoreReason {
    /** Same position as the stored state: a replay of the change already applied. */
    DUPLICATE,
    /** Before the stored state: a late or replayed older change. */
    OLDER
  }
}
