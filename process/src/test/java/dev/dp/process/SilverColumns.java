package dev.dp.process;

import dev.dp.catalog.SourceSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The columns of the silver views as the ingest job types them, derived from the real source DDL
 * ({@link SourceSchema}) with the ingest's mapping: {@code numeric(p,s)} to {@code DECIMAL(p,s)},
 * {@code timestamptz} to {@code TIMESTAMP}, {@code boolean} to {@code BOOLEAN}, integers as such,
 * everything else (uuid, enums, jsonb, varchar, text) to {@code STRING}.
 */
final class SilverColumns {

  private static final Pattern TABLE =
      Pattern.compile("CREATE TABLE IF NOT EXISTS public\\.(\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);

  private SilverColumns() {}

  /** Per source table, its columns in order with their Spark SQL types. */
  static Map<String, Map<String, String>> byTable() {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    Matcher m = TABLE.matcher(SourceSchema.ddl());
    while (m.find()) {
      Map<String, String> columns = new LinkedHashMap<>();
      for (String line : m.group(2).strip().split("\n")) {
        String[] parts = line.strip().split("\\s+");
        columns.put(parts[0], sparkType(parts[1].replaceAll(",$", "")));
      }
      out.put(m.group(1), columns);
    }
    return out;
  }

  static String sparkType(String postgresType) {
    String t = postgresType.toLowerCase(Locale.ROOT);
    if (t.startsWith("numeric(")) {
      return "DECIMAL" + t.substring("numeric".length());
    }
    return switch (t) {
      case "timestamptz" -> "TIMESTAMP";
      case "boolean" -> "BOOLEAN";
      case "smallint" -> "SMALLINT";
      case "integer", "int" -> "INT";
      case "bigint" -> "BIGINT";
      default -> "STRING";
    };
  }

  /** The DDL form Spark's {@code StructType.fromDDL} reads, e.g. {@code `id` STRING, ...}. */
  static String ddl(Map<String, String> columns) {
    return columns.entrySet().stream()
        .map(e -> "`" + e.getKey() + "` " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  static List<String> names(Map<String, String> columns) {
    return List.copyOf(columns.keySet());
  }
}
