package dev.dp.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One SQL statement of a {@link Change}, with its positional parameters (bound with {@code
 * setObject}; enum and jsonb parameters are cast in the SQL text, e.g. {@code ?::unit_status}).
 */
public record Statement(String table, Op op, String sql, List<Object> params) {

  /** What a statement does to its table. */
  public enum Op {
    INSERT,
    UPDATE,
    DELETE
  }

  /** Validates and freezes the parameters. */
  public Statement {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(sql, "sql");
    params = Collections.unmodifiableList(new ArrayList<>(params));
  }
}
