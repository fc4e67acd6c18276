package dev.dp.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.ServiceCatalog;
import dev.dp.catalog.ServiceSpec;
import dev.dp.catalog.StackPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartHistoryTest {

  private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  private static final ExitCause KILLED = ExitCause.parse("137 0", List.of());

  @Test
  void backoffDoublesWithEachRecentDeathUpToTheMaximum() {
    RestartHistory h = RestartHistory.none();
    Duration max = Duration.ofSeconds(30);
    h = h.died(1, KILLED, T0, Duration.ofMinutes(10));
    assertThat(h.backoff(max)).hasSeconds(1);
    h = h.died(2, KILLED, T0.plusSeconds(1), Duration.ofMinutes(10));
    assertThat(h.backoff(max)).hasSeconds(2);
    for (int pid = 3; pid < 12; pid++) {
      h = h.died(pid, KILLED, T0.plusSeconds(pid), Duration.ofMinutes(10));
    }
    assertThat(h.backoff(max)).hasSeconds(30);
  }

  @Test
  void deathsOutsideTheWindowAreForgotten() {
    RestartHistory h =
        RestartHistory.none()
            .died(1, KILLED, T0, Duration.ofMinutes(10))
            .died(2, KILLED, T0.plusSeconds(60), Duration.ofMinutes(10))
            .died(3, KILLED, T0.plusSeconds(620), Duration.ofMinutes(10));
    assertThat(h.recentDeaths()).containsExactly(T0.plusSeconds(60), T0.plusSeconds(620));
    assertThat(h.lastDeadPid()).isEqualTo(3);
  }

  @Test
  void onlyRestartsByTheWatchdogAreCounted() {
    RestartHistory h = RestartHistory.none().died(1, KILLED, T0, Duration.ofMinutes(1));
    assertThat(h.started(false).restarts()).isZero();
    assertThat(h.started(true).started(true).restarts()).isEqualTo(2);
    assertThat(h.started(true).state()).isEqualTo(RestartHistory.Watch.WATCHING);
  }

  @Test
  void roundTripsThroughItsFileAndStatusShowsTheWatchdogsView(@TempDir Path home) {
    StackPaths paths = new StackPaths(home, home);
    ServiceSpec kafka = ServiceCatalog.standard().require("kafka");
    assertThat(RestartHistory.read(paths, kafka)).isEqualTo(RestartHistory.none());
    RestartHistory h =
        RestartHistory.none()
            .died(42, KILLED, T0, Duration.ofMinutes(1))
            .crashLoop(List.of("line 1", "line 2"));
    h.write(paths, kafka);
    RestartHistory back = RestartHistory.read(paths, kafka);
    assertThat(back).isEqualTo(h);
    assertThat(StatusRows.stateWithoutProcess(true, back)).isEqualTo(ServiceState.CRASH_LOOP);
    assertThat(StatusRows.stateWithoutProcess(true, back.backingOffUntil(T0)))
        .isEqualTo(ServiceState.RESTARTING);
    assertThat(StatusRows.stateWithoutProcess(false, RestartHistory.none()))
        .isEqualTo(ServiceState.STOPPED);
    assertThat(StatusRows.stateWithoutProcess(true, RestartHistory.none()))
        .isEqualTo(ServiceState.EXITED);
  }
}
