package dev.dp.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The end of a stop: wait a bounded time for a signalled process to exit, then SIGKILL it. */
final class Termination {

  private Termination() {}

  /**
   * Waits up to {@code grace} for {@code h} to exit, then kills it with SIGKILL (and, when {@code
   * descendants}, every process under it, collected before the kill so that none is orphaned).
   *
   * @return whether it exited within the grace period (false when it had to be killed)
   */
  static boolean awaitExitElseKill(ProcessHandle h, Duration grace, boolean descendants) {
    Waits.Outcome o =
        Waits.until(
            Waits.deadline(grace),
            () -> h.isAlive() ? Readiness.notYet("alive") : Readiness.ready("exited"),
            () -> null);
    if (o.ready()) {
      return true;
    }
    kill(h, descendants);
    return false;
  }

  /** SIGKILL of {@code h} (and its descendants), returning once it is gone. */
  static void kill(ProcessHandle h, boolean descendants) {
    List<ProcessHandle> tree = new ArrayList<>();
    if (descendants) {
      try (Stream<ProcessHandle> d = h.descendants()) {
        d.forEach(tree::add);
      }
    }
    h.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
    h.onExit().join();
  }
}
