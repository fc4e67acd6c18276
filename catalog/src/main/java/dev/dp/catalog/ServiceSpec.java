package dev.dp.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One service of the seed guide's inventory: the names it is known by (service, container,
 * volumes), what it needs and offers, and how the local twin runs it.
 *
 * @param number the row number in the seed guide's inventory (1..21)
 * @param service the compose service name, e.g. {@code postgres-source}
 * @param container the container name, e.g. {@code dp_postgres_source}; names the log file
 * @param layer the inventory layer
 * @param volumes named volumes; the local twin keeps them under {@code DP_HOME/volumes/<name>}
 * @param ports ports the service listens on
 * @param dependsOn services that must be ready before this one starts
 * @param readiness what "ready" means, in words a user can check
 * @param purpose what the service does in the pipeline
 * @param availability whether the local twin runs it
 * @param availabilityNote why a service is not {@link Availability#LOCAL}, empty otherwise
 * @param launchKind which launcher starts it locally
 * @param job whether the service runs to completion (a job) rather than forever
 * @param database the database a PostgreSQL service serves, if it is one
 */
public record ServiceSpec(
    int number,
    String service,
    String container,
    Layer layer,
    List<String> volumes,
    List<PortSpec> ports,
    List<String> dependsOn,
    String readiness,
    String purpose,
    Availability availability,
    String availabilityNote,
    LaunchKind launchKind,
    boolean job,
    Optional<DatabaseSpec> database) {

  public ServiceSpec {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(container, "container");
    volumes = List.copyOf(volumes);
    ports = List.copyOf(ports);
    dependsOn = List.copyOf(dependsOn);
    if (availability != Availability.LOCAL && availabilityNote.isBlank()) {
      throw new IllegalArgumentException(service + ": a service not run locally needs a note");
    }
  }

  /** Whether {@code ./dp up} starts this service. */
  public boolean runsLocally() {
    return availability == Availability.LOCAL;
  }

  /** The port with the given name. */
  public PortSpec port(String name) {
    return ports.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(service + " has no port named " + name));
  }

  /** The log file name of the service, {@code <container>.log}. */
  public String logFileName() {
    return container + ".log";
  }
}
