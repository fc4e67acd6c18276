package dev.dp.stack;

import dev.dp.catalog.ServiceCatalog;
import dev.dp.catalog.ServiceGraph;
import dev.dp.catalog.ServiceSpec;
import java.util.List;

/**
 * What {@code dp up} starts: the requested services and what they depend on, in waves. The services
 * of one wave depend only on services of earlier waves, so a wave starts concurrently once the
 * previous one is ready.
 *
 * @param waves the waves in start order
 */
public record StartPlan(List<List<ServiceSpec>> waves) {

  public StartPlan {
    waves = waves.stream().map(List::copyOf).toList();
  }

  /**
   * The plan for {@code services} (every local service when empty).
   *
   * @throws IllegalArgumentException for a name the catalog does not know
   * @throws ServiceStartException for a requested service the local twin does not run
   */
  public static StartPlan of(ServiceCatalog catalog, List<String> services) {
    ServiceGraph graph = new ServiceGraph(catalog);
    List<ServiceSpec> order =
        services.isEmpty() ? graph.localStartOrder() : graph.startOrder(services);
    for (String name : services) {
      ServiceSpec spec = catalog.require(name);
      if (!spec.runsLocally()) {
        throw new ServiceStartException(
            spec.service(), "is not run by the local twin: " + spec.availabilityNote());
      }
    }
    return new StartPlan(ServiceGraph.startWaves(order));
  }

  /** Every service of the plan, wave after wave. */
  public List<ServiceSpec> services() {
    return waves.stream().flatMap(List::stream).toList();
  }
}
