package dev.dp.stack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** What the data generator has committed, from its progress table in {@code postgres-source}. */
public final class GeneratorProgress {

  private static final String CHANGES_APPLIED =
      "SELECT coalesce(sum(changes_applied), 0) FROM dp_generator.progress";
  private static final String POSITION =
      "SELECT coalesce(sum(changes_applied), 0), max(updated_at) FROM dp_generator.progress";
  private static final String UNDEFINED_TABLE = "42P01";

  /**
   * Where the generator stands.
   *
   * @param changesApplied changes committed over all its runs
   * @param lastCommit when the last of them committed, or null before the first
   */
  public record Position(long changesApplied, Instant lastCommit) {}

  private GeneratorProgress() {}

  /** Changes the generator has committed over all its runs (0 before its first run). */
  public static long changesApplied(Connection source) throws SQLException {
    try (Statement s = source.createStatement();
        ResultSet rs = s.executeQuery(CHANGES_APPLIED)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      if (UNDEFINED_TABLE.equals(e.getSQLState())) {
        return 0; // the generator has not created its progress table yet
      }
      throw e;
    }
  }

  /**
   * The changes committed and when the last one was; empty before the generator created its
   * progress table.
   */
  public static Optional<Position> position(Connection source) throws SQLException {
    try (Statement s = source.createStatement();
        ResultSet rs = s.executeQuery(POSITION)) {
      rs.next();
      OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
      return Optional.of(new Position(rs.getLong(1), at == null ? null : at.toInstant()));
    } catch (SQLException e) {
      if (UNDEFINED_TABLE.equals(e.getSQLState())) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
