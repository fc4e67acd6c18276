package dev.dp.console;

import dev.dp.bench.LiveFreshness;
import dev.dp.contracts.ProcessProgress;
import dev.dp.stack.IngestReport;
import java.time.Instant;
import java.util.List;

/**
 * What the pipeline page shows: every catalog service as {@code dp status} shows it, each stage's
 * lag and freshness, the row counts of the source and gold tables with what the ingest job applied
 * to silver, and what was quarantined.
 *
 * @param at when it was read
 * @param services one row per catalog service, in catalog order
 * @param totalRssBytes resident memory of the running services
 * @param slot the connector's replication slot (WAL not confirmed = the CDC stage's lag), or null
 * @param ingest the ingest job's progress and Kafka lag, or null before it reports
 * @param process the process job's progress, or null before it reports
 * @param freshness per-change freshness of silver and gold, as {@code dp status} computes it
 * @param tables per source table: source rows, topic messages, what silver applied, the lag
 * @param gold per gold table: rows and the last refresh's changes
 * @param watermark the newest gold watermark, or null
 * @param quarantined events quarantined since the ingest job started
 * @param problems parts that could not be read (a service down), for the page to show
 */
public record PipelineView(
    Instant at,
    List<ServiceRow> services,
    long totalRssBytes,
    ReplicationSlot slot,
    IngestReport ingest,
    ProcessProgress process,
    LiveFreshness freshness,
    List<SourceTableRow> tables,
    List<GoldTableRow> gold,
    RowCounts.Watermark watermark,
    long quarantined,
    List<String> problems) {

  /** Copies the lists. */
  public PipelineView {
    services = List.copyOf(services);
    tables = List.copyOf(tables);
    gold = List.copyOf(gold);
    problems = List.copyOf(problems);
  }

  /**
   * A catalog service as {@code dp status} shows it.
   *
   * @param service service name
   * @param container container name
   * @param layer inventory layer
   * @param state state label ({@code running}, {@code stopped}, {@code not-yet-local}, ...)
   * @param pid process id, or null
   * @param ports effective ports
   * @param uptimeSeconds seconds since start, or null
   * @param rssBytes resident memory, or null
   * @param note why it is not run locally, or empty
   */
  public record ServiceRow(
      String service,
      String container,
      String layer,
      String state,
      Long pid,
      List<Integer> ports,
      Long uptimeSeconds,
      Long rssBytes,
      String note) {}

  /**
   * One source table through the pipeline.
   *
   * @param table source table
   * @param sourceRows rows in postgres-source, or null when unknown
   * @param topicMessages messages kept in its topic, or null when unknown
   * @param silverRowsApplied silver rows the ingest job wrote since it started
   * @param changesIgnored replayed or older changes the ingest job ignored
   * @param lastSourceCommit source commit time of the newest change applied to silver, or null
   * @param kafkaLag topic records the ingest job has not applied, or null when unknown
   */
  public record SourceTableRow(
      String table,
      Long sourceRows,
      Long topicMessages,
      long silverRowsApplied,
      long changesIgnored,
      Instant lastSourceCommit,
      Long kafkaLag) {}

  /**
   * One gold table.
   *
   * @param table gold table name
   * @param rows rows in postgres-dest, or null when unknown
   * @param lastUpserted rows the last refresh inserted or updated, or null
   * @param lastDeleted rows the last refresh deleted, or null
   */
  public record GoldTableRow(String table, Long rows, Long lastUpserted, Long lastDeleted) {}
}
