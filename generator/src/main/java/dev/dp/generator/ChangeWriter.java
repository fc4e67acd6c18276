package dev.dp.generator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes changes to the source database, each in one transaction together with the progress row,
 * and logs one line per table and operation of each committed change, e.g. {@code Inserted data
 * into table detections}.
 */
final class ChangeWriter {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeWriter.class);
  private static final int MAX_PARAM_CHARS = 80;

  private final Connection connection;
  private final long seed;

  /** A writer on {@code connection}, which must not be in auto-commit mode. */
  ChangeWriter(Connection connection, long seed) {
    this.connection = connection;
    this.seed = seed;
  }

  /** Writes the seeding and marks the seed as seeded, atomically. */
  void writeSeeding(Change seeding, Instant baseTime) {
    write(seeding, () -> ProgressStore.markSeeded(connection, seed, baseTime));
  }

  /** Writes change {@code change.number()} and moves the position past it, atomically. */
  void writeChange(Change change) {
    write(change, () -> ProgressStore.advance(connection, seed, change.number()));
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  private void write(Change change, SqlAction progress) {
    Statement current = null;
    try {
      for (Statement statement : change.statements()) {
        current = statement;
        execute(statement);
      }
      current = null;
      progress.run();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(e);
      if (current == null) {
        throw new GeneratorException(
            "change " + change.number() + " failed updating dp_generator.progress: " + e, e);
      }
      throw new GeneratorException(
          String.format(
              "change %d (%s) failed on table %s: %s%n  statement: %s%n  parameters: %s",
              change.number(),
              change.kind(),
              current.table(),
              e.getMessage(),
              current.sql(),
              abbreviate(current.params())),
          e);
    }
    logWrites(change);
  }

  private void execute(Statement statement) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
      List<Object> params = statement.params();
      for (int k = 0; k < params.size(); k++) {
        ps.setObject(k + 1, params.get(k));
      }
      int rows = ps.executeUpdate();
      if (rows != 1) {
        throw new GeneratorException(
            "expected 1 row, "
                + rows
                + " changed: the database no longer matches the generator's model."
                + " Was the table written by someone else? Restart the generator to reload it.");
      }
    }
  }

  private void logWrites(Change change) {
    Set<String> lines = new LinkedHashSet<>();
    for (Statement s : change.statements()) {
      lines.add(
          switch (s.op()) {
            case INSERT -> "Inserted data into table " + s.table();
            case UPDATE -> "Updated data in table " + s.table();
            case DELETE -> "Deleted data from table " + s.table();
          });
    }
    lines.forEach(LOG::info);
  }

  private void rollbackQuietly(Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static String abbreviate(List<Object> params) {
    return params.stream()
        .map(String::valueOf)
        .map(
            p ->
                p.length() <= MAX_PARAM_CHARS
                    ? p
                    : p.substring(0, MAX_PARAM_CHARS) + "…(" + p.length() + " chars)")
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
