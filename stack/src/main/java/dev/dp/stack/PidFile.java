package dev.dp.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code run/<container>.pid}: the pid and start time of a service process. The start time guards
 * against pid reuse: a pid whose process started at another time is not ours.
 *
 * @param pid the process id
 * @param startedAtMillis the process start time as the OS reports it
 */
public record PidFile(long pid, long startedAtMillis) {

  private static final long START_TIME_TOLERANCE_MILLIS = 2_000;

  /** Reads the pid file of a service, if present and well-formed. */
  public static Optional<PidFile> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String[] parts = Files.readString(file).trim().split("\\s+");
      return Optional.of(new PidFile(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
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
    PidFile pf = new PidFile(process.pid(), started);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, pf.pid + " " + pf.startedAtMillis + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return pf;
  }

  /** The live process this file describes, if it is still running. */
  public Optional<ProcessHandle> live() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(
            h ->
                h.info()
                    .startInstant()
                    .map(
                        i ->
                            Math.abs(i.toEpochMilli() - startedAtMillis)
                                < START_TIME_TOLERANCE_MILLIS)
                    .orElse(true));
  }
}
