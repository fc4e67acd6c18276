package dev.dp.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.process.fixture.CanonicalRows;
import dev.dp.process.fixture.GoldExpectations;
import dev.dp.process.fixture.SourceRows;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the production Spark SQL of every gold table, unmodified, over {@code silver.<table>} views
 * filled with the shared edge-case fixture ({@link SourceRows}) in a local session, and holds the
 * results to the hand-computed rows ({@link GoldExpectations}): once for the fixture as loaded and
 * once after its deletions. The same fixture and expectations hold the PostgreSQL oracle in
 * dp-oracle. The silver views have every column of the real source DDL with the ingest's types.
 */
class GoldSparkSqlTest {

  private static SparkSession spark;
  private static final Map<GoldTable, StructType> schemas = new EnumMap<>(GoldTable.class);
  private static final Map<GoldTable, Map<String, Map<String, String>>> initial =
      new EnumMap<>(GoldTable.class);
  private static final Map<GoldTable, Map<String, Map<String, String>>> afterDeletions =
      new EnumMap<>(GoldTable.class);

  @BeforeAll
  static void computeBothScenarios() {
    spark =
        SparkSession.builder()
            .appName("GoldSparkSqlTest")
            .master("local[1]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "1")
            .config("spark.sql.session.timeZone", "UTC")
            // Tiny inputs: skip re-planning and whole-stage code generation (compiling it costs
            // more than running these plans); neither changes results.
            .config("spark.sql.adaptive.enabled", "false")
            .config("spark.sql.codegen.wholeStage", "false")
            .config("spark.sql.catalogImplementation", "in-memory")
            // Global temporary views live in this database: silver.<table> resolves to them, so
            // the production SQL runs unmodified and nothing is written to disk.
            .config("spark.sql.globalTempDatabase", "silver")
            .config("spark.sql.warehouse.dir", Path.of("target/spark-warehouse").toUri().toString())
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    SourceRows fixture = SourceRows.load();
    loadSilver(fixture);
    for (GoldTable t : GoldTable.values()) {
      Dataset<Row> result = spark.sql(t.sparkSql());
      schemas.put(t, result.schema());
      initial.put(t, CanonicalRows.byKey(t, maps(result)));
    }
    loadSilver(fixture.afterDeletions());
    for (GoldTable t : GoldTable.values()) {
      afterDeletions.put(t, CanonicalRows.byKey(t, maps(spark.sql(t.sparkSql()))));
    }
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @ParameterizedTest
  @EnumSource(GoldTable.class)
  void producesExactlyTheContractColumnsWithTheirTypes(GoldTable table) {
    List<String> actual = new ArrayList<>();
    for (StructField f : schemas.get(table).fields()) {
      actual.add(f.name() + " " + f.dataType().sql());
    }
    List<String> contract =
        table.columns().stream().map(c -> c.name() + " " + c.type().sparkType()).toList();
    assertThat(actual).containsExactlyElementsOf(contract);
  }

  @ParameterizedTest
  @EnumSource(GoldTable.class)
  void matchesTheHandComputedRows(GoldTable table) {
    assertThat(initial.get(table))
        .isEqualTo(CanonicalRows.byKey(table, GoldExpectations.initial().rows(table)));
  }

  @ParameterizedTest
  @EnumSource(GoldTable.class)
  void followsDeletedSourceRows(GoldTable table) {
    assertThat(afterDeletions.get(table))
        .isEqualTo(CanonicalRows.byKey(table, GoldExpectations.afterDeletions().rows(table)));
  }

  @Test
  void everyGoldTableHasRowsInTheFixture() {
    // Guards the fixture itself: an empty result would make the comparisons above vacuous.
    for (GoldTable t : GoldTable.values()) {
      assertThat(initial.get(t)).as(t.tableName()).hasSizeGreaterThanOrEqualTo(4);
    }
  }

  /** Replaces every silver view with the fixture's rows (all source columns, typed as silver). */
  private static void loadSilver(SourceRows fixture) {
    Map<String, Map<String, String>> silver = SilverColumns.byTable();
    Set<String> unknown = new HashSet<>(fixture.tables().keySet());
    unknown.removeAll(silver.keySet());
    assertThat(unknown).as("fixture tables missing from the source DDL").isEmpty();
    for (Map.Entry<String, Map<String, String>> table : silver.entrySet()) {
      StructType schema = StructType.fromDDL(SilverColumns.ddl(table.getValue()));
      List<Row> rows = new ArrayList<>();
      for (Map<String, String> fixtureRow : fixture.rows(table.getKey())) {
        assertThat(table.getValue().keySet())
            .as("columns of " + table.getKey())
            .containsAll(fixtureRow.keySet());
        Object[] values = new Object[schema.fields().length];
        for (int i = 0; i < values.length; i++) {
          String column = schema.fields()[i].name();
          values[i] = sparkValue(table.getValue().get(column), fixtureRow.get(column));
        }
        rows.add(RowFactory.create(values));
      }
      spark.createDataFrame(rows, schema).createOrReplaceGlobalTempView(table.getKey());
    }
  }

  private static Object sparkValue(String sparkType, String text) {
    if (text == null) {
      return null;
    }
    if (sparkType.startsWith("DECIMAL")) {
      return new BigDecimal(text);
    }
    return switch (sparkType) {
      case "TIMESTAMP" -> Timestamp.from(Instant.parse(text));
      case "BOOLEAN" -> Boolean.valueOf(text);
      case "SMALLINT" -> Short.valueOf(text);
      case "INT" -> Integer.valueOf(text);
      case "BIGINT" -> Long.valueOf(text);
      default -> text;
    };
  }

  private static List<Map<String, Object>> maps(Dataset<Row> result) {
    List<Map<String, Object>> out = new ArrayList<>();
    String[] names = result.schema().fieldNames();
    for (Row r : result.collectAsList()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < names.length; i++) {
        m.put(names[i], r.get(i));
      }
      out.add(m);
    }
    return out;
  }
}
