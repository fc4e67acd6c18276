package dev.dp.catalog;

/**
 * A port a service listens on.
 *
 * @param name what the port is for, e.g. {@code broker}
 * @param basePort the port with {@code DP_PORT_OFFSET} = 0
 */
public record PortSpec(String name, int basePort) {

  /** The port for a stack started with the given offset. */
  public int port(int offset) {
    return basePort + offset;
  }
}
