package dev.dp.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract, the gold DDL and the SQL resources agree with each other. */
class GoldTableTest {

  @Test
  void theFiveTablesOfDomainMd() {
    assertThat(List.of(GoldTable.values()).stream().map(GoldTable::tableName))
        .containsExactly(
            "effective_unit_strength",
            "threat_assessment",
            "alerts_with_commands",
            "logistics_readiness",
            "engagement_analysis");
    assertThat(GoldTable.EFFECTIVE_UNIT_STRENGTH.keyColumns())
        .containsExactly("unit_id", "weapon_id");
    assertThat(GoldTable.ENGAGEMENT_ANALYSIS.qualifiedName()).isEqualTo("gold.engagement_analysis");
  }

  @Test
  void looksTablesUpByNameWithOrWithoutSchema() {
    assertThat(GoldTable.byName("gold.threat_assessment")).isEqualTo(GoldTable.THREAT_ASSESSMENT);
    assertThat(GoldTable.byName("logistics_readiness")).isEqualTo(GoldTable.LOGISTICS_READINESS);
    assertThatThrownBy(() -> GoldTable.byName("threats"))
        .hasMessageContaining("effective_unit_strength");
  }

  @ParameterizedTest
  @EnumSource(GoldTable.class)
  void keyColumnsComeFirstAndAreText(GoldTable table) {
    assertThat(table.columnNames().subList(0, table.keyColumns().size()))
        .containsExactlyElementsOf(table.keyColumns());
    for (String k : table.keyColumns()) {
      assertThat(table.column(k).type()).isEqualTo(GoldType.TEXT);
    }
  }

  @ParameterizedTest
  @EnumSource(GoldTable.class)
  void theDdlDeclaresTheContractColumnsAndKey(GoldTable table) {
    Matcher m =
        Pattern.compile(
                "CREATE TABLE IF NOT EXISTS " + table.qualifiedName() + " \\((.*?)\\n\\);",
                Pattern.DOTALL)
            .matcher(GoldSchema.ddl());
    assertThat(m.find()).as("CREATE TABLE " + table.qualifiedName()).isTrue();
    List<String> columns = new ArrayList<>();
    String primaryKey = null;
    for (String line : m.group(1).strip().split("\n")) {
      String l = line.strip().replaceAll(",$", "");
      if (l.startsWith("PRIMARY KEY")) {
        primaryKey = l;
        continue;
      }
      String[] parts = l.split("\\s+");
      columns.add(parts[0] + " " + parts[1]);
      if (l.endsWith("PRIMARY KEY")) {
        primaryKey = "PRIMARY KEY (" + parts[0] + ")";
      }
    }
    assertThat(columns)
        .containsExactlyElementsOf(
            table.columns().stream().map(GoldColumn::postgresDefinition).toList());
    assertThat(primaryKey).isEqualTo("PRIMARY KEY (" + String.join(", ", table.keyColumns()) + ")");
  }

  @ParameterizedTest
  @EnumSource(GoldTable.class)
  void everyTableHasItsSparkSql(GoldTable table) {
    assertThat(table.sparkSql()).contains("SELECT").contains("silver.");
  }

  @Test
  void theDdlCreatesTheWatermarkAndTheFiveViews() {
    String ddl = GoldSchema.ddl();
    assertThat(ddl).contains("CREATE TABLE IF NOT EXISTS " + GoldSchema.WATERMARK_TABLE + " (");
    for (String view : GoldSchema.VIEWS) {
      assertThat(ddl).contains("CREATE OR REPLACE VIEW " + view + " AS");
    }
  }
}
