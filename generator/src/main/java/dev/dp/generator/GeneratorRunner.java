package dev.dp.generator;

import dev.dp.catalog.SourceSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the generator against the source database: creates the schema, seeds once per seed, resumes
 * at the stored position with the model rebuilt from the database, and writes paced changes until
 * the count is reached or a stop is requested.
 */
public final class GeneratorRunner {

  /** How to run. {@code count} 0 means forever; {@code baseTime} null means now at seeding. */
  public record Settings(
      String jdbcUrl,
      String user,
      String password,
      double rate,
      long count,
      boolean createSchema,
      Instant baseTime) {

    @Override
    public String toString() {
      // Never print the password.
      return "Settings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", rate=" + rate + "]";
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(GeneratorRunner.class);

  private final Settings settings;
  private final WorkloadConfig workload;
  private volatile boolean stopRequested;
  private volatile Thread worker;

  /** A runner; {@code workload}'s base time is replaced by the stored or chosen one. */
  public GeneratorRunner(Settings settings, WorkloadConfig workload) {
    this.settings = settings;
    this.workload = workload;
  }

  /** Asks the run to stop after the change in flight; safe from any thread (e.g. a signal). */
  public void requestStop() {
    stopRequested = true;
    Thread t = worker;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  /** Whether {@link #requestStop()} was called. */
  public boolean stopRequested() {
    return stopRequested;
  }

  /**
   * Runs until the count is reached or a stop is requested.
   *
   * @return the number of changes applied by this run
   * @throws GeneratorException if the database refuses a write or cannot be reached
   */
  public long run() {
    worker = Thread.currentThread();
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      if (settings.createSchema()) {
        SourceSchema.apply(c);
      }
      ProgressStore.ensureTable(c);
      if (!ProgressStore.tryLock(c, workload.seed())) {
        throw new GeneratorException(
            "another generator with seed "
                + workload.seed()
                + " is connected to this database; stop it or choose another --seed");
      }
      return runLocked(c);
    } catch (SQLException e) {
      throw new GeneratorException(
          "database error: "
              + e.getMessage()
              + " (check --jdbc-url, --user, DP_GENERATOR_PASSWORD and that the source schema"
              + " exists, or run with --create-schema)",
          e);
    }
  }

  private long runLocked(Connection c) throws SQLException {
    long seed = workload.seed();
    Optional<ProgressStore.Progress> progress = ProgressStore.read(c, seed);
    LiveModel model = ModelLoader.load(c);
    ChangeWriter writer = new ChangeWriter(c, seed);
    WorkloadPlanner planner;
    long position;
    if (progress.isPresent() && progress.get().seeded()) {
      Instant base = progress.get().baseTime();
      planner = new WorkloadPlanner(workload.withBaseTime(base != null ? base : Instant.EPOCH));
      position = progress.get().changesApplied();
      if (settings.baseTime() != null && !settings.baseTime().equals(base)) {
        LOG.warn("--base-time ignored: seed {} was seeded with base time {}", seed, base);
      }
      LOG.info(
          "Generator starting: seed {}, resuming at change {} (already seeded), rate {}, count {}",
          seed,
          position,
          describeRate(),
          describeCount());
      LOG.info("Model rebuilt from the database: {}", model.sizes());
    } else {
      Instant base =
          settings.baseTime() != null
              ? settings.baseTime()
              : Instant.now().truncatedTo(ChronoUnit.SECONDS);
      planner = new WorkloadPlanner(workload.withBaseTime(base));
      position = 0;
      LOG.info(
          "Generator starting: seed {}, starting at change 0 (seeding), rate {}, count {}",
          seed,
          describeRate(),
          describeCount());
      Change seeding = planner.seed(model);
      writer.writeSeeding(seeding, base);
      LOG.info("Seeded reference tables, event time starts at {}: {}", base, model.sizes());
    }

    Pacer pacer = new Pacer(settings.rate());
    long applied = 0;
    long started = System.nanoTime();
    while (!stopRequested && (settings.count() <= 0 || applied < settings.count())) {
      pacer.awaitNextSlot(() -> stopRequested);
      if (stopRequested) {
        break;
      }
      writer.writeChange(planner.plan(position, model));
      position++;
      applied++;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (stopRequested) {
      LOG.info("Generator stopped: {} changes applied, next change is {}", applied, position);
    } else {
      LOG.info("Generator finished: {} changes applied", applied);
    }
    LOG.info(
        "{} changes in {} s ({} changes/s); model: {}",
        applied,
        String.format("%.1f", seconds),
        String.format("%.0f", seconds > 0 ? applied / seconds : 0),
        model.sizes());
    return applied;
  }

  private Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", settings.user());
    if (settings.password() != null) {
      props.setProperty("password", settings.password());
    }
    props.setProperty("ApplicationName", "dp-data-generator");
    return DriverManager.getConnection(settings.jdbcUrl(), props);
  }

  private String describeRate() {
    return settings.rate() <= 0 ? "unlimited" : settings.rate() + " changes/s";
  }

  private String describeCount() {
    return settings.count() <= 0 ? "unbounded" : String.valueOf(settings.count());
  }
}
