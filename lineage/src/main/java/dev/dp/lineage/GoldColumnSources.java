package dev.dp.lineage;

import dev.dp.catalog.ClasspathText;
import dev.dp.process.GoldTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The column lineage of the gold tables, declared once in the resource {@value #RESOURCE}: one line
 * {@code <gold table>.<column> <copy|derived> <- <table>.<column>, ...} per gold column. Kept as
 * data (not code) so the console and an OpenMetadata publisher read the same declaration; a test
 * holds it equal to the gold contract ({@link GoldTable}) and the source schema.
 */
public final class GoldColumnSources {

  /** Classpath location of the declaration. */
  public static final String RESOURCE = "/dev/dp/lineage/gold-column-sources.txt";

  private final Map<String, GoldColumnLineage> byColumn;

  private GoldColumnSources(Map<String, GoldColumnLineage> byColumn) {
    this.byColumn = byColumn;
  }

  /** The declaration shipped with dp. */
  public static GoldColumnSources standard() {
    return parse(ClasspathText.read(RESOURCE));
  }

  /**
   * Parses a declaration.
   *
   * @throws IllegalArgumentException naming the line that is not well formed or repeats a column
   */
  static GoldColumnSources parse(String text) {
    Map<String, GoldColumnLineage> out = new LinkedHashMap<>();
    int number = 0;
    for (String raw : text.split("\n", -1)) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] sides = line.split("<-", 2);
      String[] head = sides[0].trim().split("\\s+");
      if (sides.length != 2 || head.length != 2) {
        throw new IllegalArgumentException(
            "line " + number + ": expected '<gold table>.<column> <copy|derived> <- ...': " + raw);
      }
      SourceColumn gold = SourceColumn.parse(head[0]);
      Derivation derivation;
      try {
        derivation = Derivation.valueOf(head[1].toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "line " + number + ": kind '" + head[1] + "' is not copy or derived");
      }
      List<SourceColumn> sources =
          Arrays.stream(sides[1].split(",")).map(SourceColumn::parse).toList();
      GoldColumnLineage lineage =
          new GoldColumnLineage(gold.table(), gold.column(), derivation, sources);
      if (out.put(gold.toString(), lineage) != null) {
        throw new IllegalArgumentException("line " + number + ": " + gold + " is declared twice");
      }
    }
    return new GoldColumnSources(out);
  }

  /** Every declared column, in declaration order. */
  public List<GoldColumnLineage> all() {
    return List.copyOf(byColumn.values());
  }

  /**
   * The lineage of every column of {@code table}, in the table's column order.
   *
   * @throws IllegalStateException when a column of the contract is not declared
   */
  public List<GoldColumnLineage> of(GoldTable table) {
    List<GoldColumnLineage> out = new ArrayList<>();
    for (String column : table.columnNames()) {
      GoldColumnLineage l = byColumn.get(table.tableName() + "." + column);
      if (l == null) {
        throw new IllegalStateException(
            table.tableName() + "." + column + " is not declared in " + RESOURCE);
      }
      out.add(l);
    }
    return out;
  }

  /** The source tables the columns of {@code table} are made of, in order of first use. */
  public Set<String> sourceTables(GoldTable table) {
    Set<String> tables = new LinkedHashSet<>();
    of(table).forEach(c -> c.sources().forEach(s -> tables.add(s.table())));
    return tables;
  }
}
