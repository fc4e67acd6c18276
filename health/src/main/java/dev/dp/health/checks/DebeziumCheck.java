package dev.dp.health.checks;

import dev.dp.cdc.ConnectClient;
import dev.dp.cdc.ConnectorState;
import dev.dp.cdc.PostgresConnectorConfig;
import dev.dp.health.HealthCheck;
import dev.dp.health.HealthThresholds;
import dev.dp.health.PlaybookStep;
import dev.dp.health.ProbeContext;
import dev.dp.health.Text;
import dev.dp.health.Verdict;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Step 4, debezium: Connect answers, {@code postgres-connector} and every task are RUNNING (the
 * error trace when one FAILED), its replication slot in postgres-source is active, and the WAL the
 * slot holds back stays below the declared bounds ({@code dp.health.wal-retained-*-mb}).
 */
public final class DebeziumCheck implements HealthCheck<DebeziumCheck.Observation> {

  static final String SERVICE = "debezium";
  private static final String CONNECTOR = PostgresConnectorConfig.CONNECTOR_NAME;
  private static final String SLOT = PostgresConnectorConfig.SLOT_NAME;

  /**
   * The replication slot as {@code pg_replication_slots} shows it.
   *
   * @param active whether a walsender reads it
   * @param activePid the walsender's pid, or 0
   * @param walStatus {@code reserved}, {@code extended}, {@code unreserved} or {@code lost}
   * @param retainedBytes WAL from its restart LSN to the current one
   * @param confirmedFlushLsn what Debezium confirmed as published
   */
  public record Slot(
      boolean active,
      int activePid,
      String walStatus,
      long retainedBytes,
      String confirmedFlushLsn) {}

  /**
   * What the probe saw.
   *
   * @param restUrl Connect's REST API
   * @param restError why Connect's REST API did not answer, or empty
   * @param connectVersion the worker's version
   * @param connectors the registered connectors
   * @param state the connector's state, empty when it is not registered
   * @param slot the slot, empty when it does not exist
   * @param slotError why the slot could not be read, or empty
   */
  public record Observation(
      String restUrl,
      String restError,
      String connectVersion,
      List<String> connectors,
      Optional<ConnectorState> state,
      Optional<Slot> slot,
      String slotError) {}

  @Override
  public PlaybookStep step() {
    return PlaybookStep.of(4, "Debezium", SERVICE);
  }

  @Override
  public Observation probe(ProbeContext ctx) {
    ConnectClient client =
        new ConnectClient(
            ctx.config().bindAddress(),
            ctx.config().port(SERVICE, "rest"),
            ctx.thresholds().callTimeout());
    String restError = "";
    String version = "";
    List<String> connectors = List.of();
    Optional<ConnectorState> state = Optional.empty();
    try {
      ctx.doing("asking Connect REST at " + ctx.config().address(SERVICE, "rest"));
      version = client.version();
      connectors = client.connectors();
      state = client.status(CONNECTOR);
    } catch (IOException e) {
      restError = Text.error(e);
    }
    Optional<Slot> slot = Optional.empty();
    String slotError = "";
    ctx.doing("reading replication slot " + SLOT + " in postgres-source");
    try (Connection c = ctx.sql(SourceDatabaseCheck.SERVICE);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT active, coalesce(active_pid, 0), coalesce(wal_status, ''),"
                    + " coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::bigint,"
                    + " coalesce(confirmed_flush_lsn::text, '')"
                    + " FROM pg_replication_slots WHERE slot_name = ?")) {
      ps.setString(1, SLOT);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          slot =
              Optional.of(
                  new Slot(
                      rs.getBoolean(1),
                      rs.getInt(2),
                      rs.getString(3),
                      rs.getLong(4),
                      rs.getString(5)));
        }
      }
    } catch (SQLException | RuntimeException e) {
      slotError = Text.error(e);
    }
    return new Observation(
        ctx.url(SERVICE, "rest"), restError, version, connectors, state, slot, slotError);
  }

  @Override
  public Verdict verdict(Observation o, HealthThresholds t) {
    Verdict v = judge(o, t);
    v = v.with("connect_version", o.connectVersion().isEmpty() ? null : o.connectVersion());
    if (o.state().isPresent()) {
      v =
          v.with("connector_state", o.state().get().connector())
              .with("task_states", o.state().get().tasks());
    }
    if (o.slot().isPresent()) {
      Slot s = o.slot().get();
      v =
          v.with("slot", SLOT)
              .with("slot_active", s.active())
              .with("slot_wal_status", s.walStatus())
              .with("wal_retained_bytes", s.retainedBytes())
              .with("confirmed_flush_lsn", s.confirmedFlushLsn());
    }
    return v;
  }

  private static Verdict judge(Observation o, HealthThresholds t) {
    String logs = "./dp logs dp_debezium";
    if (!o.restError().isEmpty()) {
      return Verdict.fail("Kafka Connect's REST API does not answer: " + o.restError(), logs);
    }
    if (o.state().isEmpty()) {
      return Verdict.fail(
          CONNECTOR + " is not registered (connectors: " + o.connectors() + ")",
          "./dp up " + SERVICE + " registers it; " + logs);
    }
    ConnectorState s = o.state().get();
    if (s.failed()) {
      String trace = s.trace().lines().limit(3).reduce((a, b) -> a + " | " + b).orElse("");
      return Verdict.fail(
              CONNECTOR + " FAILED (" + s + ")" + (trace.isEmpty() ? "" : ": " + trace),
              logs
                  + "; after fixing the cause: curl -X POST '"
                  + o.restUrl()
                  + "/connectors/"
                  + CONNECTOR
                  + "/restart?includeTasks=true&onlyFailed=true'")
          .with("trace", s.trace());
    }
    if (!s.running()) {
      return Verdict.fail(CONNECTOR + " is not running: " + s, logs);
    }
    if (!o.slotError().isEmpty()) {
      return Verdict.fail(
          "the replication slot " + SLOT + " cannot be read: " + o.slotError(),
          "see step 2 (postgres-source)");
    }
    if (o.slot().isEmpty()) {
      return Verdict.fail(
          "the replication slot " + SLOT + " does not exist in postgres-source", logs);
    }
    Slot slot = o.slot().get();
    String tasks = s.tasks().size() + "/" + s.tasks().size() + " task(s)";
    String held = "WAL retained " + Text.bytes(slot.retainedBytes());
    if (!slot.active()) {
      return Verdict.fail(
          "the connector runs but slot " + SLOT + " is not active (no walsender reads it); " + held,
          logs);
    }
    if ("lost".equals(slot.walStatus()) || "unreserved".equals(slot.walStatus())) {
      return Verdict.fail(
          "slot " + SLOT + " is " + slot.walStatus() + ": WAL it needs is (about to be) removed",
          "the connector must snapshot again: " + logs);
    }
    if (slot.retainedBytes() > t.walRetainedFailBytes()) {
      return Verdict.fail(
          held + ", above the bound of " + Text.bytes(t.walRetainedFailBytes()),
          "Debezium is not confirming positions: " + logs);
    }
    String ok =
        CONNECTOR
            + " RUNNING with "
            + tasks
            + "; slot "
            + SLOT
            + " active (pid "
            + slot.activePid()
            + "), "
            + held;
    if (slot.retainedBytes() > t.walRetainedWarnBytes()) {
      return Verdict.warn(
          ok + ", above the warning bound of " + Text.bytes(t.walRetainedWarnBytes()), logs);
    }
    return Verdict.pass(ok);
  }
}
