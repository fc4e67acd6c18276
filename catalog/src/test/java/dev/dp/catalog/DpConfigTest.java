package dev.dp.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DpConfigTest {

  private static final ServiceCatalog CATALOG = ServiceCatalog.standard();

  @TempDir Path checkout;

  @Test
  void defaultsApplyWhenNothingIsSet() {
    DpConfig config = DpConfig.load(CATALOG, checkout, Map.of(), Map.of());
    assertThat(config.portOffset()).isZero();
    assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(config.paths().home()).isEqualTo(checkout.resolve(".dp"));
    assertThat(config.has(DpSettings.SOURCE_PASSWORD_SETTING)).isFalse();
  }

  @Test
  void environmentBeatsThePropertiesFileAndFlagsBeatTheEnvironment() throws IOException {
    Files.createDirectories(checkout.resolve(".dp"));
    Files.writeString(
        checkout.resolve(".dp/dp.properties"), "dp.generator.rate=5\ndp.generator.seed=7\n");
    DpConfig config =
        DpConfig.load(
            CATALOG,
            checkout,
            Map.of("DP_GENERATOR_RATE", "9", "DP_PORT_OFFSET", "100"),
            Map.of("dp.port.offset", "200"));
    assertThat(config.get(DpSettings.GENERATOR_SEED)).isEqualTo(7);
    assertThat(config.get(DpSettings.GENERATOR_RATE)).isEqualTo(9);
    assertThat(config.portOffset()).isEqualTo(200);
    assertThat(config.port(CATALOG.require("kafka"), "broker")).isEqualTo(9292);
    assertThat(config.address("kafka", "broker")).isEqualTo("127.0.0.1:9292");
    assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:9292");
    assertThat(config.catalog()).isSameAs(CATALOG);
  }

  @Test
  void everyProblemIsReportedInOneMessage() throws IOException {
    Files.createDirectories(checkout.resolve("h"));
    Files.writeString(checkout.resolve("h/dp.properties"), "dp.generator.sed=1\n");
    assertThatThrownBy(
            () ->
                DpConfig.load(
                    CATALOG,
                    checkout,
                    Map.of(
                        "DP_HOME", "h",
                        "DP_PORT_OFFSET", "70000",
                        "DP_KAFKA_HEAP", "lots",
                        "DP_GENERATOR_RATE", "fast"),
                    Map.of("dp.no.such", "1")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems()).hasSize(5);
              assertThat(e.getMessage())
                  .contains("5 problems")
                  .contains("dp.port.offset (DP_PORT_OFFSET) = '70000'")
                  .contains("outside the allowed range 0..55665")
                  .contains("'lots' is not a heap size")
                  .contains("'fast' is not an integer")
                  .contains("unknown setting 'dp.generator.sed'")
                  .contains("unknown setting 'dp.no.such'");
            });
  }

  @Test
  void secretsAreNeverEchoedInErrors() {
    assertThatThrownBy(
            () -> DpConfig.load(CATALOG, checkout, Map.of("DP_SOURCE_PASSWORD", "  "), Map.of()))
        .hasMessageContaining("(secret)");
  }

  @Test
  void generatedSecretsPersistAndAreReadBack() throws IOException {
    DpConfig first = LocalSecrets.ensure(DpConfig.load(CATALOG, checkout, Map.of(), Map.of()));
    String password = first.get(DpSettings.SOURCE_PASSWORD_SETTING);
    assertThat(password).hasSizeGreaterThanOrEqualTo(24);
    DpConfig again = LocalSecrets.ensure(DpConfig.load(CATALOG, checkout, Map.of(), Map.of()));
    assertThat(again.get(DpSettings.SOURCE_PASSWORD_SETTING)).isEqualTo(password);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(checkout.resolve(".dp/dp.properties"))))
        .isEqualTo("rw-------");
  }

  @Test
  void optionalSettingsMayStayEmptyAndAreNeverGenerated() {
    DpConfig config = LocalSecrets.ensure(DpConfig.load(CATALOG, checkout, Map.of(), Map.of()));
    assertThat(config.get(DpSettings.OPENMETADATA_URL)).isEmpty();
    assertThat(config.get(DpSettings.OPENMETADATA_TOKEN)).as("not generated").isEmpty();
    DpConfig set =
        DpConfig.load(
            CATALOG, checkout, Map.of("DP_OPENMETADATA_URL", "http://localhost:8585/"), Map.of());
    assertThat(set.get(DpSettings.OPENMETADATA_URL)).isEqualTo("http://localhost:8585");
    assertThatThrownBy(
            () ->
                DpConfig.load(
                    CATALOG, checkout, Map.of("DP_OPENMETADATA_URL", "localhost"), Map.of()))
        .hasMessageContaining("is not an http(s) URL");
  }
}
