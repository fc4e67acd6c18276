package dev.dp.bench;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import dev.dp.catalog.LocalSecrets;
import dev.dp.catalog.ServiceCatalog;
import dev.dp.catalog.ServiceGraph;
import dev.dp.catalog.ServiceSpec;
import dev.dp.stack.FileTrees;
import dev.dp.stack.Launchers;
import dev.dp.stack.Supervisor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The stack a bench measures: the running stack of the user's {@code DP_HOME} ({@link #attach}), or
 * one the bench starts on offset ports in a {@code DP_HOME} of its own and stops at the end ({@link
 * #start}). Either way every pipeline service runs and the data generator is the bench's to drive.
 */
final class BenchStack implements AutoCloseable {

  static final String GENERATOR = "data-generator";

  private final ServiceCatalog catalog;
  private final Function<Map<String, String>, DpConfig> configs;
  private final boolean own;
  private final Consumer<String> out;
  private Double startSeconds;
  private Thread stopOnExit;

  private BenchStack(
      Function<Map<String, String>, DpConfig> configs, boolean own, Consumer<String> out) {
    this.configs = configs;
    this.catalog = configs.apply(Map.of()).catalog();
    this.own = own;
    this.out = out;
  }

  /**
   * The running stack configured by {@code configs} (the user's configuration with extra settings).
   * Its data generator is stopped if it runs, since the bench offers its own load.
   *
   * @throws BenchException when a pipeline service is not running
   */
  static BenchStack attach(Function<Map<String, String>, DpConfig> configs, Consumer<String> out) {
    BenchStack stack = new BenchStack(configs, false, out);
    Supervisor supervisor = stack.supervisor(Map.of());
    List<String> down =
        stack.pipelineServices().stream()
            .filter(s -> supervisor.liveProcess(stack.catalog.require(s)).isEmpty())
            .toList();
    if (!down.isEmpty()) {
      throw new BenchException(
          "dp bench --attach: "
              + String.join(", ", down)
              + " not running in "
              + stack.config().paths().home()
              + "; start the stack with ./dp up (or run dp bench without --attach to measure a"
              + " stack of its own)",
          BenchException.NOT_MEASURABLE);
    }
    if (stack.generatorRunning()) {
      out.accept(
          "bench: stopping the stack's data-generator: the bench offers its own load (restart it"
              + " afterwards with ./dp up data-generator)");
      stack.stopGenerator();
    }
    return stack;
  }

  /**
   * Starts every pipeline service but the generator in a fresh {@code home} on ports shifted by
   * {@code portOffset}, with the user's other settings.
   *
   * @param catalog the services of the stack
   * @param checkout the dp checkout
   * @param env the environment (its {@code DP_HOME} and {@code DP_PORT_OFFSET} are replaced)
   * @param overrides the user's command-line settings
   */
  static BenchStack start(
      ServiceCatalog catalog,
      Path checkout,
      Map<String, String> env,
      Map<String, String> overrides,
      Path home,
      int portOffset,
      Consumer<String> out) {
    Map<String, String> stackEnv = new LinkedHashMap<>(env);
    stackEnv.put(DpSettings.HOME.env(), home.toString());
    stackEnv.put(DpSettings.PORT_OFFSET.env(), Integer.toString(portOffset));
    Map<String, String> base = new LinkedHashMap<>(overrides);
    base.remove(DpSettings.HOME.key());
    base.remove(DpSettings.PORT_OFFSET.key());
    BenchStack stack =
        new BenchStack(
            extra -> {
              Map<String, String> all = new LinkedHashMap<>(base);
              all.putAll(extra);
              return LocalSecrets.ensure(DpConfig.load(catalog, checkout, stackEnv, all));
            },
            true,
            out);
    stack.supervisor(Map.of()).down(true); // a stack left by an interrupted bench
    FileTrees.deleteTree(home);
    out.accept(
        "bench: starting a stack of its own in " + home + " (DP_PORT_OFFSET " + portOffset + ")");
    long t0 = System.nanoTime();
    stack.stopOnExit = new Thread(stack::stopOwn, "dp-bench-stop-stack");
    Runtime.getRuntime().addShutdownHook(stack.stopOnExit); // Ctrl-C leaves no services behind
    try {
      stack.supervisor(Map.of()).up(stack.pipelineServices());
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    stack.startSeconds = (System.nanoTime() - t0) / 1e9;
    return stack;
  }

  /** Every service the local twin runs except the generator. */
  List<String> pipelineServices() {
    return new ServiceGraph(catalog)
        .localStartOrder().stream()
            .map(ServiceSpec::service)
            .filter(s -> !s.equals(GENERATOR))
            .toList();
  }

  /** The stack's configuration. */
  DpConfig config() {
    return configs.apply(Map.of());
  }

  boolean own() {
    return own;
  }

  /** Seconds starting the stack took; null when attached. */
  Double startSeconds() {
    return startSeconds;
  }

  /** Starts a bounded generator run at {@code rate} changes per second; returns once it writes. */
  void runGenerator(long count, int rate) {
    supervisor(
            Map.of(
                DpSettings.GENERATOR_COUNT.key(), Long.toString(count),
                DpSettings.GENERATOR_RATE.key(), Integer.toString(rate)))
        .up(List.of(GENERATOR));
  }

  boolean generatorRunning() {
    return supervisor(Map.of()).liveProcess(catalog.require(GENERATOR)).isPresent();
  }

  /** Stops the generator gracefully (it finishes the change in flight). */
  void stopGenerator() {
    supervisor(Map.of()).stop(catalog.require(GENERATOR));
  }

  private Supervisor supervisor(Map<String, String> settings) {
    return new Supervisor(
        configs.apply(settings), Launchers.standard(), line -> out.accept("[stack] " + line));
  }

  private synchronized void stopOwn() {
    if (own) {
      supervisor(Map.of()).down(false);
    }
  }

  /** Stops the stack if the bench started it; an attached stack keeps running. */
  @Override
  public void close() {
    if (!own) {
      return;
    }
    out.accept("bench: stopping its stack (data and logs stay in " + config().paths().home() + ")");
    stopOwn();
    if (stopOnExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to: it stops the stack
      }
    }
  }
}
