package dev.dp.cdc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The table Debezium's heartbeat writes to. A heartbeat that only emits a Kafka record does not
 * move the replication slot when the captured tables are idle; a write to a captured table does, so
 * PostgreSQL can recycle WAL and a restarted connector finds its resume position at once. It lives
 * in its own schema so {@code public} holds exactly the 15 domain tables.
 */
public final class HeartbeatTable {

  public static final String SCHEMA = "dp_cdc";
  public static final String TABLE = "heartbeat";
  public static final String QUALIFIED = SCHEMA + "." + TABLE;

  /** The statement Debezium runs on every heartbeat. */
  public static final String ACTION_QUERY =
      "INSERT INTO "
          + QUALIFIED
          + " (id, ts) VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET ts = EXCLUDED.ts";

  private HeartbeatTable() {}

  /** Creates the schema and table if missing. */
  public static void apply(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + QUALIFIED
              + " (id int PRIMARY KEY, ts timestamptz NOT NULL)");
    }
  }
}
