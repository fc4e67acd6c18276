package dev.dp.health.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.health.Fixtures;
import dev.dp.health.Status;
import dev.dp.health.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenMetadataCheckTest {

  private static final OpenMetadataEndpoint NONE = new OpenMetadataEndpoint("", "", "");
  private static final OpenMetadataEndpoint WITH_TOKEN =
      new OpenMetadataEndpoint("http://om:8585", "http://om:8586", "jwt");

  private static Verdict verdict(OpenMetadataCheck.Part part, OpenMetadataStatus s) {
    return new OpenMetadataCheck(part, ctx -> s)
        .verdict(
            new OpenMetadataCheck.Observation(s, "openmetadata_server"), Fixtures.thresholds());
  }

  private static OpenMetadataStatus healthy(Map<String, OpenMetadataStatus.Validation> parts) {
    return new OpenMetadataStatus(WITH_TOKEN, "", true, "{}", "1.6.2", "", parts);
  }

  @Test
  void withoutADeploymentEveryStepIsSkippedSayingWhichSettingToSet() {
    for (OpenMetadataCheck.Part p : OpenMetadataCheck.Part.values()) {
      Verdict v = verdict(p, OpenMetadataStatus.notConfigured(NONE));
      assertThat(v.status()).isEqualTo(Status.SKIP);
      assertThat(v.detail())
          .contains("only in the compose deployment (deploy/docker-compose.yml)")
          .contains("dp.openmetadata.url");
    }
  }

  @Test
  void theServerStepReadsTheHealthcheck() {
    assertThat(verdict(OpenMetadataCheck.Part.SERVER, healthy(Map.of())).detail())
        .isEqualTo("healthy at http://om:8586/healthcheck, version 1.6.2");
    OpenMetadataStatus down =
        new OpenMetadataStatus(WITH_TOKEN, "connection refused", false, "", "", "", Map.of());
    assertThat(verdict(OpenMetadataCheck.Part.SERVER, down).status()).isEqualTo(Status.FAIL);
    assertThat(verdict(OpenMetadataCheck.Part.DATABASE, down).status())
        .as("read through the server, which is step 17's failure")
        .isEqualTo(Status.SKIP);
    OpenMetadataStatus sick =
        new OpenMetadataStatus(WITH_TOKEN, "", false, "{\"healthy\":false}", "", "", Map.of());
    assertThat(verdict(OpenMetadataCheck.Part.SERVER, sick).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void componentStepsReadTheServersSystemStatus() {
    OpenMetadataStatus s =
        healthy(
            Map.of(
                "database",
                new OpenMetadataStatus.Validation(true, "Database connectivity", "ok"),
                "searchInstance",
                new OpenMetadataStatus.Validation(false, "Search", "cluster red")));
    assertThat(verdict(OpenMetadataCheck.Part.DATABASE, s).status()).isEqualTo(Status.PASS);
    Verdict search = verdict(OpenMetadataCheck.Part.SEARCH, s);
    assertThat(search.status()).isEqualTo(Status.FAIL);
    assertThat(search.detail()).isEqualTo("Search: cluster red");
    assertThat(verdict(OpenMetadataCheck.Part.INGESTION, s).status()).isEqualTo(Status.WARN);
  }

  @Test
  void withoutATokenComponentStepsAreSkippedAndARejectedTokenWarns() {
    OpenMetadataStatus noToken =
        new OpenMetadataStatus(
            new OpenMetadataEndpoint("http://om:8585", "http://om:8586", ""),
            "",
            true,
            "{}",
            "",
            "no token",
            Map.of());
    assertThat(verdict(OpenMetadataCheck.Part.MIGRATIONS, noToken).detail())
        .contains("dp.openmetadata.token");
    OpenMetadataStatus rejected =
        new OpenMetadataStatus(WITH_TOKEN, "", true, "{}", "", "HTTP 401", Map.of());
    assertThat(verdict(OpenMetadataCheck.Part.MIGRATIONS, rejected).status())
        .isEqualTo(Status.WARN);
  }

  @Test
  void theAdminUrlDefaultsToTheServersHostOnTheAdminPort() {
    assertThat(OpenMetadataEndpoint.withPort("https://om.example:8585", 8586))
        .isEqualTo("https://om.example:8586");
  }
}
