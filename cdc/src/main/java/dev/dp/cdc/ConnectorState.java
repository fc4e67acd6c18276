package dev.dp.cdc;

import java.util.List;

/**
 * The state of a connector and its tasks as Kafka Connect reports it.
 *
 * @param connector the connector's state, e.g. {@code RUNNING}
 * @param tasks the states of its tasks
 * @param trace the first error trace reported, or empty
 */
public record ConnectorState(String connector, List<String> tasks, String trace) {

  /** Whether the connector and at least one task run, and no task is in another state. */
  public boolean running() {
    return "RUNNING".equals(connector)
        && !tasks.isEmpty()
        && tasks.stream().allMatch("RUNNING"::equals);
  }

  /** Whether the connector or a task has failed. */
  public boolean failed() {
    return "FAILED".equals(connector) || tasks.contains("FAILED");
  }

  @Override
  public String toString() {
    return "connector " + connector + ", tasks " + tasks;
  }
}
