package dev.dp.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency graph of a {@link ServiceCatalog}: which services start before which, which can
 * start together, and the order to stop them in. Only services the local twin runs take part; a
 * dependency that is not run locally is left out (the caller reports it, nothing starts it).
 */
public final class ServiceGraph {

  private final ServiceCatalog catalog;

  public ServiceGraph(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  /** The services the local twin runs, in an order where dependencies come first. */
  public List<ServiceSpec> localStartOrder() {
    return startOrder(
        catalog.services().stream()
            .filter(ServiceSpec::runsLocally)
            .map(ServiceSpec::service)
            .toList());
  }

  /** The local services in the order to stop them: dependents before what they depend on. */
  public List<ServiceSpec> stopOrder() {
    List<ServiceSpec> order = new ArrayList<>(localStartOrder());
    Collections.reverse(order);
    return order;
  }

  /**
   * The given services and every local service they depend on, dependencies first.
   *
   * @throws IllegalArgumentException for a name the catalog does not know
   * @throws IllegalStateException for a dependency cycle
   */
  public List<ServiceSpec> startOrder(List<String> services) {
    List<ServiceSpec> ordered = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> visiting = new HashSet<>();
    for (String name : services) {
      visit(catalog.require(name), ordered, done, visiting);
    }
    return ordered;
  }

  /**
   * Groups services (already in start order) into waves that can start concurrently: each service
   * lands one wave after the latest of its dependencies in the list.
   */
  public static List<List<ServiceSpec>> startWaves(List<ServiceSpec> order) {
    Map<String, Integer> waveOf = new HashMap<>();
    List<List<ServiceSpec>> waves = new ArrayList<>();
    for (ServiceSpec spec : order) {
      int wave = 0;
      for (String dep : spec.dependsOn()) {
        Integer w = waveOf.get(dep);
        if (w != null) {
          wave = Math.max(wave, w + 1);
        }
      }
      waveOf.put(spec.service(), wave);
      while (waves.size() <= wave) {
        waves.add(new ArrayList<>());
      }
      waves.get(wave).add(spec);
    }
    return waves;
  }

  private void visit(
      ServiceSpec spec, List<ServiceSpec> ordered, Set<String> done, Set<String> visiting) {
    if (done.contains(spec.service())) {
      return;
    }
    if (!visiting.add(spec.service())) {
      throw new IllegalStateException("dependency cycle through " + spec.service());
    }
    for (String dep : spec.dependsOn()) {
      ServiceSpec d = catalog.require(dep);
      if (d.runsLocally()) {
        visit(d, ordered, done, visiting);
      }
    }
    done.add(spec.service());
    if (spec.runsLocally()) {
      ordered.add(spec);
    }
  }
}
