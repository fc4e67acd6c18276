package dev.dp.cli;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceCatalog;
import dev.dp.stack.Launchers;
import dev.dp.stack.Supervisor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every stack command shares, and how a command gets its configuration. */
final class StackOptions {

  @Option(
      names = {"-D", "--set"},
      paramLabel = "KEY=VALUE",
      description = "Override a dp setting for this command (see 'dp config').")
  Map<String, String> overrides = new LinkedHashMap<>();

  /** The checkout: set by the ./dp launcher; the working directory otherwise. */
  static Path checkout() {
    String p = System.getProperty("dp.checkout");
    return Path.of(p != null ? p : ".").toAbsolutePath().normalize();
  }

  DpConfig config() {
    return config(Map.of());
  }

  DpConfig config(Map<String, String> extra) {
    Map<String, String> all = new LinkedHashMap<>(overrides);
    all.putAll(extra);
    return DpConfig.load(checkout(), System.getenv(), all);
  }

  static Supervisor supervisor(DpConfig config) {
    return new Supervisor(
        ServiceCatalog.standard(), config, Launchers.standard(), System.out::println);
  }
}
