package dev.dp.stack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What the data generator has committed, from its progress table in {@code postgres-source}. */
public final class GeneratorProgress {

  private static final String CHANGES_APPLIED =
      "SELECT coalesce(sum(changes_applied), 0) FROM dp_generator.progress";
  private static final String UNDEFINED_TABLE = "42P01";

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
}
