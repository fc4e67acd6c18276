package dev.dp.stack;

import dev.dp.catalog.Availability;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code dp status} row of every catalog service, from its pid file and {@code /proc}. */
final class StatusRows {

  private final DpConfig config;

  StatusRows(DpConfig config) {
    this.config = config;
  }

  /** One row per catalog service, in catalog order. */
  List<ServiceStatus> all() {
    return config.catalog().services().stream().map(this::of).toList();
  }

  /** The row of one service. */
  ServiceStatus of(ServiceSpec spec) {
    List<Integer> ports = spec.ports().stream().map(p -> p.port(config.portOffset())).toList();
    String layer = spec.layer().name().toLowerCase();
    String log = config.paths().log(spec).toString();
    if (!spec.runsLocally()) {
      ServiceState state =
          spec.availability() == Availability.COMPOSE_ONLY
              ? ServiceState.COMPOSE_ONLY
              : ServiceState.PLANNED;
      return ServiceStatus.withoutProcess(
          spec.service(), spec.container(), layer, state, ports, log, spec.availabilityNote());
    }
    Optional<PidFile> pf = PidFile.read(config.paths().pidFile(spec));
    Optional<ProcessHandle> live = pf.flatMap(PidFile::live);
    if (live.isEmpty()) {
      ServiceState state = pf.isPresent() ? ServiceState.EXITED : ServiceState.STOPPED;
      return ServiceStatus.withoutProcess(
          spec.service(), spec.container(), layer, state, ports, log, "");
    }
    ProcessHandle h = live.get();
    long uptime =
        h.info()
            .startInstant()
            .map(i -> Duration.between(i, Instant.now()).toSeconds())
            .orElse(ServiceStatus.UNKNOWN);
    return new ServiceStatus(
        spec.service(),
        spec.container(),
        layer,
        ServiceState.RUNNING,
        h.pid(),
        ports,
        uptime,
        ProcessMemory.rssBytes(h),
        log,
        "");
  }
}
