package dev.dp.cli;

import dev.dp.bench.BenchException;
import dev.dp.bench.BenchRun;
import dev.dp.bench.BenchSettings;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dp bench}: measures throughput and per-change freshness (see {@link BenchRun}); the logic
 * is in module {@code bench}, this is only its command line.
 */
@Command(
    name = "bench",
    description = {
      "Measure the pipeline. Phases: a warm-up; a steady load at --rate changes/s",
      "for --steady seconds; one burst of --burst rows in --burst-transactions",
      "transactions, beside PostgreSQL decoding the same WAL with nothing",
      "downstream; catch-up; then dp verify. Reports per phase the source rate,",
      "Debezium -> Kafka events/s, silver rows/s, gold refreshes, per-change",
      "freshness source -> silver and -> gold (p50/p99/max), and whether the Kafka",
      "lag grew. Writes report.json, report.txt and freshness.png to",
      "DP_HOME/bench/<timestamp>/.",
      "By default it starts a stack of its own on offset ports (DP_HOME/bench-stack)",
      "and stops it at the end; --attach measures the running stack instead (its",
      "data-generator is stopped).",
      "Exit code: 0 verify passed, 1 gold differs from the oracle, 3 a phase timed",
      "out, 4 the stack could not be measured."
    })
final class BenchCommand implements Callable<Integer> {

  /** Exit code for invalid options, as for an invalid configuration. */
  static final int INVALID_OPTIONS = 2;

  @Mixin StackOptions stack;

  @Option(
      names = "--attach",
      description = "Measure the running stack of this DP_HOME instead of starting one.")
  boolean attach;

  @Option(
      names = "--rate",
      paramLabel = "CHANGES",
      defaultValue = "200",
      description = "Changes per second offered in the steady phase (default ${DEFAULT-VALUE}).")
  int rate;

  @Option(
      names = "--steady",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description = "Length of the steady phase (default ${DEFAULT-VALUE}).")
  long steadySeconds;

  @Option(
      names = "--burst",
      paramLabel = "ROWS",
      defaultValue = "100000",
      description = "Rows of the bulk burst (default ${DEFAULT-VALUE}).")
  long burstRows;

  @Option(
      names = "--burst-transactions",
      paramLabel = "N",
      defaultValue = "10",
      description = "Transactions the burst is split into (default ${DEFAULT-VALUE}).")
  int burstTransactions;

  @Option(
      names = "--warmup",
      paramLabel = "CHANGES",
      defaultValue = "200",
      description =
          "Generator changes written and caught up with before the steady phase"
              + " (default ${DEFAULT-VALUE}).")
  long warmupChanges;

  @Option(
      names = "--phase-timeout",
      paramLabel = "SECONDS",
      defaultValue = "900",
      description = "The most any phase may take (default ${DEFAULT-VALUE}).")
  long phaseTimeoutSeconds;

  @Option(
      names = "--port-offset",
      paramLabel = "N",
      defaultValue = "20000",
      description = "DP_PORT_OFFSET of the stack the bench starts (default ${DEFAULT-VALUE}).")
  int portOffset;

  @Option(
      names = "--sample-millis",
      paramLabel = "MILLIS",
      defaultValue = "1000",
      description =
          "How often Kafka, the progress files and the source are read (default ${DEFAULT-VALUE}).")
  long sampleMillis;

  @Override
  public Integer call() {
    BenchSettings settings =
        new BenchSettings(
            attach,
            rate,
            steadySeconds,
            burstRows,
            burstTransactions,
            warmupChanges,
            phaseTimeoutSeconds,
            portOffset,
            sampleMillis);
    List<String> problems = settings.problems();
    if (!problems.isEmpty()) {
      System.err.println("dp bench: " + String.join("; ", problems));
      return INVALID_OPTIONS;
    }
    BenchRun run =
        attach
            ? BenchRun.attached(settings, stack::config, System.out::println)
            : BenchRun.ownStack(
                settings, stack.config(), System.getenv(), stack.overrides, System.out::println);
    try {
      return run.run().exitCode();
    } catch (BenchException e) {
      System.err.println(e.getMessage());
      return e.exitCode();
    }
  }
}
