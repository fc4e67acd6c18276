package dev.dp.cdc;

import dev.dp.catalog.SourceTables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The configuration of {@code postgres-connector}, the Debezium PostgreSQL connector that captures
 * the 15 source tables. The decisions that later stages rely on are made here:
 *
 * <ul>
 *   <li>{@code pgoutput} with a publication of exactly the captured tables;
 *   <li>topics {@code jadc2_db.public.<table>}, key = primary key;
 *   <li>{@code TRUNCATE} published as an event without a key (op {@code t}), not skipped;
 *   <li>numerics as strings (exact, no base64 bytes), with the source column type, precision and
 *       scale in each field's schema;
 *   <li>heartbeats, so the slot's confirmed position moves while tables are idle and PostgreSQL can
 *       recycle WAL;
 *   <li>the password is not stored in Connect's config topic: it is read by Connect's file config
 *       provider from the local credentials file.
 * </ul>
 */
public final class PostgresConnectorConfig {

  /** The connector's name in Kafka Connect. */
  public static final String CONNECTOR_NAME = "postgres-connector";

  /** Replication slot of the connector. */
  public static final String SLOT_NAME = "dp_debezium";

  /** Publication of the captured tables. */
  public static final String PUBLICATION_NAME = "dp_publication";

  /** Heartbeat interval: bounds how long an idle slot can pin WAL. */
  public static final int HEARTBEAT_INTERVAL_MS = 10_000;

  private PostgresConnectorConfig() {}

  /**
   * The connector configuration.
   *
   * @param host PostgreSQL host as Connect reaches it
   * @param port PostgreSQL port
   * @param user replication-capable user
   * @param passwordReference a Connect config-provider reference such as {@code
   *     ${file:/path/dp.properties:dp.source.password}}, never the password itself
   */
  public static Map<String, String> forSource(
      String host, int port, String user, String passwordReference) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    c.put("tasks.max", "1");
    c.put("plugin.name", "pgoutput");
    c.put("database.hostname", host);
    c.put("database.port", Integer.toString(port));
    c.put("database.user", user);
    c.put("database.password", passwordReference);
    c.put("database.dbname", SourceTables.DATABASE);
    c.put("topic.prefix", SourceTables.TOPIC_PREFIX);
    c.put(
        "table.include.list",
        SourceTables.NAMES.stream().map(SourceTables::qualified).collect(Collectors.joining(","))
            + ","
            + HeartbeatTable.QUALIFIED);
    c.put("slot.name", SLOT_NAME);
    c.put("publication.name", PUBLICATION_NAME);
    c.put("publication.autocreate.mode", "filtered");
    c.put("snapshot.mode", "initial");
    c.put("decimal.handling.mode", "string");
    // Each field's schema carries the source column type, length and scale
    // (__debezium.source.column.type / .length / .scale): sinks type numerics exactly from it.
    c.put("column.propagate.source.type", ".*");
    c.put("time.precision.mode", "adaptive_time_microseconds");
    c.put("heartbeat.interval.ms", Integer.toString(HEARTBEAT_INTERVAL_MS));
    c.put("heartbeat.action.query", HeartbeatTable.ACTION_QUERY);
    c.put("slot.max.retries", "12");
    c.put("slot.retry.delay.ms", "10000");
    c.put("database.tcpKeepAlive", "true");
    c.put("tombstones.on.delete", "true");
    // Publish TRUNCATE (skipped by default): silver applies it in order instead of diverging.
    c.put("skipped.operations", "none");
    c.put("include.unknown.datatypes", "false");
    // Keep retrying a lost database connection instead of failing the task.
    c.put("errors.max.retries", "-1");
    c.put("retriable.restart.connector.wait.ms", "5000");
    return c;
  }
}
