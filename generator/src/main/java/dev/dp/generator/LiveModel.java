package dev.dp.generator;

import dev.dp.catalog.SourceTables;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The live rows of the source tables as far as the planner needs them: ids, foreign-key values, and
 * the {@link TrackedColumns}. It refuses any change that would break a foreign key, so a planner
 * bug shows up as an exception here rather than as a failed transaction.
 *
 * <p>Every index is sorted by id (in the order PostgreSQL sorts {@code uuid}), never by insertion
 * order, so a model rebuilt from the database equals the model of a continuous run and the planner
 * makes the same choices with both.
 */
public final class LiveModel {

  private static final Comparator<LiveRow> BY_TIME =
      Comparator.comparingLong(LiveRow::time).thenComparing(LiveRow::id);

  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final Map<ForeignKey, Map<String, TreeSet<String>>> children = new HashMap<>();

  /** An empty model of the 15 source tables. */
  public LiveModel() {
    for (String name : SourceTables.NAMES) {
      tables.put(name, new Table(TrackedColumns.timeColumn(name).isPresent()));
    }
    for (ForeignKey fk : ForeignKeyGraph.FOREIGN_KEYS) {
      children.put(fk, new HashMap<>());
    }
  }

  /** A model holding {@code rows}, in any order. */
  public static LiveModel of(Collection<LiveRow> rows) {
    LiveModel model = new LiveModel();
    List<LiveRow> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingInt((LiveRow r) -> SourceTables.NAMES.indexOf(r.table())));
    sorted.forEach(model::insert);
    return model;
  }

  /**
   * Adds a row.
   *
   * @throws IllegalStateException if the id is taken or a referenced row is not live
   */
  public void insert(LiveRow row) {
    Table t = table(row.table());
    for (ForeignKey fk : ForeignKeyGraph.outgoing(row.table())) {
      String parent = row.ref(fk.column());
      if (parent != null && !contains(fk.parentTable(), parent)) {
        throw new IllegalStateException(
            row.table()
                + " "
                + row.id()
                + " references missing "
                + fk.parentTable()
                + " "
                + parent);
      }
    }
    if (t.byId.putIfAbsent(row.id(), row) != null) {
      throw new IllegalStateException("duplicate id " + row.id() + " in " + row.table());
    }
    t.index(row);
    for (ForeignKey fk : ForeignKeyGraph.outgoing(row.table())) {
      String parent = row.ref(fk.column());
      if (parent != null) {
        children.get(fk).computeIfAbsent(parent, k -> new TreeSet<>()).add(row.id());
      }
    }
  }

  /**
   * Removes a row.
   *
   * @throws IllegalStateException if the row is unknown or still referenced
   */
  public void delete(String table, String id) {
    LiveRow row = require(table, id);
    for (ForeignKey fk : ForeignKeyGraph.incoming(table)) {
      if (!children(fk, id).isEmpty()) {
        throw new IllegalStateException(
            table + " " + id + " is still referenced by " + fk.childTable() + "." + fk.column());
      }
    }
    Table t = table(table);
    t.byId.remove(id);
    t.unindex(row);
    for (ForeignKey fk : ForeignKeyGraph.outgoing(table)) {
      String parent = row.ref(fk.column());
      if (parent != null) {
        Map<String, TreeSet<String>> index = children.get(fk);
        TreeSet<String> siblings = index.get(parent);
        siblings.remove(id);
        if (siblings.isEmpty()) {
          index.remove(parent);
        }
      }
    }
  }

  /** Replaces the life-cycle state of a row. */
  public void setState(String table, String id, String state) {
    LiveRow old = require(table, id);
    LiveRow updated = new LiveRow(table, id, old.time(), state, old.refs());
    Table t = table(table);
    t.unindex(old);
    t.byId.put(id, updated);
    t.index(updated);
  }

  /** Whether the row is live. */
  public boolean contains(String table, String id) {
    return table(table).byId.containsKey(id);
  }

  /** The live row, or null. */
  public LiveRow get(String table, String id) {
    return table(table).byId.get(id);
  }

  /** The number of live rows of {@code table}. */
  public int size(String table) {
    return table(table).byId.size();
  }

  /** The number of live rows of {@code table} in {@code state}. */
  public int sizeInState(String table, String state) {
    SortedSet<String> ids = table(table).byState.get(state);
    return ids == null ? 0 : ids.size();
  }

  /** The ids of the rows that reference {@code parentId} through {@code fk}, sorted. */
  public SortedSet<String> children(ForeignKey fk, String parentId) {
    TreeSet<String> ids = children.get(fk).get(parentId);
    return ids == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(ids);
  }

  /** A live row chosen by {@code rng} (the first id at or after a random probe), or null. */
  public String pick(String table, Rng rng) {
    return pickFrom(table(table).byId.navigableKeySet(), rng);
  }

  /** A live row in one of {@code states} chosen by {@code rng}, or null if there is none. */
  public String pickInState(String table, Rng rng, String... states) {
    Table t = table(table);
    int total = 0;
    for (String state : states) {
      total += sizeInState(table, state);
    }
    if (total == 0) {
      return null;
    }
    int r = rng.nextInt(total);
    for (String state : states) {
      int n = sizeInState(table, state);
      if (r < n) {
        return pickFrom(t.byState.get(state), rng);
      }
      r -= n;
    }
    throw new AssertionError("unreachable");
  }

  /** The oldest live row (smallest time, then smallest id), or null. */
  public LiveRow oldest(String table) {
    Table t = table(table);
    if (t.byTime == null) {
      throw new IllegalArgumentException(table + " has no time column");
    }
    return t.byTime.isEmpty() ? null : t.byTime.first();
  }

  /** The live rows of {@code table}, sorted by id. */
  public List<LiveRow> rows(String table) {
    return List.copyOf(table(table).byId.values());
  }

  /** All live rows, table by table in foreign-key order, each table sorted by id. */
  public List<LiveRow> allRows() {
    List<LiveRow> all = new ArrayList<>();
    tables.values().forEach(t -> all.addAll(t.byId.values()));
    return all;
  }

  /** Row counts per table, in foreign-key order. */
  public Map<String, Integer> sizes() {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    tables.forEach((name, t) -> sizes.put(name, t.byId.size()));
    return sizes;
  }

  private static String pickFrom(NavigableSet<String> ids, Rng rng) {
    if (ids.isEmpty()) {
      return null;
    }
    // uuid strings sort like PostgreSQL uuids; the gap before a row makes it more or less likely,
    // which is fine for a workload and costs O(log n) instead of a positional lookup.
    String probe = rng.uuid().toString();
    String hit = ids.ceiling(probe);
    return hit != null ? hit : ids.first();
  }

  private LiveRow require(String table, String id) {
    LiveRow row = get(table, id);
    if (row == null) {
      throw new IllegalStateException("no live row " + id + " in " + table);
    }
    return row;
  }

  private Table table(String name) {
    Table t = tables.get(name);
    if (t == null) {
      throw new IllegalArgumentException("not a source table: " + name);
    }
    return t;
  }

  private static final class Table {
    final TreeMap<String, LiveRow> byId = new TreeMap<>();
    final TreeSet<LiveRow> byTime;
    final Map<String, TreeSet<String>> byState = new HashMap<>();

    Table(boolean timed) {
      byTime = timed ? new TreeSet<>(BY_TIME) : null;
    }

    void index(LiveRow row) {
      if (byTime != null) {
        byTime.add(row);
      }
      if (row.state() != null) {
        byState.computeIfAbsent(row.state(), k -> new TreeSet<>()).add(row.id());
      }
    }

    void unindex(LiveRow row) {
      if (byTime != null) {
        byTime.remove(row);
      }
      if (row.state() != null) {
        TreeSet<String> ids = byState.get(row.state());
        ids.remove(row.id());
        if (ids.isEmpty()) {
          byState.remove(row.state());
        }
      }
    }
  }
}
