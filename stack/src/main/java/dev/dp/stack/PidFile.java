package dev.dp.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code run/<container>.pid}: the pid and start time of a service process. The start time guards
 * against pid reuse: a pid whose process started at another time is not ours.
 *
 * <p>Where Linux's /proc is readable the start is compared in clock ticks since boot, exactly. The
 * wall-clock start instant is the fallback only: the JDK derives it from a boot time it computes
 * once per JVM from the current clock, so after a clock step two JVMs disagree about the same
 * process by the size of the step.
 *
 * @param pid the process id
 * @param startedAtMillis the process start time as the OS reports it, in epoch milliseconds
 * @param startTicks the process start in clock ticks since boot, or {@link #UNKNOWN_TICKS}
 */
public record PidFile(long pid, long startedAtMillis, long startTicks) {

  /** {@link #startTicks} when /proc was not readable (or the file predates it). */
  public static final long UNKNOWN_TICKS = -1;

  private static final long START_TIME_TOLERANCE_MILLIS = 2_000;

  /** Reads the pid file of a service, if present and well-formed. */
  public static Optional<PidFile> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String[] parts = Files.readString(file).trim().split("\\s+");
      long ticks = parts.length > 2 ? Long.parseLong(parts[2]) : UNKNOWN_TICKS;
      return Optional.of(new PidFile(Long.parseLong(parts[0]), Long.parseLong(parts[1]), ticks));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The live process the pid file at {@code file} names, if any. */
  public static Optional<ProcessHandle> liveProcess(Path file) {
    return read(file).flatMap(PidFile::live);
  }

  /** Records a freshly spawned process. */
  public static PidFile write(Path file, ProcessHandle process) {
    long started =
        process.info().startInstant().map(Instant::toEpochMilli).orElse(System.currentTimeMillis());
    long ticks = ProcStat.startTicks(process.pid()).orElse(UNKNOWN_TICKS);
    PidFile pf = new PidFile(process.pid(), started, ticks);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, pf.pid + " " + pf.startedAtMillis + " " + pf.startTicks + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return pf;
  }

  /** The live process this file describes, if it is still running. */
  public Optional<ProcessHandle> live() {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::startedWhenRecorded);
  }

  private boolean startedWhenRecorded(ProcessHandle h) {
    OptionalLong ticks =
        startTicks == UNKNOWN_TICKS ? OptionalLong.empty() : ProcStat.startTicks(h.pid());
    if (ticks.isPresent()) {
      return ticks.getAsLong() == startTicks;
    }
    return h.info()
        .startInstant()
        .map(i -> Math.abs(i.toEpochMilli() - startedAtMillis) < START_TIME_TOLERANCE_MILLIS)
        .orElse(true);
  }
}
