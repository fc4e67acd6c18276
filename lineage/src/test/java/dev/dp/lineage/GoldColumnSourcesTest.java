package dev.dp.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dp.process.GoldTable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GoldColumnSourcesTest {

  private final GoldColumnSources declared = GoldColumnSources.standard();
  private final Map<String, List<String>> sourceColumns = SourceSchemaColumns.standard();

  @Test
  void everyGoldColumnOfTheContractIsDeclaredAndNothingElse() {
    int contractColumns = 0;
    for (GoldTable t : GoldTable.values()) {
      assertThat(declared.of(t).stream().map(GoldColumnLineage::column))
          .as(t.tableName())
          .containsExactlyElementsOf(t.columnNames());
      contractColumns += t.columns().size();
    }
    assertThat(declared.all()).hasSize(contractColumns);
  }

  @Test
  void everySourceColumnExistsInTheSourceSchema() {
    for (GoldColumnLineage c : declared.all()) {
      for (SourceColumn s : c.sources()) {
        assertThat(sourceColumns).as(c.goldTable() + "." + c.column()).containsKey(s.table());
        assertThat(sourceColumns.get(s.table()))
            .as(c.goldTable() + "." + c.column() + " <- " + s)
            .contains(s.column());
      }
    }
  }

  @Test
  void theSourceTablesOfAGoldTableAreThoseItsSparkSqlReads() {
    for (GoldTable t : GoldTable.values()) {
      Set<String> read = GoldQueries.silverTablesRead(t);
      assertThat(read).as("silver tables read by " + t.tableName()).isNotEmpty();
      assertThat(read).as(t.tableName()).containsAll(declared.sourceTables(t));
    }
  }

  @Test
  void copiedColumnsHaveExactlyOneSource() {
    for (GoldColumnLineage c : declared.all()) {
      if (c.derivation() == Derivation.COPY) {
        assertThat(c.sources()).as(c.goldTable() + "." + c.column()).hasSize(1);
      }
    }
  }

  @Test
  void malformedOrRepeatedLinesAreNamed() {
    assertThatThrownBy(() -> GoldColumnSources.parse("a.b copy alerts.id"))
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> GoldColumnSources.parse("a.b moved <- alerts.id"))
        .hasMessageContaining("'moved' is not copy or derived");
    assertThatThrownBy(() -> GoldColumnSources.parse("a.b copy <- x.y\n# c\na.b copy <- x.y"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("declared twice");
  }
}
