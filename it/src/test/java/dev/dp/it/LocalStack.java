package dev.dp.it;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.LocalSecrets;
import dev.dp.catalog.ServiceCatalog;
import dev.dp.catalog.ServiceGraph;
import dev.dp.catalog.ServiceSpec;
import dev.dp.stack.DatabaseEndpoint;
import dev.dp.stack.FileTrees;
import dev.dp.stack.Launchers;
import dev.dp.stack.Supervisor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * One real local stack for the whole IT run, on offset ports beside any stack a developer has
 * running, in a fresh {@code DP_HOME} under {@code it/target}. Started by the first test class that
 * uses it, stopped when the run ends.
 */
public final class LocalStack implements BeforeAllCallback {

  /** Port offset of the test stack; {@code DP_IT_PORT_OFFSET} overrides. */
  static final int PORT_OFFSET =
      Integer.parseInt(System.getenv().getOrDefault("DP_IT_PORT_OFFSET", "10000"));

  /**
   * dp settings of the test stack that differ from a user's, for every process of it (the test's
   * own calls, the CLI the tests run, and the watchdog that CLI starts): the ingest job compacts
   * each table every 5 commits instead of 50, so the ITs' checks (silver equals the source, bronze
   * holds each record once, gold equals the oracle) run across many compactions.
   */
  static final Map<String, String> SETTINGS = Map.of("DP_INGEST_COMPACT_EVERY_COMMITS", "5");

  private static volatile Instance instance;

  @Override
  public void beforeAll(ExtensionContext context) {
    synchronized (LocalStack.class) {
      if (instance == null) {
        Instance started = Instance.start();
        context
            .getRoot()
            .getStore(Namespace.GLOBAL)
            .put(
                LocalStack.class.getName(),
                (ExtensionContext.Store.CloseableResource) started::close);
        instance = started;
      }
    }
  }

  /** The running stack. */
  static Instance get() {
    if (instance == null) {
      throw new IllegalStateException("annotate the test class with @ExtendWith(LocalStack.class)");
    }
    return instance;
  }

  /** A started stack and ways to act on it. */
  static final class Instance {
    final Path checkout;
    final Path home;
    final ServiceCatalog catalog = ServiceCatalog.standard();

    private Instance(Path checkout, Path home) {
      this.checkout = checkout;
      this.home = home;
    }

    static Instance start() {
      Path checkout = Path.of(System.getProperty("dp.checkout", "..")).toAbsolutePath().normalize();
      Path home = checkout.resolve("it/target/it-stack");
      Instance stack = new Instance(checkout, home);
      stack.supervisor(Map.of()).down(true);
      FileTrees.deleteTree(home);
      try {
        stack.supervisor(Map.of()).up(stack.servicesWithoutGenerator());
      } catch (RuntimeException e) {
        stack.supervisor(Map.of()).down(false); // leave nothing half-started behind
        throw e;
      }
      return stack;
    }

    /** Everything the local twin runs except the generator, which each test drives itself. */
    java.util.List<String> servicesWithoutGenerator() {
      return new ServiceGraph(catalog)
          .localStartOrder().stream()
              .map(ServiceSpec::service)
              .filter(s -> !s.equals("data-generator"))
              .toList();
    }

    /** The stack's configuration with extra settings (e.g. a generator count). */
    DpConfig config(Map<String, String> settings) {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("DP_HOME", home.toString());
      env.put("DP_PORT_OFFSET", Integer.toString(PORT_OFFSET));
      env.putAll(SETTINGS);
      return LocalSecrets.ensure(DpConfig.load(catalog, checkout, env, settings));
    }

    Supervisor supervisor(Map<String, String> settings) {
      return new Supervisor(
          config(settings), Launchers.standard(), line -> System.out.println("[stack] " + line));
    }

    ServiceSpec service(String name) {
      return catalog.require(name);
    }

    DatabaseEndpoint source() {
      return DatabaseEndpoint.of(config(Map.of()), service("postgres-source"));
    }

    String bootstrapServers() {
      return config(Map.of()).kafkaBootstrap();
    }

    void close() {
      if (!"true".equals(System.getenv("DP_IT_KEEP_STACK"))) {
        supervisor(Map.of()).down(false);
      }
    }
  }
}
