package dev.dp.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

  /** The configuration Connect returns for postgres-connector, as recorded from a stack. */
  private static Map<String, String> recordedConnectorConfig() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    c.put("database.hostname", "127.0.0.1");
    c.put("database.port", "5433");
    c.put("database.user", "admin");
    c.put("database.password", "${file:/work/main/.dp/dp.properties:dp.source.password}");
    c.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    c.put("slot.name", "dp_debezium");
    c.put("table.include.list", "public.regions,public.alerts");
    return c;
  }

  @Test
  void theConnectorsPasswordIsMaskedAndNothingElse() {
    Map<String, String> masked = SecretMasker.mask(recordedConnectorConfig());

    assertThat(masked.get("database.password")).isEqualTo(SecretMasker.MASK);
    assertThat(masked).containsEntry("database.user", "admin");
    assertThat(masked)
        .containsEntry("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    assertThat(masked).containsEntry("table.include.list", "public.regions,public.alerts");
    assertThat(masked.keySet()).containsExactlyElementsOf(recordedConnectorConfig().keySet());
    assertThat(masked.values()).noneMatch(v -> v.contains("dp.properties"));
  }

  @Test
  void settingsNamedLikeSecretsAreMaskedWhole() {
    for (String name :
        new String[] {
          "ssl.truststore.password",
          "sasl.jaas.config",
          "aws.secret.access.key",
          "oauth.token",
          "api.key",
          "ssl.key.password",
          "database.sslpassword",
          "connection.credentials"
        }) {
      assertThat(SecretMasker.maskValue(name, "s3cr3t")).as(name).isEqualTo(SecretMasker.MASK);
    }
    assertThat(SecretMasker.isSecretName("value.converter.schemas.enable")).isFalse();
    assertThat(SecretMasker.isSecretName("key.converter")).isFalse();
  }

  @Test
  void credentialsInsideOtherValuesAreMasked() {
    assertThat(
            SecretMasker.maskValue(
                "connection.url",
                "jdbc:postgresql://h:5434/jadc2_db?user=admin&password=hunter2&ssl=false"))
        .isEqualTo("jdbc:postgresql://h:5434/jadc2_db?user=admin&password=********&ssl=false");
    assertThat(SecretMasker.maskValue("uri", "http://admin:hunter2@host:8083/"))
        .isEqualTo("http://admin:********@host:8083/");
    assertThat(SecretMasker.maskValue("options", "user=a password = \"two words\" x=1"))
        .isEqualTo("user=a password = ******** x=1");
    assertThat(SecretMasker.maskValue("slot.name", "dp_debezium")).isEqualTo("dp_debezium");
    assertThat(SecretMasker.maskValue("any", null)).isNull();
  }
}
