package dev.dp.bench;

import dev.dp.catalog.DpConfig;
import dev.dp.contracts.Visibility;
import dev.dp.oracle.Oracle;
import dev.dp.oracle.TableComparison;
import dev.dp.stack.DatabaseEndpoint;
import dev.dp.stack.PipelineCatchUp;
import dev.dp.stack.Readiness;
import dev.dp.stack.SourceCapture;
import dev.dp.stack.Waits;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One {@code dp bench} run: warm-up, steady load, bulk burst, catch-up and verify against the
 * stack's real services, each phase bounded by the phase timeout; then the report, written under
 * {@code DP_HOME/bench/<timestamp>/} and printed.
 *
 * <ol>
 *   <li><b>warm-up</b>: a short generator run, then wait until the pipeline has caught up, so the
 *       steady phase starts with every table created and no backlog;
 *   <li><b>steady</b>: the generator at the offered rate for the fixed time;
 *   <li><b>bulk</b>: a temporary reference slot is created, the burst is inserted, the slot decodes
 *       the burst's WAL range with nothing downstream, and the phase ends when silver has applied
 *       the burst;
 *   <li><b>catch-up</b>: until ingest has no lag and gold is up to date with silver;
 *   <li><b>verify</b>: every gold table against the SQL oracle, as {@code dp verify} does.
 * </ol>
 */
public final class BenchRun {

  /** Exit code when verify found gold different from the oracle (as {@code dp verify}). */
  public static final int VERIFY_FAILED = 1;

  private static final DateTimeFormatter DIRECTORY =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final BenchSettings settings;
  private final Supplier<BenchStack> stacks;
  private final Path outputHome;
  private final Consumer<String> out;

  private final List<PhaseSpan> phases = new ArrayList<>();
  private DecodingReference.Decoded decoded;
  private String decodingNote;
  private long burstRows;
  private Double secondsToSilver;
  private VerifyOutcome verify = VerifyOutcome.notRun("the bench stopped before verify");
  private String current = "start";

  private BenchRun(
      BenchSettings settings, Supplier<BenchStack> stacks, Path outputHome, Consumer<String> out) {
    this.settings = settings;
    this.stacks = stacks;
    this.outputHome = outputHome;
    this.out = out;
  }

  /**
   * A bench of the running stack.
   *
   * @param configs the user's configuration with extra settings
   */
  public static BenchRun attached(
      BenchSettings settings,
      Function<Map<String, String>, DpConfig> configs,
      Consumer<String> out) {
    return new BenchRun(
        settings,
        () -> BenchStack.attach(configs, out),
        configs.apply(Map.of()).paths().home(),
        out);
  }

  /**
   * A bench of a stack it starts in {@code DP_HOME/bench-stack} on offset ports and stops at the
   * end; the report goes to the user's {@code DP_HOME/bench}.
   *
   * @param user the user's configuration (its {@code DP_HOME} holds the reports)
   * @param env the environment
   * @param overrides the user's command-line settings, applied to the bench's stack too
   */
  public static BenchRun ownStack(
      BenchSettings settings,
      DpConfig user,
      Map<String, String> env,
      Map<String, String> overrides,
      Consumer<String> out) {
    Path home = user.paths().home();
    return new BenchRun(
        settings,
        () ->
            BenchStack.start(
                user.catalog(),
                user.checkout(),
                env,
                overrides,
                home.resolve("bench-stack"),
                settings.portOffset(),
                out),
        home,
        out);
  }

  /**
   * What a run produced.
   *
   * @param report the report
   * @param directory where its files are
   * @param exitCode 0 when every phase ran and verify passed
   */
  public record Result(BenchReport report, Path directory, int exitCode) {}

  /** Runs the bench; the report is written even when a phase fails. */
  public Result run() {
    List<String> problems = settings.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("dp bench: " + String.join("; ", problems));
    }
    Instant started = Instant.now();
    Path directory = outputHome.resolve("bench").resolve(DIRECTORY.format(started));
    try (BenchStack stack = stacks.get()) {
      DpConfig config = stack.config();
      List<Sample> samples;
      BenchException failure = null;
      try (Sampler sampler = new Sampler(config, settings.sampleInterval(), out)) {
        try {
          phases(stack, config, sampler);
        } catch (BenchException e) {
          failure = e;
        } catch (RuntimeException e) {
          failure =
              new BenchException(current + ": " + e.getMessage(), BenchException.NOT_MEASURABLE, e);
        }
        if (failure != null) {
          out.accept("dp bench: " + failure.getMessage());
        }
        samples = sampler.samples();
      }
      String visibilityNote = null;
      List<Visibility> visibility = List.of();
      JobFiles jobs = new JobFiles(config);
      try {
        visibility = jobs.visibility();
      } catch (UncheckedIOException e) {
        visibilityNote = "the visibility logs cannot be read: " + e.getMessage();
      }
      BenchReports.Run run =
          new BenchReports.Run(
              started,
              Instant.now(),
              new StackInfo(
                  stack.own() ? "own" : "attached",
                  config.paths().home().toString(),
                  config.portOffset(),
                  stack.startSeconds()),
              phases,
              decoded,
              decodingNote,
              burstRows,
              secondsToSilver,
              verify,
              visibilityNote,
              failure == null ? null : failure.getMessage());
      BenchReport report = BenchReports.build(settings, run, samples, visibility);
      BenchOutput.write(directory, report, samples);
      out.accept(ReportText.render(report));
      out.accept("dp bench: report in " + directory);
      int code = failure != null ? failure.exitCode() : verify.passed() ? 0 : VERIFY_FAILED;
      return new Result(report, directory, code);
    }
  }

  private void phases(BenchStack stack, DpConfig config, Sampler sampler) {
    warmUp(stack, config, sampler);
    steady(stack, sampler);
    bulk(config, sampler);
    catchUp(config, sampler);
    verify = verify(config);
  }

  private void warmUp(BenchStack stack, DpConfig config, Sampler sampler) {
    Instant start =
        begin(sampler, "warm-up", settings.warmupChanges() + " generator changes, then catch-up");
    stack.runGenerator(settings.warmupChanges(), settings.rate());
    Instant commitsEnd = awaitGeneratorDone(stack, "warm-up", settings.phaseTimeout());
    awaitCaughtUp(config, "warm-up");
    phases.add(new PhaseSpan("warm-up", start, Instant.now(), start, commitsEnd, null));
  }

  private void steady(BenchStack stack, Sampler sampler) {
    long count = (long) settings.rate() * settings.steadySeconds();
    begin(
        sampler,
        "steady",
        settings.rate()
            + " changes/s for "
            + settings.steadySeconds()
            + " s ("
            + count
            + " changes)");
    stack.runGenerator(count, settings.rate());
    Instant start = Instant.now(); // the generator writes from here
    sampler.phase("steady", start);
    Waits.until(
        Waits.deadline(settings.steady()),
        () ->
            stack.generatorRunning()
                ? Readiness.notYet("writing")
                : Readiness.ready("finished its changes"),
        () -> null);
    if (stack.generatorRunning()) {
      stack
          .stopGenerator(); // it could not write the changes in the time: the report shows the rate
    }
    phases.add(PhaseSpan.sampled("steady", start, Instant.now()));
  }

  private void bulk(DpConfig config, Sampler sampler) {
    Instant start =
        begin(
            sampler,
            "bulk",
            settings.burstRows()
                + " rows in "
                + settings.burstTransactions()
                + " transaction(s) into "
                + Burst.TABLE);
    DatabaseEndpoint source = source(config);
    ReferenceSlot slot = null;
    try {
      slot = ReferenceSlot.create(source, settings.phaseTimeout());
    } catch (SQLException e) {
      decodingNote = "the reference slot could not be created: " + e.getMessage();
      out.accept("bench: " + decodingNote + " (the bench goes on without the reference)");
    }
    Instant burstStart;
    Instant burstEnd;
    String endLsn;
    try {
      burstStart = Instant.now();
      burstRows = Burst.insert(source, settings.burstRows(), settings.burstTransactions());
      burstEnd = Instant.now();
      endLsn = SourceCapture.currentLsn(config);
      out.accept(
          String.format(
              "bench: burst of %d rows committed in %.1f s (WAL up to %s)",
              burstRows, seconds(burstStart, burstEnd), endLsn));
      if (slot != null) {
        decoded = decode(slot, endLsn);
      }
    } catch (SQLException e) {
      throw new BenchException(
          "bulk: the burst could not be written to postgres-source: " + e.getMessage(),
          BenchException.NOT_MEASURABLE,
          e);
    } finally {
      dropQuietly(slot);
    }
    Instant silver = awaitSilver(config, sampler, endLsn, burstStart);
    secondsToSilver = seconds(burstStart, silver);
    SourceRate exact =
        SourceRate.of(
            (long) settings.burstTransactions(),
            burstRows,
            seconds(burstStart, burstEnd),
            "the burst's own INSERTs (rows and transactions committed)");
    phases.add(new PhaseSpan("bulk", start, Instant.now(), burstStart, burstEnd, exact));
  }

  private DecodingReference.Decoded decode(ReferenceSlot slot, String endLsn) {
    try {
      DecodingReference.Decoded d = slot.decode(endLsn, Burst.TABLE);
      out.accept(
          String.format(
              "bench: PostgreSQL decoded the burst's WAL (%s) in %.2f s: %d rows, %d messages",
              ReferenceSlot.PLUGIN, d.seconds(), d.rows(), d.messages()));
      return d;
    } catch (SQLException e) {
      decodingNote = "decoding with the reference slot failed: " + e.getMessage();
      out.accept("bench: " + decodingNote);
      return null;
    }
  }

  private void dropQuietly(ReferenceSlot slot) {
    if (slot == null) {
      return;
    }
    try {
      slot.close();
    } catch (SQLException e) {
      out.accept(
          "bench: could not drop the reference slot "
              + ReferenceSlot.NAME
              + " ("
              + e.getMessage()
              + "); it is temporary and goes when its session ends");
    }
  }

  /** Waits until Debezium has published the burst and the ingest job has no lag. */
  private Instant awaitSilver(DpConfig config, Sampler sampler, String endLsn, Instant burstStart) {
    Instant[] published = {null};
    Sample[] caughtUp = {null};
    Waits.Outcome o =
        Waits.until(
            Waits.deadline(settings.phaseTimeout()),
            () -> {
              if (published[0] == null) {
                Readiness r = SourceCapture.published(config, endLsn);
                if (!r.ready()) {
                  return r;
                }
                published[0] = Instant.now();
              }
              Optional<Sample> s = sampler.latest();
              if (s.isEmpty() || !s.get().at().isAfter(published[0])) {
                return Readiness.notYet("debezium has published the burst; waiting for a sample");
              }
              Long lag = s.get().kafkaLag();
              if (lag == null || lag > 0) {
                return Readiness.notYet(
                    "spark-job-ingest is "
                        + (lag == null ? "an unknown number of" : lag.toString())
                        + " Kafka record(s) behind");
              }
              caughtUp[0] = s.get();
              return Readiness.ready("silver has applied the burst");
            },
            () -> null);
    if (!o.ready()) {
      throw timedOut("bulk", "silver did not apply the burst", o);
    }
    Instant applied = caughtUp[0].ingestUpdatedAt();
    return applied != null && applied.isAfter(burstStart) && applied.isBefore(caughtUp[0].at())
        ? applied
        : caughtUp[0].at();
  }

  private void catchUp(DpConfig config, Sampler sampler) {
    Instant start = begin(sampler, "catch-up", "until ingest has no lag and gold is up to date");
    awaitCaughtUp(config, "catch-up");
    phases.add(new PhaseSpan("catch-up", start, Instant.now(), null, null, null));
  }

  private Waits.Outcome awaitCaughtUp(DpConfig config, String phase) {
    String lsn;
    try {
      lsn = SourceCapture.currentLsn(config);
    } catch (SQLException e) {
      throw new BenchException(
          phase + ": postgres-source does not answer: " + e.getMessage(),
          BenchException.NOT_MEASURABLE,
          e);
    }
    Waits.Outcome o =
        Waits.until(
            Waits.deadline(settings.phaseTimeout()),
            () -> PipelineCatchUp.probe(config, lsn),
            () -> null);
    if (!o.ready()) {
      throw timedOut(phase, "the pipeline did not catch up", o);
    }
    return o;
  }

  private Instant awaitGeneratorDone(BenchStack stack, String phase, Duration timeout) {
    Waits.Outcome o =
        Waits.until(
            Waits.deadline(timeout),
            () ->
                stack.generatorRunning()
                    ? Readiness.notYet("data-generator still writing")
                    : Readiness.ready("data-generator finished"),
            () -> null);
    if (!o.ready()) {
      stack.stopGenerator();
      throw timedOut(phase, "the data-generator did not finish its changes", o);
    }
    return Instant.now();
  }

  private VerifyOutcome verify(DpConfig config) {
    current = "verify";
    out.accept("bench: verify: comparing every gold table with the SQL oracle");
    DatabaseEndpoint dest = DatabaseEndpoint.of(config, "postgres-dest");
    List<TableComparison> results;
    try (Connection s = source(config).connect();
        Connection d = dest.connect()) {
      results = new Oracle().verifyAll(s, d);
    } catch (SQLException e) {
      throw new BenchException(
          "verify: could not compare gold with the oracle: " + e.getMessage(),
          BenchException.NOT_MEASURABLE,
          e);
    }
    boolean equal = results.stream().allMatch(TableComparison::matches);
    return new VerifyOutcome(
        true,
        equal,
        results.stream().map(TableComparison::summary).toList(),
        equal ? "all 5 gold tables equal the oracle" : "gold DIFFERS from the oracle");
  }

  private Instant begin(Sampler sampler, String phase, String what) {
    Instant start = Instant.now();
    current = phase;
    sampler.phase(phase, start);
    out.accept("bench: phase " + phase + ": " + what);
    return start;
  }

  private BenchException timedOut(String phase, String what, Waits.Outcome o) {
    return new BenchException(
        phase
            + ": "
            + what
            + " within the phase timeout of "
            + settings.phaseTimeoutSeconds()
            + " s (--phase-timeout); last seen: "
            + o.last().detail(),
        BenchException.TIMED_OUT);
  }

  private static DatabaseEndpoint source(DpConfig config) {
    return DatabaseEndpoint.of(config, "postgres-source");
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}
