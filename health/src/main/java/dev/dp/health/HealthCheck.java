package dev.dp.health;

/**
 * The check of one playbook step, in two halves: {@link #probe} talks to the real services and
 * records what it saw (every call bounded by the context's timeout; failures are recorded, not
 * thrown, where they are part of what is seen), and {@link #verdict} turns that record and the
 * thresholds into PASS / WARN / FAIL / SKIP. The verdict is a pure function, so it is unit-tested
 * on recorded observations.
 *
 * @param <O> the observation the probe records
 */
public interface HealthCheck<O> {

  /** The playbook step this check implements. */
  PlaybookStep step();

  /**
   * Looks at the services. Called only when every local service of the step has a live process
   * (unless {@link #judgesProcessState()}) and no step it depends on failed.
   */
  O probe(ProbeContext ctx) throws Exception;

  /** The verdict on a recorded observation. */
  Verdict verdict(O observation, HealthThresholds thresholds);

  /**
   * Whether the check looks at its service's process state itself. Most do not: the runner fails a
   * step whose local service is stopped or dead before probing it. The data generator does, since a
   * finished or stopped generator is not a failure.
   */
  default boolean judgesProcessState() {
    return false;
  }
}
