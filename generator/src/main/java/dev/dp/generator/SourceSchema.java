package dev.dp.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The source schema of {@code jadc2_db} (DOMAIN.md): 9 ENUM types and 15 tables in schema {@code
 * public}, kept in the resource {@code dev/dp/generator/schema.sql}.
 *
 * <p>{@link #apply} is idempotent, so the generator runs it on every start.
 */
public final class SourceSchema {

  /** Classpath location of the DDL. */
  public static final String RESOURCE = "/dev/dp/generator/schema.sql";

  private SourceSchema() {}

  /**
   * Creates whatever part of the schema is missing, in one transaction. Leaves the connection's
   * auto-commit setting as it found it.
   *
   * @throws SQLException if the DDL fails; nothing is changed then
   */
  public static void apply(Connection c) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute(ddl());
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /** The DDL script. */
  public static String ddl() {
    try (InputStream in = SourceSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
