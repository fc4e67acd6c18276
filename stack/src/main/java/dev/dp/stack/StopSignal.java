package dev.dp.stack;

/** The signal that asks a service to stop gracefully. */
public enum StopSignal {
  /** The usual graceful stop (JVM shutdown hooks run). */
  TERM,
  /** PostgreSQL's fast shutdown: disconnects clients, then checkpoints. */
  INT
}
