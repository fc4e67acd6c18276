package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceSpec;
import dev.dp.catalog.StackPaths;
import java.nio.file.Path;

/**
 * What a launcher knows about the service it launches.
 *
 * @param spec the catalog entry
 * @param config the stack configuration, with the catalog of the stack's services ({@link
 *     DpConfig#catalog()})
 */
public record ServiceContext(ServiceSpec spec, DpConfig config) {

  public StackPaths paths() {
    return config.paths();
  }

  /** The effective port of one of the service's named ports. */
  public int port(String name) {
    return config.port(spec, name);
  }

  /** The directory of the service's first volume. */
  public Path volume() {
    return paths().volume(spec.volumes().get(0));
  }

  /** The service's generated configuration directory. */
  public Path confDir() {
    return paths().conf(spec);
  }

  public String host() {
    return config.bindAddress();
  }
}
