package dev.dp.health;

import dev.dp.catalog.ServiceCatalog;
import dev.dp.catalog.ServiceSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which playbook steps depend on which, from the catalog's {@code depends} graph: step A depends on
 * step B when a service A checks depends on a service B checks. Services no step checks (the YARN
 * daemons) do not take part.
 */
final class StepGraph {

  private final Map<Integer, Set<Integer>> dependencies = new HashMap<>();

  StepGraph(ServiceCatalog catalog, List<PlaybookStep> steps) {
    Map<String, Integer> stepOfService = new HashMap<>();
    for (PlaybookStep s : steps) {
      for (String service : s.services()) {
        catalog.require(service);
        if (stepOfService.put(service, s.number()) != null) {
          throw new IllegalArgumentException(service + " is checked by two steps");
        }
      }
    }
    for (PlaybookStep s : steps) {
      Set<Integer> deps = new TreeSet<>();
      for (String service : s.services()) {
        ServiceSpec spec = catalog.require(service);
        for (String d : spec.dependsOn()) {
          Integer step = stepOfService.get(d);
          if (step != null && step != s.number()) {
            deps.add(step);
          }
        }
      }
      dependencies.put(s.number(), deps);
    }
  }

  /** The steps {@code step} depends on directly. */
  Set<Integer> dependencies(int step) {
    return dependencies.getOrDefault(step, Set.of());
  }
}
