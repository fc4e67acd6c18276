package dev.dp.health;

import dev.dp.catalog.ServiceCatalog;
import dev.dp.catalog.ServiceSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one step reports, whatever the schedule: from its process state, its probe and verdict, the
 * failure of a step it depends on, or the run's bound passing.
 */
final class StepVerdicts {

  private final ServiceCatalog catalog;

  StepVerdicts(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  /** Whether the step is about a service the local twin runs. */
  boolean local(PlaybookStep step) {
    return catalog.require(step.service()).runsLocally();
  }

  /** Process state first, then the probe and the verdict. */
  <O> Verdict execute(HealthCheck<O> check, ProbeContext ctx) {
    if (!check.judgesProcessState()) {
      Optional<Verdict> dead = processVerdict(check.step(), ctx);
      if (dead.isPresent()) {
        return dead.get();
      }
    }
    O observation;
    try {
      observation = check.probe(ctx);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Verdict.fail("interrupted while probing", "");
    } catch (Exception | LinkageError e) {
      return Verdict.fail("the probe failed: " + Text.error(e), logHint(check.step(), ctx));
    }
    try {
      return check.verdict(observation, ctx.thresholds());
    } catch (RuntimeException e) {
      return Verdict.fail(
          "dp health could not judge what it saw (a bug in dp): " + e, "report it with --json");
    }
  }

  /**
   * The verdict of a step that depends on failed ones ({@code roots}, e.g. {@code kafka (step 3)}):
   * SKIP, or FAIL saying both when its own process is gone too.
   */
  Verdict blocked(HealthCheck<?> check, Set<String> roots, ProbeContext ctx) {
    String because =
        "depends on "
            + String.join(", ", roots)
            + (roots.size() == 1 ? ", which" : ", which all")
            + " failed";
    if (!check.judgesProcessState()) {
      Optional<Verdict> dead = processVerdict(check.step(), ctx);
      if (dead.isPresent()) {
        Verdict d = dead.get();
        return new Verdict(Status.FAIL, d.detail() + "; it also " + because, d.next(), d.evidence())
            .with("blocked_by", List.copyOf(roots));
      }
    }
    return Verdict.skip("not checked: " + because).with("blocked_by", List.copyOf(roots));
  }

  /** A step still probing when the bound passed. */
  Verdict noAnswer(PlaybookStep step, String doing, ProbeContext ctx) {
    return Verdict.fail(
            "no answer within " + bound(ctx) + " (was " + doing + ")", logHint(step, ctx))
        .with("timed_out", true);
  }

  /** A step still waiting for {@code waitingFor} when the bound passed. */
  Verdict stillWaiting(String waitingFor, ProbeContext ctx) {
    return Verdict.skip(
        "not checked: it waits for " + waitingFor + ", which did not answer within " + bound(ctx));
  }

  private static String bound(ProbeContext ctx) {
    Duration b = ctx.thresholds().runBound();
    return b.toMillis() % 1000 == 0 ? b.toSeconds() + " s" : b.toMillis() + " ms";
  }

  /** The FAIL of the first local service of the step without a live process, if any. */
  private Optional<Verdict> processVerdict(PlaybookStep step, ProbeContext ctx) {
    for (String service : step.services()) {
      ServiceSpec spec = catalog.require(service);
      if (spec.runsLocally()) {
        Optional<Verdict> v = ProcessVerdicts.notRunning(ctx.process(service));
        if (v.isPresent()) {
          return v;
        }
      }
    }
    return Optional.empty();
  }

  private String logHint(PlaybookStep step, ProbeContext ctx) {
    return local(step) ? ctx.process(step.service()).logHint() : "";
  }
}
