package dev.dp.catalog;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The resolved, validated configuration of one stack, and the {@link ServiceCatalog} it was loaded
 * for: together they say where every service listens ({@link #address}, {@link #kafkaBootstrap}).
 * Each {@link DpSettings setting} is taken from, in increasing precedence: its default, {@code
 * DP_HOME/dp.properties}, the environment, explicit overrides (command-line flags). Loading
 * validates every setting and throws one {@link ConfigException} listing all problems.
 */
public final class DpConfig {

  /** File under {@code DP_HOME} holding local settings and the generated credentials. */
  public static final String PROPERTIES_FILE = "dp.properties";

  private final ServiceCatalog catalog;
  private final Path checkout;
  private final Map<String, Object> values;
  private final Map<String, String> origins;
  private final Map<String, String> overrides;
  private final Map<String, String> env;

  private DpConfig(
      ServiceCatalog catalog,
      Path checkout,
      Map<String, Object> values,
      Map<String, String> origins,
      Map<String, String> overrides,
      Map<String, String> env) {
    this.env = Map.copyOf(env);
    this.catalog = catalog;
    this.checkout = checkout;
    this.values = values;
    this.origins = origins;
    this.overrides = Map.copyOf(overrides);
  }

  /**
   * Resolves and validates the configuration.
   *
   * @param catalog the services of the stack (made once by the program's entry point)
   * @param checkout the dp checkout (where {@code runtime/} lives); relative {@code DP_HOME} is
   *     resolved against it
   * @param env the process environment
   * @param overrides settings by key from flags; highest precedence
   * @throws ConfigException listing every invalid setting
   */
  public static DpConfig load(
      ServiceCatalog catalog,
      Path checkout,
      Map<String, String> env,
      Map<String, String> overrides) {
    List<String> problems = new ArrayList<>();
    for (String key : overrides.keySet()) {
      if (DpSettings.ALL.stream().noneMatch(s -> s.key().equals(key))) {
        problems.add("unknown setting '" + key + "' given on the command line");
      }
    }
    String homeText =
        firstNonNull(
            overrides.get(DpSettings.HOME.key()),
            env.get(DpSettings.HOME.env()),
            DpSettings.HOME.defaultValue());
    Path home = checkout.resolve(homeText).normalize();
    Map<String, String> fileValues = readProperties(home.resolve(PROPERTIES_FILE), problems);

    Map<String, Object> values = new HashMap<>();
    Map<String, String> origins = new LinkedHashMap<>();
    for (Setting<?> s : DpSettings.ALL) {
      String text;
      String origin;
      if (overrides.containsKey(s.key())) {
        text = overrides.get(s.key());
        origin = "command line";
      } else if (env.containsKey(s.env())) {
        text = env.get(s.env());
        origin = "environment " + s.env();
      } else if (fileValues.containsKey(s.key()) && s != DpSettings.HOME) {
        text = fileValues.get(s.key());
        origin = home.resolve(PROPERTIES_FILE).toString();
      } else {
        text = s.defaultValue();
        origin = "default";
      }
      if (text == null) {
        continue; // secrets not generated yet; LocalSecrets creates them on first dp up
      }
      try {
        values.put(s.key(), s.parser().apply(text));
        origins.put(s.key(), origin);
      } catch (IllegalArgumentException e) {
        String shown = s.secret() ? "(secret)" : "'" + text + "'";
        problems.add(
            s.key() + " (" + s.env() + ") = " + shown + " from " + origin + ": " + e.getMessage());
      }
    }
    for (String key : fileValues.keySet()) {
      if (DpSettings.ALL.stream().noneMatch(s -> s.key().equals(key))) {
        problems.add("unknown setting '" + key + "' in " + home.resolve(PROPERTIES_FILE));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    values.put(DpSettings.HOME.key(), home.toString());
    return new DpConfig(catalog, checkout, values, origins, overrides, env);
  }

  /** The value of a setting; fails for a secret that has not been generated yet. */
  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    Object v = values.get(setting.key());
    if (v == null) {
      throw new IllegalStateException(
          setting.key()
              + " is not set: run ./dp up once (it generates local credentials) or set "
              + setting.env());
    }
    return (T) v;
  }

  /** Whether a value is present (secrets are absent until generated). */
  public boolean has(Setting<?> setting) {
    return values.containsKey(setting.key());
  }

  /** The password of a database service. */
  public String password(DatabaseSpec db) {
    return (String) get(DpSettings.byKey(db.passwordKey()));
  }

  /**
   * The settings given on the command line, as given: a process that must see the same
   * configuration (the watchdog) is started with them.
   */
  public Map<String, String> overrides() {
    return overrides;
  }

  /**
   * The same stack (catalog, checkout, environment) with other command-line settings instead of
   * {@link #overrides()}.
   *
   * @throws ConfigException listing every invalid setting
   */
  public DpConfig reloaded(Map<String, String> newOverrides) {
    return load(catalog, checkout, env, newOverrides);
  }

  /** Where each setting's value came from, for {@code dp config}. */
  public Map<String, String> origins() {
    return Map.copyOf(origins);
  }

  /** The dp checkout. */
  public Path checkout() {
    return checkout;
  }

  /** The stack layout under {@code DP_HOME}. */
  public StackPaths paths() {
    return new StackPaths(checkout, Path.of(get(DpSettings.HOME)));
  }

  /** The port offset. */
  public int portOffset() {
    return get(DpSettings.PORT_OFFSET);
  }

  /** The effective port of a service's named port. */
  public int port(ServiceSpec spec, String portName) {
    return spec.port(portName).port(portOffset());
  }

  /** The effective port of a named port of the catalog service {@code service}. */
  public int port(String service, String portName) {
    return port(catalog.require(service), portName);
  }

  /** {@code host:port} of a named port of the catalog service {@code service}. */
  public String address(String service, String portName) {
    return bindAddress() + ":" + port(service, portName);
  }

  /** The Kafka bootstrap servers of the stack's broker. */
  public String kafkaBootstrap() {
    return address("kafka", "broker");
  }

  /** The services of the stack. */
  public ServiceCatalog catalog() {
    return catalog;
  }

  /** The address services bind to and clients connect to. */
  public String bindAddress() {
    return get(DpSettings.BIND_ADDRESS);
  }

  /** A copy with one more value (used after generating a secret). */
  DpConfig with(String key, Object value) {
    Map<String, Object> copy = new HashMap<>(values);
    copy.put(key, value);
    Map<String, String> o = new LinkedHashMap<>(origins);
    o.put(key, "generated");
    return new DpConfig(catalog, checkout, copy, o, overrides, env);
  }

  private static Map<String, String> readProperties(Path file, List<String> problems) {
    Map<String, String> out = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      problems.add("cannot read " + file + ": " + e.getMessage());
      return out;
    }
    p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
    return out;
  }

  private static String firstNonNull(String... candidates) {
    for (String c : candidates) {
      if (c != null) {
        return c;
      }
    }
    return null;
  }
}
