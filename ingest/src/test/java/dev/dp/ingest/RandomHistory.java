package dev.dp.ingest;

import dev.dp.catalog.SourceTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A random source history of a few keys (snapshot reads, inserts, updates with the TOAST
 * placeholder for an unchanged msg, deletes, re-inserts, a column added half-way) and what Kafka
 * delivers of it: in order, with replays restarting from earlier points, never with gaps.
 */
record RandomHistory(List<ChangeEvent> events, List<Map<String, Row>> states) {

  static final String TABLE = "alerts";

  record Row(SourcePosition position, boolean deleted, Map<String, Object> values) {}

  static RandomHistory random(Random random) {
    List<String> keys = List.of("k1", "k2", "k3");
    Map<String, Map<String, Object>> live = new LinkedHashMap<>();
    Map<String, Row> current = new LinkedHashMap<>();
    List<ChangeEvent> events = new ArrayList<>();
    List<Map<String, Row>> states = new ArrayList<>();
    int snapshotRows = random.nextInt(3);
    for (int i = 0; i < snapshotRows; i++) {
      String key = keys.get(i);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", key);
      row.put("status", "snap" + i);
      row.put("msg", "M" + random.nextInt(1000));
      live.put(key, row);
      add(
          events,
          states,
          current,
          key,
          Op.READ,
          SourcePosition.snapshot(1000),
          row,
          Set.of(),
          false);
    }
    int transactions = 2 + random.nextInt(12);
    int addColumnAt = random.nextInt(transactions + 3);
    long lastCommit = 2000;
    for (int t = 0; t < transactions; t++) {
      boolean extraColumn = t >= addColumnAt;
      int statements = 1 + random.nextInt(3);
      long lsn = lastCommit - random.nextInt(50);
      for (int s = 0; s < statements; s++) {
        lsn += 1 + random.nextInt(20);
        SourcePosition position = new SourcePosition(lastCommit, lsn);
        String key = keys.get(random.nextInt(keys.size()));
        Map<String, Object> row = live.get(key);
        if (row == null) {
          row = new LinkedHashMap<>();
          row.put("id", key);
          row.put("status", "new" + t);
          row.put("msg", "M" + random.nextInt(1000));
          if (extraColumn) {
            row.put("extra", random.nextBoolean() ? null : (long) random.nextInt(100));
          }
          live.put(key, row);
          add(events, states, current, key, Op.CREATE, position, row, Set.of(), false);
        } else if (random.nextInt(4) == 0) {
          live.remove(key);
          add(events, states, current, key, Op.DELETE, position, Map.of("id", key), Set.of(), true);
        } else {
          row.put("status", "u" + t + "." + s);
          boolean msgChanged = random.nextInt(3) == 0;
          if (msgChanged) {
            row.put("msg", "M" + random.nextInt(1000));
          }
          if (extraColumn) {
            row.put("extra", (long) random.nextInt(100));
          }
          Map<String, Object> carried = new LinkedHashMap<>(row);
          if (!msgChanged) {
            carried.remove("msg");
          }
          add(
              events,
              states,
              current,
              key,
              Op.UPDATE,
              position,
              carried,
              msgChanged ? Set.of() : Set.of("msg"),
              false);
        }
      }
      // the next transaction's "last commit LSN" is this one's commit: after all its events
      lastCommit = Math.max(lastCommit, lsn) + 1 + random.nextInt(30);
    }
    return new RandomHistory(events, states);
  }

  private static void add(
      List<ChangeEvent> events,
      List<Map<String, Row>> states,
      Map<String, Row> current,
      String key,
      Op op,
      SourcePosition position,
      Map<String, Object> values,
      Set<String> unchanged,
      boolean deleted) {
    List<ColumnType> columns = new ArrayList<>(COLUMNS);
    if (values.containsKey("extra")) {
      columns.add(EXTRA);
    }
    events.add(
        new ChangeEvent(
            SourceTables.topic(TABLE), TABLE, key, op, position, null, columns, values, unchanged));
    Map<String, Object> truth = new LinkedHashMap<>(values);
    if (!unchanged.isEmpty()) {
      // the source row: what the placeholder stands for
      truth.putAll(current.get(key).values());
      truth.putAll(values);
    }
    current.put(key, new Row(position, deleted, deleted ? Map.of("id", key) : truth));
    states.add(new LinkedHashMap<>(current));
  }

  int indexOf(ChangeEvent event) {
    return events.indexOf(event);
  }

  Map<String, Row> stateAfter(int index) {
    return states.get(index);
  }

  /** Kafka's view: the history from the start, then replays from earlier points, no gaps. */
  List<ChangeEvent> delivery(Random random) {
    List<ChangeEvent> out = new ArrayList<>();
    int end = random.nextInt(events.size()) + 1;
    out.addAll(events.subList(0, end));
    int replays = random.nextInt(3);
    for (int r = 0; r < replays || end < events.size(); r++) {
      int from = random.nextInt(end);
      int to = end + random.nextInt(events.size() - end + 1);
      out.addAll(events.subList(from, Math.max(to, from + 1)));
      end = Math.max(end, to);
    }
    return out;
  }

  private static final List<ColumnType> COLUMNS =
      List.of(
          ColumnType.from(ColumnTypeTest.varchar("id")),
          ColumnType.from(ColumnTypeTest.varchar("status")),
          ColumnType.from(ColumnTypeTest.plain("msg", "string", "TEXT", "2147483647", "0")));
  private static final ColumnType EXTRA =
      ColumnType.from(ColumnTypeTest.plain("extra", "int64", "INT8", "19", "0"));
}
