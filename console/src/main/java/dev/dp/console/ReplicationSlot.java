package dev.dp.console;

import dev.dp.cdc.PostgresConnectorConfig;
import dev.dp.stack.DatabaseEndpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The connector's replication slot in {@code postgres-source} and the WAL it keeps the server from
 * recycling, read in a read-only transaction.
 *
 * @param slotName slot name
 * @param plugin output plugin ({@code pgoutput})
 * @param active whether a walsender (the connector) is attached
 * @param restartLsn oldest WAL the slot still needs
 * @param confirmedFlushLsn the position the connector confirmed (Kafka has everything before it)
 * @param currentLsn the server's current WAL position
 * @param retainedWalBytes WAL kept for the slot: current position minus restart position
 * @param lagBytes WAL not confirmed yet: current position minus confirmed position
 * @param walStatus PostgreSQL's {@code wal_status} ({@code reserved}, {@code extended}, ...)
 */
public record ReplicationSlot(
    String slotName,
    String plugin,
    boolean active,
    String restartLsn,
    String confirmedFlushLsn,
    String currentLsn,
    long retainedWalBytes,
    long lagBytes,
    String walStatus) {

  private static final String QUERY =
      "SELECT slot_name, plugin, active, restart_lsn::text, confirmed_flush_lsn::text,"
          + " pg_current_wal_lsn()::text,"
          + " coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::bigint,"
          + " coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint,"
          + " wal_status FROM pg_replication_slots WHERE slot_name = ?";

  /** The connector's slot, empty when it does not exist (yet). */
  public static Optional<ReplicationSlot> read(DatabaseEndpoint source) throws SQLException {
    try (Connection c = source.connect()) {
      c.setReadOnly(true);
      try (PreparedStatement ps = c.prepareStatement(QUERY)) {
        ps.setString(1, PostgresConnectorConfig.SLOT_NAME);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(
              new ReplicationSlot(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getBoolean(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getLong(7),
                  rs.getLong(8),
                  rs.getString(9)));
        }
      }
    }
  }
}
