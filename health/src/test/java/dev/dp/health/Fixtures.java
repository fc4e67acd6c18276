package dev.dp.health;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceCatalog;
import dev.dp.stack.ServiceState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** Recorded inputs shared by the verdict tests: the declared default thresholds, processes. */
public final class Fixtures {

  /** A fixed "now" of the recorded observations. */
  public static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  private Fixtures() {}

  /** The thresholds of the declared defaults (dp.health.* as shipped). */
  public static HealthThresholds thresholds() {
    return HealthThresholds.of(
        DpConfig.load(ServiceCatalog.standard(), Path.of("/nonexistent"), Map.of(), Map.of()));
  }

  /** A process of {@code service} in {@code state}, up for {@code uptimeSeconds}. */
  public static ServiceProcess process(String service, ServiceState state, long uptimeSeconds) {
    return process(service, state, uptimeSeconds, "", "");
  }

  /** A process that ended as {@code lastExit}, its log's last error {@code lastError}. */
  public static ServiceProcess process(
      String service, ServiceState state, long uptimeSeconds, String lastExit, String lastError) {
    String container = "dp_" + service.replace('-', '_');
    return new ServiceProcess(
        service,
        container,
        state,
        state == ServiceState.RUNNING ? 4242 : -1,
        state == ServiceState.RUNNING ? uptimeSeconds : -1,
        Path.of("/stack/logs/" + container + ".log"),
        0,
        lastExit,
        lastError);
  }
}
