package dev.dp.stack;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceSpec;
import dev.dp.contracts.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The command-line settings a service was last started with ({@code
 * run/<container>.start-settings.json}), so that the watchdog restarts it as it was started: a
 * generator started by {@code dp up --generator-count 500} comes back bounded, not with the
 * defaults the watchdog itself was started with.
 */
final class StartSettings {

  private StartSettings() {}

  static void write(DpConfig config, ServiceSpec spec) {
    Path f = config.paths().startSettingsFile(spec);
    try {
      Files.createDirectories(f.getParent());
      Files.writeString(f, Json.pretty(new HashMap<>(config.overrides())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + f, e);
    }
  }

  /**
   * The configuration {@code spec} was started with: {@code base}'s stack and environment with the
   * settings recorded at its start (none recorded: {@code base}).
   */
  static DpConfig of(DpConfig base, ServiceSpec spec) {
    Path f = base.paths().startSettingsFile(spec);
    if (!Files.isRegularFile(f)) {
      return base;
    }
    Map<String, String> overrides;
    try {
      overrides = Json.mapper().readValue(Files.readString(f), new TypeReference<>() {});
    } catch (IOException e) {
      return base;
    }
    return base.reloaded(overrides);
  }
}
