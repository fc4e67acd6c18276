package dev.dp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.SourceSchema;
import dev.dp.catalog.SourceTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The DDL resource against DOMAIN.md, the catalog and the generator's own declarations. */
class SourceSchemaTest {

  private static final String DDL = SourceSchema.ddl();

  private static Map<String, String> tableBodies() {
    Matcher m =
        Pattern.compile(
                "CREATE TABLE IF NOT EXISTS public\\.(\\w+) \\((.*?)\\n\\);", Pattern.DOTALL)
            .matcher(DDL);
    Map<String, String> bodies = new LinkedHashMap<>();
    while (m.find()) {
      bodies.put(m.group(1), m.group(2));
    }
    return bodies;
  }

  @Test
  void createsTheCatalogTablesInForeignKeyOrder() {
    assertThat(new ArrayList<>(tableBodies().keySet())).isEqualTo(SourceTables.NAMES);
  }

  @Test
  void everyTableHasTheCommonColumns() {
    tableBodies()
        .forEach(
            (table, body) ->
                assertThat(body)
                    .as(table)
                    .contains("id uuid PRIMARY KEY")
                    .contains("ingest_timestamp timestamptz NOT NULL DEFAULT now()")
                    .contains("src varchar(255)"));
  }

  @Test
  void declaresTheEnumTypesWithTheirValuesIdempotently() {
    Matcher m =
        Pattern.compile("SELECT pg_temp\\.dp_create_enum\\('(\\w+)', ARRAY\\[([^\\]]*)\\]\\);")
            .matcher(DDL);
    Map<String, List<String>> types = new LinkedHashMap<>();
    while (m.find()) {
      types.put(m.group(1), List.of(m.group(2).replace("'", "").split(", ")));
    }
    assertThat(types).isEqualTo(SourceEnums.ALL);
    // Created only when missing, so the script can run on every start.
    assertThat(DDL)
        .contains("IF NOT EXISTS (SELECT 1 FROM pg_type")
        .contains("CREATE OR REPLACE FUNCTION");
  }

  @Test
  void declaresExactlyTheForeignKeysOfTheGraphWithoutCascades() {
    List<ForeignKey> declared = new ArrayList<>();
    tableBodies()
        .forEach(
            (table, body) -> {
              Matcher m =
                  Pattern.compile("(\\w+) uuid REFERENCES public\\.(\\w+) \\(id\\)").matcher(body);
              while (m.find()) {
                declared.add(new ForeignKey(table, m.group(1), m.group(2)));
              }
            });
    assertThat(declared).isEqualTo(ForeignKeyGraph.FOREIGN_KEYS);
    assertThat(DDL.toUpperCase()).doesNotContain("ON DELETE");
  }

  @Test
  void typesColumnsAsTheDomainSays() {
    Map<String, String> bodies = tableBodies();
    assertThat(bodies.get("targets")).contains("target_code varchar(255) UNIQUE");
    assertThat(bodies.get("users")).contains("username varchar(255) UNIQUE");
    assertThat(bodies.get("regions"))
        .contains("terrain_type varchar(255)")
        .contains("lat_center numeric(19,8)");
    assertThat(bodies.get("roe_updates")).contains("rules jsonb");
    assertThat(bodies.get("alerts")).contains("msg text").contains("status public.alert_status");
    assertThat(DDL).doesNotContainIgnoringCase("REPLICA IDENTITY FULL");
  }
}
