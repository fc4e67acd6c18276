package dev.dp.cli;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import dev.dp.catalog.LocalSecrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dp up}: starts the local stack in dependency order. */
@Command(
    name = "up",
    description = {
      "Start the pipeline (or the named services and what they need), in dependency order,",
      "each waited for until ready. Running services are left as they are."
    })
final class UpCommand implements Callable<Integer> {

  @Mixin StackOptions stack;

  @Option(
      names = "--generator-count",
      paramLabel = "N",
      description = "Stop the data generator after N changes (default: runs until dp down).")
  Integer generatorCount;

  @Option(
      names = "--generator-rate",
      paramLabel = "PER_SECOND",
      description = "Changes per second the data generator writes (0 = as fast as it can).")
  Integer generatorRate;

  @Option(names = "--generator-seed", paramLabel = "SEED", description = "Generator seed.")
  Integer generatorSeed;

  @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services to start.")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    Map<String, String> extra = new LinkedHashMap<>();
    if (generatorCount != null) {
      extra.put(DpSettings.GENERATOR_COUNT.key(), generatorCount.toString());
    }
    if (generatorRate != null) {
      extra.put(DpSettings.GENERATOR_RATE.key(), generatorRate.toString());
    }
    if (generatorSeed != null) {
      extra.put(DpSettings.GENERATOR_SEED.key(), generatorSeed.toString());
    }
    DpConfig config = LocalSecrets.ensure(stack.config(extra));
    long t0 = System.nanoTime();
    StackOptions.supervisor(config).up(services);
    System.out.printf(
        "dp up: ready in %.1f s. Look at it with './dp status' and './dp logs <service>'.%n",
        (System.nanoTime() - t0) / 1e9);
    return 0;
  }
}
