package dev.dp.catalog;

/** The layer of the seed guide's service inventory a service belongs to. */
public enum Layer {
  SOURCE,
  DESTINATION,
  CDC,
  MESSAGING,
  UI,
  COMPUTE,
  METADATA,
  STORAGE,
  RESOURCE,
  OBSERVABILITY
}
