package dev.dp.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dp.catalog.Availability;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.LaunchKind;
import dev.dp.catalog.Layer;
import dev.dp.catalog.ServiceCatalog;
import dev.dp.catalog.ServiceSpec;
import dev.dp.stack.ServiceState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The runner on a small catalog (a, b depends on a, c depends on b, d independent) with checks
 * whose probes are scripted: dependency gating, process gating, the bound, concurrency.
 */
class HealthRunnerTest {

  private static final ServiceCatalog CATALOG =
      ServiceCatalog.of(
          List.of(
              spec(1, "a", List.of()),
              spec(2, "b", List.of("a")),
              spec(3, "c", List.of("b")),
              spec(4, "d", List.of())));

  private final Map<String, ServiceState> states = new HashMap<>();

  /** A check whose probe runs {@code probe} and whose verdict is what the probe returned. */
  private static final class Scripted implements HealthCheck<Verdict> {
    final PlaybookStep step;
    final Supplier<Verdict> probe;
    final AtomicInteger probes = new AtomicInteger();

    Scripted(int number, String service, Supplier<Verdict> probe) {
      this.step = PlaybookStep.of(number, "Step " + number, service);
      this.probe = probe;
    }

    @Override
    public PlaybookStep step() {
      return step;
    }

    @Override
    public Verdict probe(ProbeContext ctx) {
      probes.incrementAndGet();
      ctx.doing("asking " + step.service());
      return probe.get();
    }

    @Override
    public Verdict verdict(Verdict observation, HealthThresholds thresholds) {
      return observation;
    }
  }

  private static ServiceSpec spec(int n, String name, List<String> deps) {
    return new ServiceSpec(
        n,
        name,
        "dp_" + name,
        Layer.COMPUTE,
        List.of(),
        List.of(),
        deps,
        "ready",
        "test service",
        Availability.LOCAL,
        "",
        LaunchKind.KAFKA,
        false,
        Optional.empty());
  }

  private HealthReport run(Duration bound, Scripted... checks) {
    HealthThresholds d = Fixtures.thresholds();
    HealthThresholds t =
        new HealthThresholds(
            bound,
            Duration.ofMillis(100),
            Duration.ZERO,
            d.generatorStale(),
            d.walRetainedWarnBytes(),
            d.walRetainedFailBytes(),
            d.ingestLagWarnRecords(),
            d.ingestStall(),
            d.processStall(),
            d.hdfsFreeWarnPercent(),
            d.hdfsFreeFailPercent());
    Map<String, ServiceProcess> processes = new HashMap<>();
    for (ServiceSpec s : CATALOG.services()) {
      processes.put(
          s.service(),
          Fixtures.process(
              s.service(), states.getOrDefault(s.service(), ServiceState.RUNNING), 60));
    }
    DpConfig config = DpConfig.load(CATALOG, Path.of("/nonexistent"), Map.of(), Map.of());
    ProbeContext ctx =
        new ProbeContext(config, t, processes, Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
    return new HealthRunner(CATALOG).run(List.of(checks), ctx);
  }

  private static Scripted passing(int n, String service) {
    return new Scripted(n, service, () -> Verdict.pass(service + " fine"));
  }

  @Test
  void dependantsOfAFailedStepAreNotProbedAndSaySo() {
    Scripted a = new Scripted(1, "a", () -> Verdict.fail("a is broken", "look at a"));
    Scripted b = passing(2, "b");
    Scripted c = passing(3, "c");
    Scripted d = passing(4, "d");
    HealthReport r = run(Duration.ofSeconds(20), a, b, c, d);

    assertThat(r.step(1).status()).isEqualTo(Status.FAIL);
    assertThat(r.step(2).status()).isEqualTo(Status.SKIP);
    assertThat(r.step(2).detail()).isEqualTo("not checked: depends on a (step 1), which failed");
    assertThat(r.step(3).detail())
        .as("transitively")
        .contains("depends on a (step 1), which failed");
    assertThat(r.step(3).evidence()).containsEntry("blocked_by", List.of("a (step 1)"));
    assertThat(r.step(4).status()).isEqualTo(Status.PASS);
    assertThat(b.probes.get() + c.probes.get()).isZero();
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void aDependantWhoseOwnProcessIsGoneFailsSayingBoth() {
    states.put("b", ServiceState.STOPPED);
    HealthReport r =
        run(
            Duration.ofSeconds(20),
            new Scripted(1, "a", () -> Verdict.fail("a is broken", "")),
            passing(2, "b"));
    assertThat(r.step(2).status()).isEqualTo(Status.FAIL);
    assertThat(r.step(2).detail())
        .contains("b is stopped")
        .contains("it also depends on a (step 1), which failed");
  }

  @Test
  void aStepWhoseProcessIsStoppedFailsWithoutBeingProbed() {
    states.put("a", ServiceState.STOPPED);
    Scripted a = passing(1, "a");
    HealthReport r = run(Duration.ofSeconds(20), a, passing(2, "b"));
    assertThat(a.probes.get()).isZero();
    assertThat(r.step(1).status()).isEqualTo(Status.FAIL);
    assertThat(r.step(1).next()).isEqualTo("start it: ./dp up a");
    assertThat(r.step(2).status()).isEqualTo(Status.SKIP);
  }

  @Test
  void warningsAndSkipsDoNotBlockDependantsNorFailTheRun() {
    HealthReport r =
        run(
            Duration.ofSeconds(20),
            new Scripted(1, "a", () -> Verdict.warn("a is slow", "")),
            new Scripted(2, "b", () -> Verdict.skip("b not configured")),
            passing(3, "c"));
    assertThat(r.step(3).status()).isEqualTo(Status.PASS);
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void aProbeThatHangsFailsAtTheBoundAndIsInterrupted() throws Exception {
    CountDownLatch released = new CountDownLatch(1);
    Scripted hanging =
        new Scripted(
            1,
            "a",
            () -> {
              try {
                new CountDownLatch(1).await(); // never counted down: only an interrupt ends it
                return Verdict.pass("impossible");
              } catch (InterruptedException e) {
                released.countDown();
                Thread.currentThread().interrupt();
                return Verdict.fail("interrupted", "");
              }
            });
    HealthReport r = run(Duration.ofMillis(500), hanging, passing(2, "b"), passing(4, "d"));

    assertThat(r.step(1).status()).isEqualTo(Status.FAIL);
    assertThat(r.step(1).detail()).startsWith("no answer within").contains("was asking a");
    assertThat(r.step(2).status()).isEqualTo(Status.SKIP);
    assertThat(r.step(2).detail()).contains("waits for step 1");
    assertThat(r.step(4).status()).isEqualTo(Status.PASS);
    assertThat(released.await(30, TimeUnit.SECONDS)).as("the hung probe was interrupted").isTrue();
  }

  @Test
  void independentStepsRunAtTheSameTime() {
    CyclicBarrier both = new CyclicBarrier(2);
    Supplier<Verdict> meet =
        () -> {
          try {
            both.await(30, TimeUnit.SECONDS); // only returns when the other step runs too
            return Verdict.pass("met");
          } catch (Exception e) {
            return Verdict.fail("ran alone: " + e, "");
          }
        };
    HealthReport r =
        run(Duration.ofSeconds(60), new Scripted(1, "a", meet), new Scripted(4, "d", meet));
    assertThat(r.results()).extracting(CheckResult::status).containsOnly(Status.PASS);
  }

  @Test
  void aProbeThatThrowsFailsWithTheErrorAndTheLog() {
    HealthReport r =
        run(
            Duration.ofSeconds(20),
            new Scripted(
                1,
                "a",
                () -> {
                  throw new IllegalStateException("dp.source.password is not set");
                }));
    assertThat(r.step(1).status()).isEqualTo(Status.FAIL);
    assertThat(r.step(1).detail()).contains("dp.source.password is not set");
    assertThat(r.step(1).next()).contains("./dp logs dp_a");
  }

  @Test
  void theJsonIsOneObjectPerStepWithTheIssuesKeys() throws Exception {
    HealthReport r =
        run(
            Duration.ofSeconds(20),
            new Scripted(1, "a", () -> Verdict.fail("a is broken", "look at a").with("n", 3)),
            passing(4, "d"));
    JsonNode json = new ObjectMapper().readTree(r.toJson());
    assertThat(json.isArray()).isTrue();
    assertThat(json).hasSize(2);
    JsonNode first = json.get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly("step", "service", "status", "detail", "evidence");
    assertThat(first.path("step").asInt()).isEqualTo(1);
    assertThat(first.path("service").asText()).isEqualTo("a");
    assertThat(first.path("status").asText()).isEqualTo("FAIL");
    assertThat(first.path("detail").asText()).isEqualTo("a is broken. Next: look at a");
    assertThat(first.path("evidence").path("n").asInt()).isEqualTo(3);
  }
}
