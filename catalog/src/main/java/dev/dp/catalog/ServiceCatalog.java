package dev.dp.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inventory of record: the 21 services of the seed guide with their exact service, container
 * and volume names. Made once where a program starts ({@link #standard()}) and handed on (inside
 * {@link DpConfig}); the CLI, the supervisor, health checks and tests all read that one instance.
 * Dependency order and start waves are computed by {@link ServiceGraph}.
 */
public final class ServiceCatalog {

  private final Map<String, ServiceSpec> byService;

  private ServiceCatalog(List<ServiceSpec> services) {
    Map<String, ServiceSpec> map = new LinkedHashMap<>();
    for (ServiceSpec s : services) {
      if (map.put(s.service(), s) != null) {
        throw new IllegalStateException("duplicate service " + s.service());
      }
    }
    this.byService = Collections.unmodifiableMap(map);
  }

  /** The catalog of the seed guide. */
  public static ServiceCatalog standard() {
    return new ServiceCatalog(SeedServices.all());
  }

  /** A catalog of the given services (tests build small ones). */
  public static ServiceCatalog of(List<ServiceSpec> services) {
    return new ServiceCatalog(services);
  }

  /** All services in the seed guide's order. */
  public List<ServiceSpec> services() {
    return List.copyOf(byService.values());
  }

  /** The service with the given service name. */
  public Optional<ServiceSpec> byService(String service) {
    return Optional.ofNullable(byService.get(service));
  }

  /** The service whose service name or container name is {@code name}. */
  public Optional<ServiceSpec> find(String name) {
    return byService(name)
        .or(() -> byService.values().stream().filter(s -> s.container().equals(name)).findFirst());
  }

  /** Like {@link #find} but fails with the list of valid names. */
  public ServiceSpec require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown service or container '"
                        + name
                        + "'; known services: "
                        + String.join(", ", byService.keySet())));
  }

  /** The highest base port of any service; the port offset must keep it below 65536. */
  public int highestBasePort() {
    return highestBasePort(byService.values());
  }

  static int highestBasePort(Iterable<ServiceSpec> services) {
    int highest = 0;
    for (ServiceSpec s : services) {
      for (PortSpec p : s.ports()) {
        highest = Math.max(highest, p.basePort());
      }
    }
    return highest;
  }
}
