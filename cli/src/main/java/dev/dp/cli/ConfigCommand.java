package dev.dp.cli;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import dev.dp.catalog.Setting;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dp config}: every setting, its value and where the value came from. */
@Command(name = "config", description = "Show every dp setting, its value and its origin.")
final class ConfigCommand implements Callable<Integer> {

  @Mixin StackOptions stack;

  @Override
  public Integer call() {
    DpConfig config = stack.config();
    Map<String, String> origins = config.origins();
    for (Setting<?> s : DpSettings.ALL) {
      String value =
          !config.has(s)
              ? "(not generated yet)"
              : s.secret() ? "********" : String.valueOf(config.get(s));
      System.out.printf(
          "%-28s %-22s %-30s %s%n  %s%n",
          s.key(), s.env(), value, origins.getOrDefault(s.key(), ""), s.doc());
    }
    return 0;
  }
}
