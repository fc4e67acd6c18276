package dev.dp.generator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The generator's position per seed, in {@code dp_generator.progress}: a schema of its own so that
 * Debezium (which captures {@code public}) does not see it. It is written in the same transaction
 * as the change it counts, so after a crash the position and the data agree.
 */
final class ProgressStore {

  /** The position of a seed. {@code baseTime} is the event time of change 0. */
  record Progress(long seed, long changesApplied, boolean seeded, Instant baseTime) {}

  private static final String DDL =
      "CREATE SCHEMA IF NOT EXISTS dp_generator;"
          + " CREATE TABLE IF NOT EXISTS dp_generator.progress ("
          + " seed bigint PRIMARY KEY,"
          + " changes_applied bigint NOT NULL,"
          + " seeded boolean NOT NULL,"
          + " updated_at timestamptz NOT NULL DEFAULT now());"
          // base_time keeps event times of a resumed run continuous with the first run's.
          + " ALTER TABLE dp_generator.progress ADD COLUMN IF NOT EXISTS base_time timestamptz;";

  // Any constant: the bigint key space of advisory locks is shared with other applications.
  private static final long LOCK_NAMESPACE = 0x64705F67656EL;

  private ProgressStore() {}

  /** Creates the progress table if missing, and commits. */
  static void ensureTable(Connection c) throws SQLException {
    try (java.sql.Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_xact_lock(" + LOCK_NAMESPACE + ")");
      s.execute(DDL);
    }
    c.commit();
  }

  /**
   * Takes a session-level lock on the seed, so that two generators never write the same change
   * numbers. False if another session holds it.
   */
  static boolean tryLock(Connection c, long seed) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      s.setLong(1, Rng.mix(LOCK_NAMESPACE ^ seed));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        boolean locked = rs.getBoolean(1);
        c.commit();
        return locked;
      }
    }
  }

  static Optional<Progress> read(Connection c, long seed) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT changes_applied, seeded, base_time FROM dp_generator.progress WHERE seed = ?")) {
      s.setLong(1, seed);
      try (ResultSet rs = s.executeQuery()) {
        Optional<Progress> progress = Optional.empty();
        if (rs.next()) {
          OffsetDateTime base = rs.getObject(3, OffsetDateTime.class);
          progress =
              Optional.of(
                  new Progress(
                      seed,
                      rs.getLong(1),
                      rs.getBoolean(2),
                      base == null ? null : base.toInstant()));
        }
        c.commit();
        return progress;
      }
    }
  }

  /** Records, inside the current transaction, that {@code seed} is seeded at position 0. */
  static void markSeeded(Connection c, long seed, Instant baseTime) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO dp_generator.progress (seed, changes_applied, seeded, base_time, updated_at)"
                + " VALUES (?, 0, true, ?, now())"
                + " ON CONFLICT (seed) DO UPDATE SET changes_applied = 0, seeded = true,"
                + " base_time = excluded.base_time, updated_at = now()")) {
      s.setLong(1, seed);
      s.setObject(2, baseTime.atOffset(ZoneOffset.UTC));
      s.executeUpdate();
    }
  }

  /**
   * Moves the position from {@code from} to {@code from + 1} inside the current transaction.
   *
   * @throws GeneratorException if the stored position is not {@code from} (someone else moved it)
   */
  static void advance(Connection c, long seed, long from) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE dp_generator.progress SET changes_applied = ?, updated_at = now()"
                + " WHERE seed = ? AND changes_applied = ?")) {
      s.setLong(1, from + 1);
      s.setLong(2, seed);
      s.setLong(3, from);
      if (s.executeUpdate() != 1) {
        throw new GeneratorException(
            "dp_generator.progress of seed "
                + seed
                + " is no longer at change "
                + from
                + ": another generator wrote to it. Run one generator per seed.");
      }
    }
  }
}
