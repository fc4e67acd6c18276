package dev.dp.health;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceSpec;
import dev.dp.stack.ServiceStatus;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dp health} as one call: the processes of the stack, then the 18 checks within the bound.
 */
public final class Health {

  private Health() {}

  /**
   * Runs the playbook against the stack of {@code config}.
   *
   * @param statuses the supervisor's status rows of every catalog service
   */
  public static HealthReport run(DpConfig config, List<ServiceStatus> statuses) {
    HealthThresholds thresholds = HealthThresholds.of(config);
    Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    for (ServiceStatus s : statuses) {
      processes.put(s.service(), ServiceProcess.of(s));
    }
    for (ServiceSpec spec : config.catalog().services()) {
      if (!processes.containsKey(spec.service())) {
        throw new IllegalArgumentException("no status row of " + spec.service());
      }
    }
    ProbeContext ctx = new ProbeContext(config, thresholds, processes, Clock.systemUTC());
    return new HealthRunner(config.catalog()).run(HealthChecks.standard(), ctx);
  }
}
