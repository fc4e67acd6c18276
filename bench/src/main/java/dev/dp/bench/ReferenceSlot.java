package dev.dp.bench;

import dev.dp.stack.DatabaseEndpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A second logical replication slot on {@code postgres-source}, read with nothing downstream: the
 * physical reference of the bulk phase. It is a temporary slot (PostgreSQL drops it when the
 * session ends, even if the bench dies) and {@link #close()} also drops it, so it never pins WAL.
 */
final class ReferenceSlot implements AutoCloseable {

  /** The output plugin: ships with PostgreSQL (contrib), needs no configuration. */
  static final String PLUGIN = "test_decoding";

  static final String NAME = "dp_bench_reference";

  private static final String UNDEFINED_OBJECT = "42704";

  private final Connection connection;
  private final String startLsn;
  private boolean dropped;

  private ReferenceSlot(Connection connection, String startLsn) {
    this.connection = connection;
    this.startLsn = startLsn;
  }

  /**
   * Creates the slot; it decodes every change committed after this returns.
   *
   * @param timeout bounds each statement (creating a slot waits for running transactions)
   */
  static ReferenceSlot create(DatabaseEndpoint source, Duration timeout) throws SQLException {
    Connection c = source.connect();
    try {
      try (Statement s = c.createStatement()) {
        s.execute("SET statement_timeout = " + timeout.toMillis());
      }
      try (PreparedStatement drop =
          c.prepareStatement(
              "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                  + " WHERE slot_name = ?::name AND NOT active")) {
        drop.setString(1, NAME); // left over from a bench that was killed: it would pin WAL
        drop.execute();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT lsn::text FROM pg_create_logical_replication_slot(?::name, ?::name, true)")) {
        ps.setString(1, NAME);
        ps.setString(2, PLUGIN);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new ReferenceSlot(c, rs.getString(1));
        }
      }
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /**
   * Decodes everything up to {@code endLsn} and counts it, timing the decoding alone.
   *
   * @param table the qualified table whose row changes are counted as rows
   */
  DecodingReference.Decoded decode(String endLsn, String table) throws SQLException {
    long t0 = System.nanoTime();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT count(*) FILTER (WHERE data LIKE ?), count(*)"
                + " FROM pg_logical_slot_get_changes(?::name, ?::pg_lsn, NULL)")) {
      ps.setString(1, "table " + table + ":%");
      ps.setString(2, NAME);
      ps.setString(3, endLsn);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new DecodingReference.Decoded(
            PLUGIN, startLsn, endLsn, rs.getLong(1), rs.getLong(2), seconds);
      }
    }
  }

  /** Drops the slot and closes its session. */
  @Override
  public void close() throws SQLException {
    try {
      if (!dropped) {
        try (PreparedStatement ps =
            connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
          ps.setString(1, NAME);
          ps.execute();
        } catch (SQLException e) {
          if (!UNDEFINED_OBJECT.equals(e.getSQLState())) {
            throw e;
          }
          // released between listing and dropping: what an error in the session does to it
        }
        dropped = true;
      }
    } finally {
      connection.close(); // a temporary slot goes with its session even if the drop failed
    }
  }
}
