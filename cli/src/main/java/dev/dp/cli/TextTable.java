package dev.dp.cli;

import java.util.ArrayList;
import java.util.List;

/** A text table with left-aligned columns sized to their widest cell. */
final class TextTable {

  private final List<String[]> rows = new ArrayList<>();

  TextTable(String... headers) {
    rows.add(headers);
  }

  TextTable row(String... cells) {
    if (cells.length != rows.get(0).length) {
      throw new IllegalArgumentException(
          "a row of " + cells.length + " cells in a table of " + rows.get(0).length + " columns");
    }
    rows.add(cells);
    return this;
  }

  String render() {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        sb.append(String.format("%-" + (widths[i] + 2) + "s", row[i]));
      }
      sb.setLength(sb.length() - 2);
      sb.append(System.lineSeparator());
    }
    return sb.toString();
  }
}
