package dev.dp.health.checks;

import dev.dp.health.HealthCheck;
import dev.dp.health.HealthThresholds;
import dev.dp.health.PlaybookStep;
import dev.dp.health.ProbeContext;
import dev.dp.health.ProcessVerdicts;
import dev.dp.health.ServiceProcess;
import dev.dp.health.Text;
import dev.dp.health.Verdict;
import dev.dp.stack.GeneratorProgress;
import dev.dp.stack.LogFiles;
import dev.dp.stack.ServiceState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Step 1, data-generator: is data being produced? The generator's position ({@link
 * GeneratorProgress}: {@code dp_generator.progress} in postgres-source, written in the same
 * transaction as each change) read twice a sample window apart gives the changes committed
 * meanwhile and the last commit time; its log says whether a run that ended finished its bounded
 * count, was stopped or failed. A finished or stopped generator is not a failure (PASS / WARN); a
 * dead or stuck one is.
 */
public final class GeneratorCheck implements HealthCheck<GeneratorCheck.Observation> {

  static final String SERVICE = "data-generator";

  /**
   * What the probe saw.
   *
   * @param process the generator's process
   * @param run how its last run ended, per its log
   * @param changesBefore changes committed so far at the first reading, or null when unknown
   * @param changesAfter at the second reading (a sample window later, only while it runs), or null
   * @param lastCommit when the last change committed, or null
   * @param window time between the readings
   * @param progressError why the position could not be read, or empty
   * @param now when it was seen
   */
  public record Observation(
      ServiceProcess process,
      GeneratorRun run,
      Long changesBefore,
      Long changesAfter,
      Instant lastCommit,
      Duration window,
      String progressError,
      Instant now) {}

  @Override
  public PlaybookStep step() {
    return PlaybookStep.of(1, "Data Generator", SERVICE);
  }

  @Override
  public boolean judgesProcessState() {
    return true;
  }

  @Override
  public Observation probe(ProbeContext ctx) throws InterruptedException {
    ServiceProcess p = ctx.process(SERVICE);
    GeneratorRun run = GeneratorRun.parse(LogFiles.tailOfLastRun(p.log(), 50));
    Long before = null;
    Long after = null;
    Instant lastCommit = null;
    Duration window = Duration.ZERO;
    String error = "";
    ctx.doing("reading dp_generator.progress in postgres-source");
    try (Connection c = ctx.sql("postgres-source")) {
      Optional<GeneratorProgress.Position> first = GeneratorProgress.position(c);
      if (first.isPresent()) {
        before = first.get().changesApplied();
        lastCommit = first.get().lastCommit();
        if (p.running()) {
          window = ctx.sample();
          Optional<GeneratorProgress.Position> second = GeneratorProgress.position(c);
          after = second.map(GeneratorProgress.Position::changesApplied).orElse(before);
          lastCommit = second.map(GeneratorProgress.Position::lastCommit).orElse(lastCommit);
        }
      }
    } catch (SQLException | IllegalStateException e) {
      error = Text.error(e); // IllegalStateException: credentials not generated, never started
    }
    return new Observation(p, run, before, after, lastCommit, window, error, ctx.now());
  }

  @Override
  public Verdict verdict(Observation o, HealthThresholds t) {
    ServiceProcess p = o.process();
    String total = o.changesBefore() == null ? "none" : Long.toString(o.changesBefore());
    String last = "the last " + Text.ago(o.lastCommit(), o.now());
    Verdict v = judge(o, t, p, total, last);
    return v.with("state", p.state().label())
        .with("changes_committed", o.changesAfter() != null ? o.changesAfter() : o.changesBefore())
        .with(
            "changes_in_window",
            o.changesAfter() != null && o.changesBefore() != null
                ? o.changesAfter() - o.changesBefore()
                : null)
        .with("window_seconds", o.window().isZero() ? null : o.window().toMillis() / 1000.0)
        .with("last_commit", o.lastCommit() == null ? null : o.lastCommit().toString())
        .with("last_commit_age_seconds", Text.ageSeconds(o.lastCommit(), o.now()))
        .with("bounded_run", o.run().end() == GeneratorRun.End.FINISHED ? o.run().changes() : null);
  }

  private static Verdict judge(
      Observation o, HealthThresholds t, ServiceProcess p, String total, String last) {
    boolean finished =
        p.state() == ServiceState.FINISHED
            || (p.state() == ServiceState.EXITED && o.run().end() == GeneratorRun.End.FINISHED);
    if (finished) {
      String n = o.run().changes() >= 0 ? Long.toString(o.run().changes()) : "?";
      return Verdict.pass(
          "finished: bounded run of "
              + n
              + " ("
              + total
              + " changes committed in all, "
              + last
              + ")");
    }
    if (p.state() == ServiceState.STOPPED) {
      return Verdict.warn(
          "stopped: no changes are being generated (" + total + " committed so far)",
          "./dp up "
              + SERVICE
              + " (or ./dp up --generator-count N "
              + SERVICE
              + " for a bounded run)");
    }
    if (!p.running()) {
      if (o.run().end() == GeneratorRun.End.FAILED) {
        return Verdict.fail(
            "failed: " + o.run().message(), p.logHint() + ", then ./dp up " + SERVICE);
      }
      return ProcessVerdicts.notRunning(p)
          .orElse(Verdict.fail(SERVICE + " is " + p.state().label(), p.logHint()));
    }
    if (!o.progressError().isEmpty()) {
      return Verdict.fail(
          "running, but its position in dp_generator.progress cannot be read: " + o.progressError(),
          "./dp psql postgres-source -c 'SELECT * FROM dp_generator.progress'");
    }
    Duration uptime = Duration.ofSeconds(Math.max(0, p.uptimeSeconds()));
    if (o.changesBefore() == null || o.lastCommit() == null) {
      return uptime.compareTo(t.generatorStale()) <= 0
          ? Verdict.pass("starting: creating the schema and seeding reference data")
          : Verdict.fail(
              "running for " + Text.duration(uptime) + " but has not seeded the source yet",
              p.logHint());
    }
    long delta = o.changesAfter() - o.changesBefore();
    if (delta > 0) {
      return Verdict.pass(
          "running: "
              + delta
              + " changes committed in the last "
              + Text.seconds(o.window())
              + " ("
              + Text.rate(delta, o.window())
              + "), "
              + o.changesAfter()
              + " in all");
    }
    Duration idle = Duration.between(o.lastCommit(), o.now());
    Duration sinceStart = idle.compareTo(uptime) < 0 ? idle : uptime;
    if (sinceStart.compareTo(t.generatorStale()) <= 0) {
      return Verdict.pass(
          "running: no change in the last " + Text.seconds(o.window()) + ", " + last);
    }
    return Verdict.fail(
        "running but has committed nothing for "
            + Text.duration(sinceStart)
            + " (bound "
            + Text.duration(t.generatorStale())
            + "), "
            + total
            + " committed so far",
        p.logHint());
  }
}
