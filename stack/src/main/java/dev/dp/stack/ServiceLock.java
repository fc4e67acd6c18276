package dev.dp.stack;

import dev.dp.catalog.ServiceSpec;
import dev.dp.catalog.StackPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock ({@code run/<container>.lock}) held while a service is started, stopped or restarted,
 * across processes ({@code dp up}, {@code dp down} and the watchdog) and threads. The watchdog only
 * tries it: a service someone else is starting or stopping is not a service that died.
 */
final class ServiceLock {

  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private ServiceLock() {}

  /** Runs {@code action} holding the lock of {@code spec}, waiting for it as long as it takes. */
  static void holding(StackPaths paths, ServiceSpec spec, Runnable action) {
    attempt(paths, spec, action, true);
  }

  /**
   * Runs {@code action} holding the lock of {@code spec} if nobody holds it.
   *
   * @return whether it ran
   */
  static boolean ifFree(StackPaths paths, ServiceSpec spec, Runnable action) {
    return attempt(paths, spec, action, false);
  }

  private static boolean attempt(
      StackPaths paths, ServiceSpec spec, Runnable action, boolean wait) {
    Path file = paths.lockFile(spec);
    ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
    if (local.isHeldByCurrentThread()) {
      action.run(); // a stop inside a start of the same service
      return true;
    }
    if (wait) {
      local.lock();
    } else if (!local.tryLock()) {
      return false;
    }
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel ch =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock = wait ? ch.lock() : ch.tryLock();
        if (lock == null) {
          return false;
        }
        try {
          action.run();
          return true;
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file, e);
    } finally {
      local.unlock();
    }
  }
}
