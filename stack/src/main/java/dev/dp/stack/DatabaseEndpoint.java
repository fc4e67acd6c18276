package dev.dp.stack;

import dev.dp.catalog.DatabaseSpec;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * How to reach one of the stack's PostgreSQL databases.
 *
 * @param host host
 * @param port effective port
 * @param database database name
 * @param user user
 * @param password password
 */
public record DatabaseEndpoint(
    String host, int port, String database, String user, String password) {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** The endpoint of a PostgreSQL catalog service's own database. */
  public static DatabaseEndpoint of(DpConfig config, ServiceSpec spec) {
    DatabaseSpec db =
        spec.database()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(spec.service() + " is not a PostgreSQL service"));
    return new DatabaseEndpoint(
        config.bindAddress(),
        config.port(spec, "postgres"),
        db.database(),
        db.user(),
        config.password(db));
  }

  /** The endpoint of the own database of the catalog's PostgreSQL service {@code service}. */
  public static DatabaseEndpoint of(DpConfig config, String service) {
    return of(config, config.catalog().require(service));
  }

  /** The same server, another database. */
  public DatabaseEndpoint withDatabase(String other) {
    return new DatabaseEndpoint(host, port, other, user, password);
  }

  /** The JDBC URL (no credentials in it). */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** Opens a connection with bounded (5 s) connect and login timeouts. */
  public Connection connect() throws SQLException {
    Properties p = properties(DEFAULT_TIMEOUT);
    return DriverManager.getConnection(jdbcUrl(), p);
  }

  /**
   * Opens a connection on which connecting, logging in and every statement are bounded by {@code
   * timeout} (rounded up to whole seconds for the driver; statements by the server's {@code
   * statement_timeout}), for probes that must answer within a bound.
   */
  public Connection connect(Duration timeout) throws SQLException {
    Properties p = properties(timeout);
    long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
    p.setProperty("socketTimeout", Long.toString(seconds + 1));
    p.setProperty("options", "-c statement_timeout=" + timeout.toMillis());
    return DriverManager.getConnection(jdbcUrl(), p);
  }

  private Properties properties(Duration timeout) {
    long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    p.setProperty("connectTimeout", Long.toString(seconds));
    p.setProperty("loginTimeout", Long.toString(seconds));
    p.setProperty("ApplicationName", "dp");
    return p;
  }
}
