package dev.dp.console;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceCatalog;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code kafka-ui} service: the dp console. Its stack is the one the environment names ({@code
 * DP_HOME}, {@code DP_PORT_OFFSET}, {@code DP_BIND_ADDRESS}, set by the launcher) in the checkout
 * given by the system property {@code dp.checkout}.
 */
public final class ConsoleMain {

  private ConsoleMain() {}

  /** Starts the console and serves until the process is stopped. */
  public static void main(String[] args) {
    Path checkout = Path.of(System.getProperty("dp.checkout", ".")).toAbsolutePath().normalize();
    DpConfig config = DpConfig.load(ServiceCatalog.standard(), checkout, System.getenv(), Map.of());
    ConsoleServer server = ConsoleServer.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "console-shutdown"));
    System.out.println(
        "dp console on http://" + config.bindAddress() + ":" + server.port() + "/ (read-only)");
  }
}
