package dev.dp.chaos;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import dev.dp.catalog.ServiceSpec;
import dev.dp.oracle.Oracle;
import dev.dp.oracle.TableComparison;
import dev.dp.stack.DatabaseEndpoint;
import dev.dp.stack.GeneratorProgress;
import dev.dp.stack.Launchers;
import dev.dp.stack.PipelineCatchUp;
import dev.dp.stack.Readiness;
import dev.dp.stack.RestartHistory;
import dev.dp.stack.SourceCapture;
import dev.dp.stack.SparkJob;
import dev.dp.stack.SparkJobs;
import dev.dp.stack.Supervisor;
import dev.dp.stack.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the fault drill on a running stack, one fault at a time: a bounded burst from the generator,
 * the fault a third of the way into it, the watchdog's restart, the pipeline catching up, and then
 * the three checks a lost or duplicated change cannot pass (gold against the SQL oracle, silver
 * against the source, bronze against Kafka). Each fault starts from a caught-up, verified stack.
 */
public final class ChaosDrill {

  /**
   * How the drill runs.
   *
   * @param burst changes per fault's generator burst
   * @param rate changes per second of the burst
   * @param recoverTimeout how long the service may take to run again, and the pipeline to catch up
   */
  public record Settings(int burst, int rate, Duration recoverTimeout, Audit audit) {}

  /** When the silver and bronze audit (a Spark job of a minute or more) runs. */
  public enum Audit {
    /** After every fault: a loss or duplicate is attributed to the fault that caused it. */
    EACH_FAULT,
    /**
     * Once, after the last fault: faster, and every fault's row shows that one audit; a loss it
     * finds is counted on the last fault's row and fails the drill, but is not attributed.
     */
    AFTER_LAST_FAULT
  }

  private static final String AUDIT_MAIN = "dev.dp.ingest.spark.IngestCheckJob";

  private final DpConfig config;
  private final Supervisor supervisor;
  private final Settings settings;
  private final Consumer<String> out;

  /** A drill of the stack {@code config} describes. */
  public ChaosDrill(DpConfig config, Settings settings, Consumer<String> out) {
    this.config = config;
    this.supervisor = new Supervisor(config, Launchers.standard(), line -> {});
    this.settings = settings;
    this.out = out;
  }

  /**
   * Runs every fault in order and returns what each did.
   *
   * @throws IllegalStateException when the stack cannot be drilled (no watchdog)
   */
  public List<FaultOutcome> run(List<Fault> faults) throws Exception {
    if (supervisor.watchdog().isEmpty()) {
      throw new IllegalStateException(
          "the watchdog is not running, so nothing would restart a killed service: run ./dp up"
              + " first");
    }
    ServiceSpec generator = config.catalog().require("data-generator");
    if (supervisor.liveProcess(generator).isPresent()) {
      out.accept("stopping the running data-generator: each fault brings its own bounded burst");
      supervisor.stop(generator);
    }
    List<FaultOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < faults.size(); i++) {
      Fault f = faults.get(i);
      boolean audit = settings.audit() == Audit.EACH_FAULT || i == faults.size() - 1;
      out.accept(f.label() + ": starting a burst of " + settings.burst() + " changes");
      FaultOutcome o = drill(f, audit);
      out.accept(
          String.format(
              "%s: %s; restarted after %.0f s, caught up after %.0f s, lost %d, duplicated %d,"
                  + " gold different %d, verify %s, audit %s",
              f.label(),
              o.verdict(),
              o.restartSeconds(),
              o.caughtUpSeconds(),
              o.lost(),
              o.duplicated(),
              o.goldDifferent(),
              o.verifyEqual() ? "PASS" : "FAIL",
              o.audit().deferred()
                  ? "after the last fault"
                  : o.audit().passed() ? "PASS" : "FAIL"));
      outcomes.add(o);
    }
    return FaultOutcome.judgedByTheLastAudit(outcomes);
  }

  private FaultOutcome drill(Fault fault, boolean runAudit) throws Exception {
    ServiceSpec spec = config.catalog().require(fault.service());
    long before = changesApplied();
    burst();
    Waits.Outcome third =
        Waits.until(
            Waits.deadline(settings.recoverTimeout()),
            () -> {
              long n = changesApplied() - before;
              return n >= settings.burst() / 3
                  ? Readiness.ready(n + " changes")
                  : Readiness.notYet(n + " changes committed");
            },
            () -> null);
    if (!third.ready()) {
      return failed(fault, "the burst did not get going: " + third.last().detail());
    }
    long pid =
        supervisor
            .liveProcess(spec)
            .orElseThrow(() -> new IllegalStateException(fault.service() + " is not running"))
            .pid();
    long t0 = System.nanoTime();
    double restartSeconds;
    if (fault.action() == Fault.Action.KILL) {
      supervisor.kill(spec, fault.service().equals("spark-worker"));
      Waits.Outcome back =
          Waits.until(
              Waits.deadline(settings.recoverTimeout()), () -> runningAgain(spec, pid), () -> null);
      if (!back.ready()) {
        return failed(fault, "not restarted: " + back.last().detail());
      }
    } else {
      signal("STOP", pid);
      try {
        Thread.sleep(fault.pause().toMillis()); // the fault's duration, not a wait for a condition
      } finally {
        signal("CONT", pid);
      }
    }
    restartSeconds = seconds(t0);
    Waits.Outcome finished =
        Waits.until(
            Waits.deadline(settings.recoverTimeout()),
            () ->
                supervisor.liveProcess(config.catalog().require("data-generator")).isEmpty()
                    ? Readiness.ready("finished")
                    : Readiness.notYet("generator still writing"),
            () -> null);
    if (!finished.ready()) {
      return failed(fault, "the burst did not finish: " + finished.last().detail());
    }
    String lsn = SourceCapture.currentLsn(config);
    Waits.Outcome caughtUp =
        Waits.until(
            Waits.deadline(settings.recoverTimeout()),
            () -> PipelineCatchUp.probe(config, lsn),
            () -> null);
    if (!caughtUp.ready()) {
      return failed(fault, "the pipeline did not catch up: " + caughtUp.last().detail());
    }
    double caughtUpSeconds = seconds(t0);
    List<TableComparison> gold = verify();
    SilverAudit audit = runAudit ? audit(fault) : SilverAudit.DEFERRED;
    long goldMissing = gold.stream().mapToLong(TableComparison::missing).sum();
    long goldExtra = gold.stream().mapToLong(t -> t.extra() + t.duplicateKeys()).sum();
    long goldDifferent = gold.stream().mapToLong(TableComparison::different).sum();
    boolean equal = gold.stream().allMatch(TableComparison::matches);
    String detail =
        (equal ? "" : "gold differs from the oracle; ")
            + (audit.passed() || audit.deferred() ? "" : "audit failed, see " + audit.log());
    return new FaultOutcome(
        fault,
        true,
        restartSeconds,
        caughtUpSeconds,
        audit.bronzeMissing() + audit.silverOnlyInSource() + goldMissing,
        audit.bronzeExtra() + audit.silverOnlyInSilver() + goldExtra,
        goldDifferent,
        equal,
        audit,
        detail);
  }

  private Readiness runningAgain(ServiceSpec spec, long killedPid) {
    boolean newProcess = supervisor.liveProcess(spec).map(h -> h.pid() != killedPid).orElse(false);
    RestartHistory h = RestartHistory.read(config.paths(), spec);
    if (h.state() == RestartHistory.Watch.CRASH_LOOP) {
      return Readiness.notYet("crash loop: " + h.lastExit().describe());
    }
    if (spec.job() && h.state() == RestartHistory.Watch.FINISHED) {
      return Readiness.ready("finished");
    }
    return newProcess && h.state() == RestartHistory.Watch.WATCHING
        ? Readiness.ready("running again")
        : Readiness.notYet("watchdog: " + h.state());
  }

  private void burst() {
    Map<String, String> overrides = new java.util.LinkedHashMap<>(config.overrides());
    overrides.put(DpSettings.GENERATOR_COUNT.key(), Integer.toString(settings.burst()));
    overrides.put(DpSettings.GENERATOR_RATE.key(), Integer.toString(settings.rate()));
    new Supervisor(config.reloaded(overrides), Launchers.standard(), line -> {})
        .up(List.of("data-generator"));
  }

  private long changesApplied() {
    try (Connection c = DatabaseEndpoint.of(config, "postgres-source").connect()) {
      return GeneratorProgress.changesApplied(c);
    } catch (SQLException e) {
      return -1; // the source is down (a fault of its own): not progress
    }
  }

  private List<TableComparison> verify() throws SQLException {
    try (Connection s = DatabaseEndpoint.of(config, "postgres-source").connect();
        Connection d = DatabaseEndpoint.of(config, "postgres-dest").connect()) {
      return new Oracle().verifyAll(s, d);
    }
  }

  private SilverAudit audit(Fault fault) throws IOException, InterruptedException {
    DatabaseEndpoint source = DatabaseEndpoint.of(config, "postgres-source");
    SparkJob check =
        new SparkJob(
            "dp_chaos_audit_" + fault.service().replace('-', '_'),
            "ingest",
            AUDIT_MAIN,
            List.of(source.jdbcUrl(), source.user(), config.kafkaBootstrap()),
            Map.of("DP_SOURCE_PASSWORD", source.password()),
            Map.of(),
            SparkJob.Warmup.QUICK_START);
    Path log = SparkJobs.log(config, check);
    Files.deleteIfExists(log);
    SparkJobs.run(config, check, SparkJobs.ClusterManager.STANDALONE, settings.recoverTimeout());
    List<String> lines = Files.isRegularFile(log) ? Files.readAllLines(log) : List.of();
    return SilverAudit.parse(lines, log.toString());
  }

  private static void signal(String signal, long pid) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor();
  }

  private static FaultOutcome failed(Fault fault, String why) {
    return new FaultOutcome(
        fault, false, -1, -1, 0, 0, 0, false, new SilverAudit(false, 0, 0, 0, 0, ""), why);
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
