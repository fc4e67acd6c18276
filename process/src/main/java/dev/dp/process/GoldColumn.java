package dev.dp.process;

import java.util.Objects;

/**
 * One column of a gold table.
 *
 * @param name column name, the same in Spark, in {@code postgres-dest} and in the oracle's result
 * @param type value type
 */
public record GoldColumn(String name, GoldType type) {

  /** Checks the parts. */
  public GoldColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** The column in PostgreSQL DDL form, e.g. {@code range_km numeric(19,4)}. */
  public String postgresDefinition() {
    return name + " " + type.postgresType();
  }
}
