package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.PortSpec;
import dev.dp.catalog.ServiceSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Finds out, before a service starts, whether its ports are free. */
public final class PortCheck {

  private PortCheck() {}

  /** Whether {@code host:port} can be bound right now. */
  public static boolean isFree(String host, int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(host, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Fails unless every catalog port of {@code spec} can be bound.
   *
   * @throws ServiceStartException naming each busy port
   */
  static void requireFree(DpConfig config, ServiceSpec spec) {
    List<String> busy = new ArrayList<>();
    for (PortSpec p : spec.ports()) {
      int port = p.port(config.portOffset());
      if (!isFree(config.bindAddress(), port)) {
        busy.add(p.name() + " port " + config.bindAddress() + ":" + port);
      }
    }
    if (!busy.isEmpty()) {
      throw new ServiceStartException(
          spec.service(),
          String.join(", ", busy)
              + " already in use by another process; stop it, or run this stack with another"
              + " DP_PORT_OFFSET");
    }
  }
}
