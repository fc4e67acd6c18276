package dev.dp.health;

import dev.dp.catalog.DpConfig;
import dev.dp.stack.DatabaseEndpoint;
import dev.dp.stack.KafkaAdmin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;

/**
 * What a probe works with: the stack's configuration and thresholds, the processes the supervisor
 * saw, and clients whose every call is bounded by {@link HealthThresholds#callTimeout()}. A probe
 * says what it is doing ({@link #doing}) so a run that hits its bound can tell where it hung.
 */
public final class ProbeContext {

  private final DpConfig config;
  private final HealthThresholds thresholds;
  private final Map<String, ServiceProcess> processes;
  private final Clock clock;
  private final HttpGet http;
  private final Consumer<String> activity;

  /** The context of one run. */
  public ProbeContext(
      DpConfig config,
      HealthThresholds thresholds,
      Map<String, ServiceProcess> processes,
      Clock clock) {
    this(config, thresholds, processes, clock, new HttpGet(thresholds.callTimeout()), a -> {});
  }

  private ProbeContext(
      DpConfig config,
      HealthThresholds thresholds,
      Map<String, ServiceProcess> processes,
      Clock clock,
      HttpGet http,
      Consumer<String> activity) {
    this.config = config;
    this.thresholds = thresholds;
    this.processes = Map.copyOf(processes);
    this.clock = clock;
    this.http = http;
    this.activity = activity;
  }

  /** The same context reporting what it does to {@code activity}. */
  ProbeContext reportingTo(Consumer<String> sink) {
    return new ProbeContext(config, thresholds, processes, clock, http, sink);
  }

  public DpConfig config() {
    return config;
  }

  public HealthThresholds thresholds() {
    return thresholds;
  }

  public Instant now() {
    return clock.instant();
  }

  /** The process of a catalog service as seen at the start of the run. */
  public ServiceProcess process(String service) {
    ServiceProcess p = processes.get(service);
    if (p == null) {
      throw new IllegalArgumentException("no process state of " + service);
    }
    return p;
  }

  /** All processes seen at the start of the run, by service. */
  public Map<String, ServiceProcess> processes() {
    return processes;
  }

  /** Records what the probe does now (shown if the run's bound passes while it does it). */
  public void doing(String what) {
    activity.accept(what);
  }

  /** HTTP with the call timeout. */
  public HttpGet http() {
    return http;
  }

  /** {@code http://host:port} of a named port of a catalog service. */
  public String url(String service, String port) {
    return "http://" + config.address(service, port);
  }

  /**
   * A connection to a PostgreSQL service's database; connect and every statement bounded. A connect
   * attempt that timed out is tried once more: on a starved machine the first attempt can miss the
   * call timeout while the server is fine, and a refused connection (server down) is not retried.
   */
  public Connection sql(String service) throws SQLException {
    DatabaseEndpoint endpoint = DatabaseEndpoint.of(config, service);
    try {
      return endpoint.connect(thresholds.callTimeout());
    } catch (SQLException e) {
      if (!timedOut(e)) {
        throw e;
      }
      doing("connecting to " + service + " again after an attempt timed out");
      return endpoint.connect(thresholds.callTimeout());
    }
  }

  /** Whether a failed connect ran out of time (as opposed to being refused or rejected). */
  static boolean timedOut(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.SocketTimeoutException
          || (t.getMessage() != null && t.getMessage().contains("timed out"))) {
        return true;
      }
    }
    return false;
  }

  /** An admin client of the stack's broker whose calls give up after the call timeout. */
  public Admin kafka() {
    return KafkaAdmin.open(config, thresholds.callTimeoutMillis());
  }

  /**
   * Waits the sample window between two readings of a counter (a measurement, not a wait for
   * anything to happen).
   */
  public Duration sample() throws InterruptedException {
    Duration window = thresholds.sampleWindow();
    doing("watching counters for " + window.toMillis() + " ms");
    Thread.sleep(window.toMillis());
    return window;
  }
}
