package dev.dp.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

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
}
