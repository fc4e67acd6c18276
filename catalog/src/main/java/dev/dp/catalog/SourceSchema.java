package dev.dp.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The source schema of {@code jadc2_db} (DOMAIN.md): 9 ENUM types and 15 tables in schema {@code
 * public}, kept in the resource {@code dev/dp/catalog/source-schema.sql}. The data generator and
 * the supervisor (which creates it when {@code postgres-source} is first started) apply it; tests
 * read it to type the tables the pipeline carries.
 *
 * <p>{@link #apply} is idempotent, so the generator runs it on every start.
 */
public final class SourceSchema {

  /** Classpath location of the DDL. */
  public static final String RESOURCE = "/dev/dp/catalog/source-schema.sql";

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
    return ClasspathText.read(RESOURCE);
  }
}
