package dev.dp.health;

import dev.dp.catalog.ServiceCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * not probed and reports SKIP "not checked: depends on X (step N), which failed", so one broken
 * service shows as one FAIL instead of a cascade of timeouts; only when its own process is gone too
 * does it FAIL, saying both. Otherwise, when one of its local services has no live process, it
 * FAILs from the process state without probing ({@link ProcessVerdicts}); else its probe runs and
 * its verdict is reported. A step still probing when the bound passes FAILs "no answer within N s"
 * with what it was doing; a step still waiting for such a step is SKIPped saying so. A step about a
 * service the local twin does not run (OpenMetadata in compose) is not held back by local failures:
 * it reports its own reason.
 */
public final class HealthRunner {

  private static final int MAX_THREADS = 8;

  private final ServiceCatalog catalog;
  private final StepVerdicts verdicts;

  /** A runner for the steps of {@code catalog}'s services. */
  public HealthRunner(ServiceCatalog catalog) {
    this.catalog = catalog;
    this.verdicts = new StepVerdicts(catalog);
  }

  /** Runs {@code checks} (given in playbook order) with {@code ctx}. */
  public HealthReport run(List<HealthCheck<?>> checks, ProbeContext ctx) {
    long t0 = System.nanoTime();
    Duration bound = ctx.thresholds().runBound();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(MAX_THREADS, checks.size())),
            r -> {
              Thread t = new Thread(r, "dp-health");
              t.setDaemon(true);
              return t;
            });
    try {
      Run run = new Run(checks, ctx, pool);
      checks.forEach(run::schedule);
      run.awaitUntil(t0 + bound.toNanos());
      return new HealthReport(run.results(), Duration.ofNanos(System.nanoTime() - t0), bound);
    } finally {
      pool.shutdownNow(); // interrupts probes still running past the bound
    }
  }

  /** The state of one run: a future per step, what each step is doing, why steps were blocked. */
  private final class Run {
    private final List<HealthCheck<?>> checks;
    private final Map<Integer, HealthCheck<?>> byStep = new LinkedHashMap<>();
    private final StepGraph graph;
    private final ProbeContext ctx;
    private final ExecutorService pool;
    private final Map<Integer, CompletableFuture<CheckResult>> futures = new TreeMap<>();
    private final Map<Integer, String> activity = new ConcurrentHashMap<>();
    private final Map<Integer, Set<String>> rootFailures = new ConcurrentHashMap<>();

    Run(List<HealthCheck<?>> checks, ProbeContext ctx, ExecutorService pool) {
      this.checks = checks;
      this.ctx = ctx;
      this.pool = pool;
      checks.forEach(c -> byStep.put(c.step().number(), c));
      this.graph = new StepGraph(catalog, checks.stream().map(HealthCheck::step).toList());
    }

    /** The future of {@code check}, started once the steps it depends on have finished. */
    CompletableFuture<CheckResult> schedule(HealthCheck<?> check) {
      int n = check.step().number();
      CompletableFuture<CheckResult> existing = futures.get(n);
      if (existing != null) {
        return existing;
      }
      List<CompletableFuture<CheckResult>> deps = new ArrayList<>();
      for (int d : graph.dependencies(n)) {
        if (byStep.containsKey(d)) {
          deps.add(schedule(byStep.get(d)));
        }
      }
      CompletableFuture<CheckResult> f =
          CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new))
              .thenApplyAsync(ignored -> step(check, deps), pool);
      futures.put(n, f);
      return f;
    }

    private CheckResult step(HealthCheck<?> check, List<CompletableFuture<CheckResult>> deps) {
      int n = check.step().number();
      long start = System.nanoTime();
      Set<String> roots = new LinkedHashSet<>();
      boolean local = verdicts.local(check.step());
      for (CompletableFuture<CheckResult> d : deps) {
        CheckResult r = d.join();
        if (!local && catalog.require(r.service()).runsLocally()) {
          continue; // a service dp does not run is judged on its own
        }
        if (r.status() == Status.FAIL) {
          roots.add(r.service() + " (step " + r.step() + ")");
        }
        roots.addAll(rootFailures.getOrDefault(r.step(), Set.of()));
      }
      Verdict v;
      if (!roots.isEmpty()) {
        rootFailures.put(n, roots);
        v = verdicts.blocked(check, roots, ctx);
      } else {
        activity.put(n, "starting");
        v = verdicts.execute(check, ctx.reportingTo(a -> activity.put(n, a)));
      }
      return CheckResult.of(check.step(), v, (System.nanoTime() - start) / 1_000_000);
    }

    /** Waits until every step finished or {@code deadlineNanos} ({@link System#nanoTime()}). */
    void awaitUntil(long deadlineNanos) {
      CompletableFuture<Void> all =
          CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new));
      try {
        all.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // unfinished steps are reported as such by results()
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a health step failed unexpectedly", e.getCause());
      }
    }

    /** One result per step in playbook order; steps not finished by now are reported as such. */
    List<CheckResult> results() {
      List<CheckResult> results = new ArrayList<>();
      long bound = ctx.thresholds().runBound().toMillis();
      for (HealthCheck<?> c : checks) {
        int n = c.step().number();
        CompletableFuture<CheckResult> f = futures.get(n);
        if (f.isDone() && !f.isCompletedExceptionally()) {
          results.add(f.join());
          continue;
        }
        String doing = activity.get(n);
        Verdict v =
            doing != null
                ? verdicts.noAnswer(c.step(), doing, ctx)
                : verdicts.stillWaiting(
                    graph.dependencies(n).stream()
                        .filter(d -> futures.containsKey(d) && !futures.get(d).isDone())
                        .map(d -> "step " + d)
                        .collect(Collectors.joining(", ")),
                    ctx);
        results.add(CheckResult.of(c.step(), v, bound));
      }
      return results;
    }
  }
}
