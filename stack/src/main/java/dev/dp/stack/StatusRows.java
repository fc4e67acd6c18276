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
          spec.service(),
          spec.container(),
          layer,
          state,
          ports,
          log,
          spec.availabilityNote(),
          RestartHistory.none());
    }
    Optional<PidFile> pf = PidFile.read(config.paths().pidFile(spec));
    Optional<ProcessHandle> live = pf.flatMap(PidFile::live);
    RestartHistory history = RestartHistory.read(config.paths(), spec);
    if (live.isEmpty()) {
      return ServiceStatus.withoutProcess(
          spec.service(),
          spec.container(),
          layer,
          stateWithoutProcess(pf.isPresent(), history),
          ports,
          log,
          history.state() == RestartHistory.Watch.CRASH_LOOP
              ? String.join("\n", history.lastLogLines())
              : "",
          history);
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
        "",
        history.restarts(),
        ServiceStatus.lastExit(history));
  }

  /** The state of a service whose process is gone, from the watchdog's view of it. */
  static ServiceState stateWithoutProcess(boolean pidFilePresent, RestartHistory history) {
    return switch (history.state()) {
      case BACKING_OFF -> ServiceState.RESTARTING;
      case CRASH_LOOP -> ServiceState.CRASH_LOOP;
      case FINISHED -> ServiceState.FINISHED;
      case WATCHING, STOPPED -> pidFilePresent ? ServiceState.EXITED : ServiceState.STOPPED;
    };
  }
}
