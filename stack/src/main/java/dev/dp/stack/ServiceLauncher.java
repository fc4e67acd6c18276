package dev.dp.stack;

/**
 * Starts one kind of service. The supervisor calls {@link #prepare}, spawns {@link #process}, polls
 * {@link #probe} until ready (failing fast if the process exits) and then calls {@link
 * #afterReady}.
 */
public interface ServiceLauncher {

  /** Creates volumes and configuration files; idempotent (formats only what is not formatted). */
  void prepare(ServiceContext ctx) throws Exception;

  /** The process to spawn. */
  ProcessSpec process(ServiceContext ctx) throws Exception;

  /** One readiness check; must return quickly (bounded client timeouts). */
  Readiness probe(ServiceContext ctx);

  /**
   * Work that needs the running service (create a database, register a connector); idempotent. May
   * itself wait, bounded by {@code deadlineNanos} ({@link System#nanoTime()} based).
   *
   * @return what was set up, for the user (empty when nothing)
   */
  default String afterReady(ServiceContext ctx, long deadlineNanos) throws Exception {
    return "";
  }
}
