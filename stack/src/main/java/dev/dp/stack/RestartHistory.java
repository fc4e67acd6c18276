package dev.dp.stack;

import dev.dp.catalog.ServiceSpec;
import dev.dp.catalog.StackPaths;
import dev.dp.contracts.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the watchdog knows of one service ({@code run/<container>.restarts.json}): how often it
 * restarted it, how the last process ended, and whether it gave up.
 *
 * @param restarts restarts the watchdog made since the stack's volumes were created
 * @param recentDeaths when the service died, within the crash-loop window
 * @param lastDeadPid the pid of the last process seen dead (so one death is counted once)
 * @param lastExit how the last process ended, or null when none has died
 * @param state what the watchdog does about the service
 * @param nextAttemptAt when the next restart is due (while {@link Watch#BACKING_OFF})
 * @param lastLogLines the log's last lines when it gave up ({@link Watch#CRASH_LOOP})
 */
public record RestartHistory(
    int restarts,
    List<Instant> recentDeaths,
    long lastDeadPid,
    ExitCause lastExit,
    Watch state,
    Instant nextAttemptAt,
    List<String> lastLogLines) {

  /** What the watchdog does about a service. */
  public enum Watch {
    /** Running, or stopped on purpose: nothing to do. */
    WATCHING,
    /** Died; restarted at {@code nextAttemptAt}. */
    BACKING_OFF,
    /** Died too often within the window: not restarted until {@code dp up} starts it. */
    CRASH_LOOP,
    /** A bounded job that ended with exit code 0. */
    FINISHED,
    /** Stopped with {@code dp down}. */
    STOPPED
  }

  public RestartHistory {
    recentDeaths = recentDeaths == null ? List.of() : List.copyOf(recentDeaths);
    lastLogLines = lastLogLines == null ? List.of() : List.copyOf(lastLogLines);
    state = state == null ? Watch.WATCHING : state;
  }

  /** The history of a service that never died. */
  static RestartHistory none() {
    return new RestartHistory(0, List.of(), 0, null, Watch.WATCHING, null, List.of());
  }

  /** The history recorded for {@code spec}, or {@link #none()}. */
  public static RestartHistory read(StackPaths paths, ServiceSpec spec) {
    Path f = paths.restartsFile(spec);
    try {
      return Files.isRegularFile(f) ? Json.read(Files.readString(f), RestartHistory.class) : none();
    } catch (IOException | RuntimeException e) {
      return none();
    }
  }

  /** Writes it for {@code spec} (atomically: status readers never see half a file). */
  void write(StackPaths paths, ServiceSpec spec) {
    Path f = paths.restartsFile(spec);
    Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
    try {
      Files.createDirectories(f.getParent());
      Files.writeString(tmp, Json.pretty(this));
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + f, e);
    }
  }

  /** A death of process {@code pid}, keeping only the deaths within {@code window}. */
  RestartHistory died(long pid, ExitCause cause, Instant now, Duration window) {
    List<Instant> deaths = new ArrayList<>();
    for (Instant d : recentDeaths) {
      if (d.isAfter(now.minus(window))) {
        deaths.add(d);
      }
    }
    deaths.add(now);
    return new RestartHistory(restarts, deaths, pid, cause, state, nextAttemptAt, lastLogLines);
  }

  /** Waiting until {@code at} before the next restart. */
  RestartHistory backingOffUntil(Instant at) {
    return with(Watch.BACKING_OFF, at, List.of());
  }

  /** Given up: died too often. */
  RestartHistory crashLoop(List<String> logLines) {
    return with(Watch.CRASH_LOOP, null, logLines);
  }

  /** A bounded job that finished. */
  RestartHistory finished() {
    return with(Watch.FINISHED, null, List.of());
  }

  /** Stopped on purpose. */
  RestartHistory stopped() {
    return with(Watch.STOPPED, null, List.of());
  }

  /** Started and ready again; {@code byWatchdog} counts it as a restart. */
  RestartHistory started(boolean byWatchdog) {
    return new RestartHistory(
        byWatchdog ? restarts + 1 : restarts,
        recentDeaths,
        lastDeadPid,
        lastExit,
        Watch.WATCHING,
        null,
        List.of());
  }

  /** The wait before the next restart: 1 s doubled per recent death, at most {@code max}. */
  Duration backoff(Duration max) {
    int n = Math.max(0, recentDeaths.size() - 1);
    long seconds = n >= 30 ? Long.MAX_VALUE : 1L << n;
    return Duration.ofSeconds(Math.min(seconds, max.toSeconds()));
  }

  private RestartHistory with(Watch s, Instant next, List<String> lines) {
    return new RestartHistory(restarts, recentDeaths, lastDeadPid, lastExit, s, next, lines);
  }
}
