package dev.dp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny stand-in for PostgreSQL that executes the generator's three statement shapes and enforces
 * primary keys and foreign keys statement by statement, as the real database would.
 */
final class ShadowDatabase {

  private static final Pattern INSERT =
      Pattern.compile("INSERT INTO public\\.(\\w+) \\(([^)]*)\\) VALUES \\(([^)]*)\\)");
  private static final Pattern UPDATE =
      Pattern.compile("UPDATE public\\.(\\w+) SET (\\w+) = (\\?(?:::\\w+)?) WHERE id = \\?");
  private static final Pattern DELETE =
      Pattern.compile("DELETE FROM public\\.(\\w+) WHERE id = \\?");

  /** table → id → column → value */
  private final Map<String, Map<String, Map<String, Object>>> tables = new LinkedHashMap<>();

  /** Every cast value seen, by PostgreSQL type, for range checks. */
  final Map<String, List<Object>> castValues = new HashMap<>();

  void execute(Change change) {
    change.statements().forEach(this::execute);
  }

  void execute(Statement s) {
    Matcher m;
    if ((m = INSERT.matcher(s.sql())).matches()) {
      assertThat(s.op()).isEqualTo(Statement.Op.INSERT);
      String table = m.group(1);
      assertThat(s.table()).isEqualTo(table);
      List<String> columns = Arrays.asList(m.group(2).split(", "));
      List<String> placeholders = Arrays.asList(m.group(3).split(", "));
      assertThat(columns).hasSameSizeAs(s.params()).hasSameSizeAs(placeholders);
      Map<String, Object> row = new HashMap<>();
      for (int k = 0; k < columns.size(); k++) {
        row.put(columns.get(k), s.params().get(k));
        recordCast(placeholders.get(k), s.params().get(k));
      }
      String id = row.get("id").toString();
      for (ForeignKey fk : ForeignKeyGraph.outgoing(table)) {
        Object parent = row.get(fk.column());
        assertThat(parent).as("%s.%s", table, fk.column()).isNotNull();
        assertThat(rows(fk.parentTable()))
            .as("insert %s %s: %s references a live %s", table, id, fk.column(), fk.parentTable())
            .containsKey(parent.toString());
      }
      assertThat(rows(table).put(id, row)).as("duplicate key %s in %s", id, table).isNull();
    } else if ((m = UPDATE.matcher(s.sql())).matches()) {
      assertThat(s.op()).isEqualTo(Statement.Op.UPDATE);
      String table = m.group(1);
      String id = s.params().get(1).toString();
      Map<String, Object> row = rows(table).get(id);
      assertThat(row).as("update of missing %s %s", table, id).isNotNull();
      row.put(m.group(2), s.params().get(0));
      recordCast(m.group(3), s.params().get(0));
    } else if ((m = DELETE.matcher(s.sql())).matches()) {
      assertThat(s.op()).isEqualTo(Statement.Op.DELETE);
      String table = m.group(1);
      String id = s.params().get(0).toString();
      assertThat(rows(table)).as("delete of missing %s %s", table, id).containsKey(id);
      for (ForeignKey fk : ForeignKeyGraph.incoming(table)) {
        for (Map<String, Object> child : rows(fk.childTable()).values()) {
          assertThat(String.valueOf(child.get(fk.column())))
              .as(
                  "delete %s %s while %s %s references it",
                  table, id, fk.childTable(), child.get("id"))
              .isNotEqualTo(id);
        }
      }
      rows(table).remove(id);
    } else {
      throw new AssertionError("unexpected SQL: " + s.sql());
    }
  }

  Map<String, Map<String, Object>> rows(String table) {
    return tables.computeIfAbsent(table, t -> new TreeMap<>());
  }

  private void recordCast(String placeholder, Object value) {
    if (placeholder.startsWith("?::")) {
      castValues
          .computeIfAbsent(placeholder.substring(3), k -> new java.util.ArrayList<>())
          .add(value);
    }
  }
}
