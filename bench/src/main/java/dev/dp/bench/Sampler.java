package dev.dp.bench;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.SourceTables;
import dev.dp.contracts.IngestProgress;
import dev.dp.contracts.ProcessProgress;
import dev.dp.stack.DatabaseEndpoint;
import dev.dp.stack.GeneratorProgress;
import dev.dp.stack.KafkaAdmin;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;

/**
 * Reads the running pipeline at a fixed interval on its own thread: the source topics' end offsets
 * (one long-lived Kafka admin client), the jobs' progress files, and the source's row-change and
 * generator counters. Every few readings it prints a progress line for the current phase. A source
 * that does not answer leaves its figures null in that {@link Sample}; sampling never stops early.
 */
final class Sampler implements AutoCloseable {

  private static final int KAFKA_TIMEOUT_MS = 3_000;
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
  private static final String SOURCE_ROW_CHANGES =
      "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables"
          + " WHERE schemaname = '"
          + SourceTables.SCHEMA
          + "' AND relname = ANY (?)";

  private final JobFiles jobs;
  private final DatabaseEndpoint source;
  private final Admin admin;
  private final Consumer<String> out;
  private final List<Sample> samples = new ArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "dp-bench-sampler");
            t.setDaemon(true);
            return t;
          });
  private Connection connection;
  private volatile String phase = "start";
  private volatile Instant phaseStart = Instant.now();
  private Instant lastProgress = Instant.EPOCH;

  Sampler(DpConfig config, Duration interval, Consumer<String> out) {
    this.jobs = new JobFiles(config);
    this.source = DatabaseEndpoint.of(config, "postgres-source");
    this.admin = KafkaAdmin.open(config, KAFKA_TIMEOUT_MS);
    this.out = out;
    timer.scheduleWithFixedDelay(
        this::sampleQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Names the phase the progress lines report from now on. */
  void phase(String name, Instant start) {
    phase = name;
    phaseStart = start;
  }

  /** Every sample so far, in time order. */
  List<Sample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  /** The newest sample, empty before the first. */
  Optional<Sample> latest() {
    synchronized (samples) {
      return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(samples.size() - 1));
    }
  }

  private void sampleQuietly() {
    try {
      Sample s = sample();
      synchronized (samples) {
        samples.add(s);
      }
      if (Duration.between(lastProgress, s.at()).compareTo(PROGRESS_EVERY) >= 0) {
        lastProgress = s.at();
        out.accept(progressLine(s));
      }
    } catch (RuntimeException e) {
      out.accept("bench: a sample failed (" + e + "); sampling goes on");
    }
  }

  private Sample sample() {
    Instant at = Instant.now();
    Map<String, Long> end = endOffsets();
    Optional<IngestProgress> ingest = jobs.ingest();
    Optional<ProcessProgress> process = jobs.process();
    Long[] counters = sourceCounters();
    Long endSum = end == null ? null : end.values().stream().mapToLong(Long::longValue).sum();
    Long lag = end == null || ingest.isEmpty() ? null : Sample.lag(end, ingest.get().nextOffsets());
    return new Sample(
        at,
        endSum,
        lag,
        ingest
            .map(
                p ->
                    p.tables().values().stream().mapToLong(IngestProgress.Table::rowsApplied).sum())
            .orElse(null),
        ingest.map(IngestProgress::updatedAt).orElse(null),
        process.map(ProcessProgress::refreshes).orElse(null),
        process.map(ProcessProgress::lastRefresh).orElse(null),
        counters[0],
        counters[1]);
  }

  /** End offset per {@code topic:partition} of the source topics that exist; null when unknown. */
  private Map<String, Long> endOffsets() {
    try {
      Set<String> existing =
          admin.listTopics().names().get(KAFKA_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      List<String> topics = SourceTables.topics().stream().filter(existing::contains).toList();
      return topics.isEmpty() ? Map.of() : KafkaAdmin.endOffsets(admin, topics, KAFKA_TIMEOUT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Exception e) {
      return null; // Kafka slow or down: this sample has no Kafka figures
    }
  }

  /**
   * {row changes in the source tables, generator changes}; nulls when the source does not answer.
   */
  private Long[] sourceCounters() {
    Long rows = null;
    Long generator = null;
    try {
      if (connection == null || connection.isClosed()) {
        connection = source.connect();
      }
      try (PreparedStatement ps = connection.prepareStatement(SOURCE_ROW_CHANGES)) {
        Array names = connection.createArrayOf("text", SourceTables.NAMES.toArray());
        ps.setArray(1, names);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          rows = rs.getLong(1);
        }
      }
      generator = GeneratorProgress.changesApplied(connection);
    } catch (SQLException e) {
      closeConnection();
    }
    return new Long[] {rows, generator};
  }

  private String progressLine(Sample s) {
    List<Sample> recent =
        PhaseFigures.window(samples(), s.at().minus(PROGRESS_EVERY).minusMillis(500), s.at());
    Double sourceRate = PhaseFigures.rate(recent, Sample::sourceRowChanges);
    Double silverRate = PhaseFigures.rate(recent, Sample::silverRowsApplied);
    return String.format(
        "bench %-8s %5d s: source %s row changes/s, Kafka lag %s, silver %s rows/s (%s applied),"
            + " gold refreshes %s",
        phase,
        Duration.between(phaseStart, s.at()).toSeconds(),
        ReportText.number(sourceRate),
        s.kafkaLag() == null ? "?" : s.kafkaLag().toString(),
        ReportText.number(silverRate),
        s.silverRowsApplied() == null ? "?" : s.silverRowsApplied().toString(),
        s.goldRefreshes() == null ? "?" : s.goldRefreshes().toString());
  }

  private void closeConnection() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // the connection is broken anyway; the next sample opens a new one
    }
    connection = null;
  }

  /** Stops sampling (waiting for a reading in progress) and closes the clients. */
  @Override
  public void close() {
    timer.shutdown();
    try {
      if (!timer.awaitTermination(KAFKA_TIMEOUT_MS * 3L, TimeUnit.MILLISECONDS)) {
        timer.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    admin.close(Duration.ofSeconds(2));
    closeConnection();
  }
}
