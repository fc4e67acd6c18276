package dev.dp.stack;

import dev.dp.catalog.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Starts the services of one wave in parallel. */
final class WaveExecutor {

  private WaveExecutor() {}

  /**
   * Runs {@code start} for every service of the wave, in parallel. When some fail, the others of
   * the wave still finish starting (so nothing is left half-started), then the first failure in
   * wave order is thrown with the others attached.
   */
  static void startAll(List<ServiceSpec> wave, Consumer<ServiceSpec> start) {
    if (wave.size() == 1) {
      start.accept(wave.get(0));
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(wave.size());
    try {
      List<Future<?>> started = new ArrayList<>();
      for (ServiceSpec spec : wave) {
        started.add(pool.submit(() -> start.accept(spec)));
      }
      RuntimeException first = null;
      for (Future<?> f : started) {
        try {
          f.get();
        } catch (ExecutionException e) {
          RuntimeException failure =
              e.getCause() instanceof RuntimeException r
                  ? r
                  : new IllegalStateException(e.getCause());
          if (first == null) {
            first = failure;
          } else {
            first.addSuppressed(failure);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while starting " + wave, e);
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      pool.shutdown();
    }
  }
}
