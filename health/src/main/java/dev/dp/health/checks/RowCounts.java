package dev.dp.health.checks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Row counts of several tables or views in one round trip ({@code UNION ALL} of counts). */
final class RowCounts {

  private RowCounts() {}

  /**
   * The row count of each name in {@code names}, counted in the relation {@code relationOf} gives
   * for it; keyed by name, in order.
   */
  static Map<String, Long> of(Connection c, List<String> names, UnaryOperator<String> relationOf)
      throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    if (names.isEmpty()) {
      return counts;
    }
    String sql =
        names.stream()
            .map(n -> "SELECT '" + n + "', count(*) FROM " + relationOf.apply(n))
            .collect(Collectors.joining(" UNION ALL "));
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return counts;
  }
}
