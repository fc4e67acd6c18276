package dev.dp.catalog;

/** Whether and how the local twin ({@code ./dp up}) runs a catalog service. */
public enum Availability {
  /** Started and supervised by {@code ./dp up} as a local process. */
  LOCAL,
  /** Part of the inventory, not yet runnable by the local twin; the reason says what is missing. */
  PLANNED,
  /** Runs only in the compose deployment; the reason says why it cannot run here. */
  COMPOSE_ONLY
}
