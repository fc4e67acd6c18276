package dev.dp.generator;

import dev.dp.catalog.SourceTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the {@link LiveModel} from the source tables after a restart: for every table, the id,
 * the foreign-key columns of {@link ForeignKeyGraph} and the {@link TrackedColumns}, ordered by id,
 * parents before children.
 */
final class ModelLoader {

  private static final int FETCH_SIZE = 10_000;

  private ModelLoader() {}

  /** Reads the model; the connection must not be in auto-commit mode (rows are streamed). */
  static LiveModel load(Connection c) throws SQLException {
    LiveModel model = new LiveModel();
    for (String table : SourceTables.NAMES) {
      List<ForeignKey> fks = ForeignKeyGraph.outgoing(table);
      List<String> select = new ArrayList<>();
      select.add("id::text");
      fks.forEach(fk -> select.add(fk.column() + "::text"));
      String time =
          TrackedColumns.timeColumn(table)
              .map(col -> "coalesce(floor(extract(epoch from " + col + "))::bigint, 0)")
              .orElse("0::bigint");
      select.add(time);
      String state = TrackedColumns.stateColumn(table).map(col -> col + "::text").orElse("null");
      select.add(state);
      String sql =
          "SELECT "
              + String.join(", ", select)
              + " FROM "
              + SourceTables.qualified(table)
              + " ORDER BY id";
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setFetchSize(FETCH_SIZE);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            Map<String, String> refs = new HashMap<>();
            for (int k = 0; k < fks.size(); k++) {
              String parent = rs.getString(2 + k);
              if (parent != null) {
                refs.put(fks.get(k).column(), parent);
              }
            }
            long eventTime = rs.getLong(2 + fks.size());
            String rowState = rs.getString(3 + fks.size());
            model.insert(new LiveRow(table, rs.getString(1), eventTime, rowState, refs));
          }
        }
      }
    }
    c.commit();
    return model;
  }
}
