package dev.dp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Which fields of a record type a JSON document lacks, recursively through nested records and lists
 * of records: tells whether a {@code report.json} (perhaps written by another dp version) has every
 * figure this version reports. Figures without data are present as {@code null}, so a complete
 * report lacks none.
 */
public final class ReportFields {

  private static final PropertyNamingStrategies.NamingBase NAMES =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  private ReportFields() {}

  /**
   * The paths (e.g. {@code report.phases[1].freshness_gold.p99_seconds}) missing from {@code json}.
   */
  public static List<String> missing(JsonNode json, Class<?> type) {
    return missing(json, type, "report");
  }

  private static List<String> missing(JsonNode node, Class<?> type, String path) {
    List<String> missing = new ArrayList<>();
    if (!type.isRecord() || node == null || node.isNull()) {
      return missing;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      String name = NAMES.translate(c.getName());
      String at = path + "." + name;
      if (!node.has(name)) {
        missing.add(at);
      } else if (c.getType().isRecord()) {
        missing.addAll(missing(node.get(name), c.getType(), at));
      } else if (List.class.isAssignableFrom(c.getType())
          && c.getGenericType() instanceof ParameterizedType p
          && p.getActualTypeArguments()[0] instanceof Class<?> element) {
        JsonNode items = node.get(name);
        for (int i = 0; i < items.size(); i++) {
          missing.addAll(missing(items.get(i), element, at + "[" + i + "]"));
        }
      }
    }
    return missing;
  }
}
