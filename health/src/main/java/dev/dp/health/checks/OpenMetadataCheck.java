package dev.dp.health.checks;

import dev.dp.catalog.DpSettings;
import dev.dp.health.HealthCheck;
import dev.dp.health.HealthThresholds;
import dev.dp.health.PlaybookStep;
import dev.dp.health.ProbeContext;
import dev.dp.health.Verdict;
import java.util.function.Function;

/**
 * Steps 14–18, OpenMetadata: SKIP unless {@code dp.openmetadata.url} names a deployment (the local
 * twin cannot run it). Then step 17 (server) is its admin {@code /healthcheck} and version; steps
 * 14, 15, 16 and 18 are the server's own validation of its database, search instance, migrations
 * and ingestion (Airflow) client in {@code /api/v1/system/status}, which needs {@code
 * dp.openmetadata.token}. The five steps share one set of requests per run.
 */
public final class OpenMetadataCheck implements HealthCheck<OpenMetadataCheck.Observation> {

  /** What a step reads from the server. */
  public enum Part {
    /** Step 14: the server's database (MySQL in compose). */
    DATABASE(14, "OpenMetadata MySQL", "openmetadata-mysql", "database"),
    /** Step 15: its search instance (Elasticsearch / OpenSearch). */
    SEARCH(15, "OpenMetadata Elasticsearch", "openmetadata-elasticsearch", "searchInstance"),
    /** Step 16: its schema migrations. */
    MIGRATIONS(16, "OpenMetadata Migration", "execute-migrate-all", "migrations"),
    /** Step 17: the server itself. */
    SERVER(17, "OpenMetadata Server", OpenMetadataEndpoint.SERVER, ""),
    /** Step 18: its pipeline service client (Airflow ingestion). */
    INGESTION(
        18, "OpenMetadata Ingestion (Airflow)", "openmetadata-ingestion", "pipelineServiceClient");

    final int step;
    final String title;
    final String service;
    final String statusField;

    Part(int step, String title, String service, String statusField) {
      this.step = step;
      this.title = title;
      this.service = service;
      this.statusField = statusField;
    }
  }

  /**
   * What the probe saw.
   *
   * @param status the server's answers (shared by the five steps)
   * @param container the step's compose container, for where to look
   */
  public record Observation(OpenMetadataStatus status, String container) {}

  private final Part part;
  private final Function<ProbeContext, OpenMetadataStatus> ask;

  /**
   * The check of one part.
   *
   * @param part which step
   * @param ask asks the server once per run, whichever step asks first
   */
  public OpenMetadataCheck(Part part, Function<ProbeContext, OpenMetadataStatus> ask) {
    this.part = part;
    this.ask = ask;
  }

  /** Asks the configured server (not memoised). */
  public static OpenMetadataStatus ask(ProbeContext ctx) {
    return OpenMetadataStatus.ask(ctx, OpenMetadataEndpoint.of(ctx.config()));
  }

  @Override
  public PlaybookStep step() {
    return PlaybookStep.of(part.step, part.title, part.service);
  }

  @Override
  public Observation probe(ProbeContext ctx) {
    return new Observation(
        ask.apply(ctx), ctx.config().catalog().require(part.service).container());
  }

  @Override
  public Verdict verdict(Observation o, HealthThresholds t) {
    OpenMetadataStatus s = o.status();
    OpenMetadataEndpoint e = s.endpoint();
    if (!e.configured()) {
      return Verdict.skip(
          "OpenMetadata runs only in the compose deployment (deploy/docker-compose.yml); set "
              + DpSettings.OPENMETADATA_URL.key()
              + " ("
              + DpSettings.OPENMETADATA_URL.env()
              + ") to check one");
    }
    String logs = "docker logs " + o.container();
    if (part == Part.SERVER) {
      String version = s.version().isEmpty() ? "" : ", version " + s.version();
      if (!s.healthError().isEmpty()) {
        return Verdict.fail(
            "the server does not answer " + e.adminUrl() + "/healthcheck: " + s.healthError(),
            logs);
      }
      if (!s.healthy()) {
        return Verdict.fail(
            "the server reports itself unhealthy at "
                + e.adminUrl()
                + "/healthcheck: "
                + s.healthBody(),
            logs);
      }
      return Verdict.pass("healthy at " + e.adminUrl() + "/healthcheck" + version)
          .with("version", s.version().isEmpty() ? null : s.version());
    }
    if (!s.healthError().isEmpty()) {
      return Verdict.skip(
          "not checked: the OpenMetadata server does not answer (see step 17), and this step is"
              + " read from it");
    }
    if ("no token".equals(s.statusError())) {
      return Verdict.skip(
          "set "
              + DpSettings.OPENMETADATA_TOKEN.key()
              + " ("
              + DpSettings.OPENMETADATA_TOKEN.env()
              + ", an admin or bot JWT) to read "
              + e.url()
              + "/api/v1/system/status, where the server validates its "
              + part.statusField);
    }
    if (!s.statusError().isEmpty()) {
      return Verdict.warn(
          "cannot read " + e.url() + "/api/v1/system/status: " + s.statusError(),
          "is " + DpSettings.OPENMETADATA_TOKEN.key() + " a JWT of an admin or bot?");
    }
    OpenMetadataStatus.Validation v = s.components().get(part.statusField);
    if (v == null) {
      return Verdict.warn(
          "the server's system status has no '" + part.statusField + "' (another version?)", logs);
    }
    String what = v.description().isEmpty() ? part.statusField : v.description();
    return (v.passed()
            ? Verdict.pass(
                what + ": passed" + (v.message().isEmpty() ? "" : " (" + v.message() + ")"))
            : Verdict.fail(what + ": " + v.message(), logs))
        .with("validation", part.statusField)
        .with("passed", v.passed());
  }
}
