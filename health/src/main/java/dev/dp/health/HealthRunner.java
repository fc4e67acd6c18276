package dev.dp.health;

import dev.dp.catalog.ServiceCatalog;
import dev.dp.catalog.ServiceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Runs the playbook's checks: independent steps concurrently on a bounded pool, each step after the
 * steps it depends on (catalog {@code depends}), the whole run within {@link
 * HealthThresholds#runBound()}.
 *
 * <p>Per step: when a step it depends on FAILed (or was itself not checked for that reason), it is
 * not probed and reports SKIP "not checked: depends on X, which failed", so one broken service
 * shows as one FAIL instead of a cascade of timeouts; only when its own process is gone too does it
 * FAIL, saying both. Otherwise, when one of its local services has no live process, it FAILs from
 * the process state without probing ({@link ProcessVerdicts}); else its probe runs and its verdict
 * is reported. A step still probing when the bound passes FAILs "no answer within N s" with what it
 * was doing; a step still waiting for such a step is SKIPped saying so.
 */
public final class HealthRunner {

  private static final int MAX_THREADS = 8;

  private final ServiceCatalog catalog;

  public HealthRunner(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  /** Runs {@code checks} (given in playbook order) with {@code ctx}. */
  public HealthReport run(List<HealthCheck<?>> checks, ProbeContext ctx) {
    long t0 = System.nanoTime();
    Duration bound = ctx.thresholds().runBound();
    List<PlaybookStep> steps = checks.stream().map(HealthCheck::step).toList();
    StepGraph graph = new StepGraph(catalog, steps);
    Map<Integer, HealthCheck<?>> byStep = new LinkedHashMap<>();
    checks.forEach(c -> byStep.put(c.step().number(), c));
    Map<Integer, String> activity = new ConcurrentHashMap<>();
    Map<Integer, Set<String>> rootFailures = new ConcurrentHashMap<>();
    Map<Integer, CompletableFuture<CheckResult>> futures = new TreeMap<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(MAX_THREADS, checks.size())),
            r -> {
              Thread t = new Thread(r, "dp-health");
              t.setDaemon(true);
              return t;
            });
    try {
      for (HealthCheck<?> c : checks) {
        schedule(c, byStep, graph, futures, activity, rootFailures, ctx, pool);
      }
      CompletableFuture<Void> all =
          CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new));
      try {
        all.get(Math.max(0, bound.toNanos() - (System.nanoTime() - t0)), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // collected below: unfinished steps are reported as such
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a health step failed unexpectedly", e.getCause());
      }
      List<CheckResult> results = new ArrayList<>();
      for (HealthCheck<?> c : checks) {
        CompletableFuture<CheckResult> f = futures.get(c.step().number());
        results.add(
            f.isDone() && !f.isCompletedExceptionally()
                ? f.join()
                : unfinished(c, graph, futures, activity, ctx));
      }
      return new HealthReport(results, Duration.ofNanos(System.nanoTime() - t0), bound);
    } finally {
      pool.shutdownNow(); // interrupts probes still running past the bound
    }
  }

  private CompletableFuture<CheckResult> schedule(
      HealthCheck<?> check,
      Map<Integer, HealthCheck<?>> byStep,
      StepGraph graph,
      Map<Integer, CompletableFuture<CheckResult>> futures,
      Map<Integer, String> activity,
      Map<Integer, Set<String>> rootFailures,
      ProbeContext ctx,
      ExecutorService pool) {
    int n = check.step().number();
    CompletableFuture<CheckResult> existing = futures.get(n);
    if (existing != null) {
      return existing;
    }
    List<CompletableFuture<CheckResult>> deps = new ArrayList<>();
    for (int d : graph.dependencies(n)) {
      HealthCheck<?> dep = byStep.get(d);
      if (dep != null) {
        deps.add(schedule(dep, byStep, graph, futures, activity, rootFailures, ctx, pool));
      }
    }
    CompletableFuture<CheckResult> f =
        CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new))
            .thenApplyAsync(
                ignored -> {
                  long start = System.nanoTime();
                  Set<String> roots = new LinkedHashSet<>();
                  boolean local = catalog.require(check.step().service()).runsLocally();
                  for (CompletableFuture<CheckResult> d : deps) {
                    CheckResult r = d.join();
                    if (!local && catalog.require(r.service()).runsLocally()) {
                      continue; // a service dp does not run is judged on its own (planned, compose)
                    }
                    if (r.status() == Status.FAIL) {
                      roots.add(r.service() + " (step " + r.step() + ")");
                    }
                    roots.addAll(rootFailures.getOrDefault(r.step(), Set.of()));
                  }
                  Verdict v;
                  if (!roots.isEmpty()) {
                    rootFailures.put(n, roots);
                    v = blocked(check, roots, ctx);
                  } else {
                    activity.put(n, "starting");
                    v = execute(check, ctx.reportingTo(a -> activity.put(n, a)));
                  }
                  return CheckResult.of(check.step(), v, (System.nanoTime() - start) / 1_000_000);
                },
                pool);
    futures.put(n, f);
    return f;
  }

  /** The verdict of a step that depends on a failed one. */
  private Verdict blocked(HealthCheck<?> check, Set<String> roots, ProbeContext ctx) {
    String because =
        "depends on " + String.join(", ", roots) + (roots.size() == 1 ? ", which" : ", which all");
    because += " failed";
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

  /** Process state first, then the probe and the verdict. */
  private <O> Verdict execute(HealthCheck<O> check, ProbeContext ctx) {
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
    ServiceSpec spec = catalog.require(step.service());
    return spec.runsLocally() ? ctx.process(step.service()).logHint() : "";
  }

  /** The result of a step that had not finished when the bound passed. */
  private CheckResult unfinished(
      HealthCheck<?> check,
      StepGraph graph,
      Map<Integer, CompletableFuture<CheckResult>> futures,
      Map<Integer, String> activity,
      ProbeContext ctx) {
    Duration bound = ctx.thresholds().runBound();
    int n = check.step().number();
    String doing = activity.get(n);
    Verdict v;
    if (doing != null) {
      v =
          Verdict.fail(
                  "no answer within " + bound.toSeconds() + " s (was " + doing + ")",
                  logHint(check.step(), ctx))
              .with("timed_out", true);
    } else {
      String waitingFor =
          graph.dependencies(n).stream()
              .filter(d -> futures.containsKey(d) && !futures.get(d).isDone())
              .map(d -> "step " + d)
              .collect(Collectors.joining(", "));
      v =
          Verdict.skip(
              "not checked: it waits for "
                  + waitingFor
                  + ", which did not answer within "
                  + bound.toSeconds()
                  + " s");
    }
    return CheckResult.of(check.step(), v, bound.toMillis());
  }
}
