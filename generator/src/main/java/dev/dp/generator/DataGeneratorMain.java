package dev.dp.generator;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code data-generator} service: writes the JADC2 change workload (DOMAIN.md) to the source
 * database. Exit codes: 0 when a bounded run finished, 1 when the database refused a write or could
 * not be reached, 2 for invalid options. On SIGTERM it finishes the change in flight, logs where it
 * stopped and exits with the JVM's code for the signal (143).
 */
@Command(
    name = "data-generator",
    sortOptions = false,
    description =
        "Creates the JADC2 source schema and writes a deterministic, resumable stream of inserts,"
            + " updates and deletes to it. The password is read from the environment variable "
            + DataGeneratorMain.PASSWORD_ENV
            + ".")
public final class DataGeneratorMain implements Callable<Integer> {

  /** The environment variable holding the database password. */
  public static final String PASSWORD_ENV = "DP_GENERATOR_PASSWORD";

  private static final long STOP_GRACE_SECONDS = 30;

  @Spec CommandSpec spec;

  @Option(
      names = "--jdbc-url",
      required = true,
      description =
          "JDBC URL of the source database, e.g. jdbc:postgresql://localhost:5432/jadc2_db")
  String jdbcUrl;

  @Option(names = "--user", required = true, description = "Database user.")
  String user;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description =
          "Seed of the workload; a database resumes per seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--rate",
      defaultValue = "20",
      description =
          "Changes (transactions) per second; 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--count",
      defaultValue = "0",
      description = "Stop after this many changes in this run and exit 0; 0 = run until stopped.")
  long count;

  @Option(
      names = "--create-schema",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      arity = "0..1",
      description =
          "Create missing source types and tables before writing (default: ${DEFAULT-VALUE}).")
  boolean createSchema;

  @Option(
      names = "--mix",
      paramLabel = "KIND=WEIGHT",
      split = ",",
      description = {
        "Weight of a change kind, repeatable or comma-separated; unnamed kinds keep their default.",
        "Kinds (default weight): ${dp.generator.kinds}"
      })
  Map<String, Integer> mix = new LinkedHashMap<>();

  @Option(
      names = "--base-time",
      paramLabel = "INSTANT",
      description =
          "Event time of change 0, e.g. 2025-01-01T00:00:00Z, for byte-identical reruns; used only"
              + " when the seed is first seeded (default: now).")
  String baseTime;

  @Option(names = "--regions", defaultValue = "12", description = "Regions to seed.")
  int regions;

  @Option(names = "--users", defaultValue = "8", description = "Users to seed.")
  int users;

  @Option(names = "--units", defaultValue = "30", description = "Units to seed.")
  int units;

  @Option(names = "--targets", defaultValue = "40", description = "Targets to seed.")
  int targets;

  @Option(
      names = "--weapons-per-unit",
      defaultValue = "2",
      description = "Mean weapons seeded per unit.")
  int weaponsPerUnit;

  @Option(
      names = "--sensors-per-unit",
      defaultValue = "2",
      description = "Mean sensors seeded per unit.")
  int sensorsPerUnit;

  @Option(
      names = "--max-event-rows",
      defaultValue = "100000",
      description = "Age out an event table's oldest rows once it holds more than this many.")
  int maxEventRows;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  private static volatile boolean signalled;

  /** Runs the generator; see {@code --help}. */
  public static void main(String[] args) {
    configureLogging();
    System.setProperty(
        "dp.generator.kinds",
        Arrays.stream(ChangeKind.values())
            .map(k -> k.cliName() + " (" + k.defaultWeight() + ")")
            .collect(Collectors.joining(", ")));
    int code = new CommandLine(new DataGeneratorMain()).execute(args);
    if (!signalled) {
      System.exit(code);
    }
    // Stopped by a signal: the JVM is already shutting down; calling exit here would block.
  }

  @Override
  public Integer call() {
    Logger log = LoggerFactory.getLogger(DataGeneratorMain.class);
    WorkloadConfig workload = workload();
    GeneratorRunner.Settings settings =
        new GeneratorRunner.Settings(
            jdbcUrl, user, System.getenv(PASSWORD_ENV), rate, count, createSchema, base());
    GeneratorRunner runner = new GeneratorRunner(settings, workload);
    CountDownLatch done = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              signalled = true;
              runner.requestStop();
              try {
                if (!done.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                  log.warn("Generator did not stop within {} s", STOP_GRACE_SECONDS);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "dp-generator-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      runner.run();
      return 0;
    } catch (GeneratorException e) {
      // The message names the statement and the database's error; a stack trace adds nothing.
      log.error("Generator failed: {}", e.getMessage());
      log.debug("Cause", e);
      return 1;
    } finally {
      done.countDown();
      if (!signalled) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
  }

  private WorkloadConfig workload() {
    List<String> problems = new ArrayList<>();
    Map<ChangeKind, Integer> weights = new EnumMap<>(ChangeKind.class);
    for (ChangeKind kind : ChangeKind.values()) {
      weights.put(kind, kind.defaultWeight());
    }
    mix.forEach(
        (name, weight) ->
            ChangeKind.fromCliName(name)
                .ifPresentOrElse(
                    kind -> weights.put(kind, weight),
                    () -> problems.add("--mix: unknown change kind '" + name + "'")));
    if (rate < 0) {
      problems.add("--rate must be 0 (unlimited) or positive, was " + rate);
    }
    if (count < 0) {
      problems.add("--count must be 0 (unbounded) or positive, was " + count);
    }
    WorkloadConfig defaults = WorkloadConfig.defaults(seed, Instant.EPOCH);
    WorkloadConfig config =
        new WorkloadConfig(
            seed,
            Instant.EPOCH,
            regions,
            users,
            units,
            weaponsPerUnit,
            sensorsPerUnit,
            targets,
            weights,
            defaults.minRetainedEvents(),
            maxEventRows);
    problems.addAll(config.problems());
    try {
      base();
    } catch (DateTimeParseException e) {
      problems.add("--base-time is not an ISO-8601 instant like 2025-01-01T00:00:00Z: " + baseTime);
    }
    if (!problems.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "Invalid options:\n  " + String.join("\n  ", problems));
    }
    return config;
  }

  private Instant base() {
    return baseTime == null ? null : Instant.parse(baseTime);
  }

  private static void configureLogging() {
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.out");
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
