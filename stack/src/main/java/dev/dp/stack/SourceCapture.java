package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.cdc.PostgresConnectorConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether Debezium has published everything committed in {@code postgres-source} up to a point: the
 * connector confirms a WAL position to its replication slot only after Kafka has acknowledged the
 * records before it (Connect flushes offsets every second), so {@code confirmed_flush_lsn >= X}
 * means every change committed before X is in the topics. On an idle source the heartbeat's write
 * moves the slot past X within one heartbeat interval.
 */
public final class SourceCapture {

  private SourceCapture() {}

  /** The source's current WAL position: everything committed so far is before it. */
  public static String currentLsn(DpConfig config) throws SQLException {
    try (Connection c = source(config).connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Ready once the connector's slot has confirmed {@code lsn}. */
  public static Readiness published(DpConfig config, String lsn) {
    try (Connection c = source(config).connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT confirmed_flush_lsn::text, confirmed_flush_lsn >= ?::pg_lsn"
                    + " FROM pg_replication_slots WHERE slot_name = ?")) {
      ps.setString(1, lsn);
      ps.setString(2, PostgresConnectorConfig.SLOT_NAME);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Readiness.notYet(
              "replication slot " + PostgresConnectorConfig.SLOT_NAME + " does not exist yet");
        }
        return rs.getBoolean(2)
            ? Readiness.ready("debezium has published the source up to " + lsn)
            : Readiness.notYet(
                "debezium has published the source up to "
                    + rs.getString(1)
                    + ", not yet to "
                    + lsn);
      }
    } catch (SQLException e) {
      return Readiness.notYet("postgres-source does not answer: " + e.getMessage());
    }
  }

  private static DatabaseEndpoint source(DpConfig config) {
    return DatabaseEndpoint.of(config, "postgres-source");
  }
}
