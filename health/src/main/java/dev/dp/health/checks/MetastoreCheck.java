package dev.dp.health.checks;

import dev.dp.catalog.LakehouseLayout;
import dev.dp.health.HealthCheck;
import dev.dp.health.HealthThresholds;
import dev.dp.health.PlaybookStep;
import dev.dp.health.ProbeContext;
import dev.dp.health.Text;
import dev.dp.health.Verdict;
import dev.dp.stack.ThriftMetastoreProbe;
import java.io.IOException;
import java.util.List;

/**
 * Step 8, hms: the metastore answers a real Thrift call ({@code get_all_databases}, which reads
 * hms-db), with how long it took and the lakehouse databases it lists.
 */
public final class MetastoreCheck implements HealthCheck<MetastoreCheck.Observation> {

  static final String SERVICE = "hms";

  /**
   * What the probe saw.
   *
   * @param address {@code host:port} of the Thrift endpoint
   * @param error why the call failed, or empty
   * @param databases the databases it listed
   * @param millis how long the call took
   */
  public record Observation(String address, String error, List<String> databases, long millis) {}

  @Override
  public PlaybookStep step() {
    return PlaybookStep.of(8, "Hive Metastore Service", SERVICE);
  }

  @Override
  public Observation probe(ProbeContext ctx) {
    String address = ctx.config().address(SERVICE, "thrift");
    ctx.doing("calling get_all_databases on thrift://" + address);
    long t0 = System.nanoTime();
    try {
      List<String> dbs =
          ThriftMetastoreProbe.allDatabases(
              ctx.config().bindAddress(),
              ctx.config().port(SERVICE, "thrift"),
              ctx.thresholds().callTimeoutMillis());
      return new Observation(address, "", dbs, (System.nanoTime() - t0) / 1_000_000);
    } catch (IOException e) {
      return new Observation(
          address, Text.error(e), List.of(), (System.nanoTime() - t0) / 1_000_000);
    }
  }

  @Override
  public Verdict verdict(Observation o, HealthThresholds t) {
    if (!o.error().isEmpty()) {
      return Verdict.fail(
              "the metastore does not answer get_all_databases on thrift://"
                  + o.address()
                  + ": "
                  + o.error(),
              "./dp logs hms (it needs hms-db and HDFS)")
          .with("millis", o.millis());
    }
    List<String> lakehouse =
        List.of(LakehouseLayout.BRONZE, LakehouseLayout.SILVER).stream()
            .filter(o.databases()::contains)
            .toList();
    return Verdict.pass(
            "answers get_all_databases on thrift://"
                + o.address()
                + " in "
                + o.millis()
                + " ms: "
                + o.databases())
        .with("databases", o.databases())
        .with("lakehouse_databases", lakehouse)
        .with("millis", o.millis());
  }
}
