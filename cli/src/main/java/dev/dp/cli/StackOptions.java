package dev.dp.cli;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceCatalog;
import dev.dp.stack.Launchers;
import dev.dp.stack.Supervisor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options every stack command shares, and how a command gets its configuration and the service
 * catalog (the one {@link DpMain} made).
 */
final class StackOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

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
    return DpConfig.load(catalog(), checkout(), System.getenv(), all);
  }

  /** The catalog of the {@code dp} command this command runs under. */
  ServiceCatalog catalog() {
    return ((DpMain) command.root().userObject()).catalog();
  }

  static Supervisor supervisor(DpConfig config) {
    return new Supervisor(config, Launchers.standard(), System.out::println);
  }
}
