package dev.dp.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The drill's result as a table for people and as JSON-ready maps for scripts. */
public final class ChaosReport {

  private static final String[] HEADER = {
    "FAULT",
    "RECOVERED",
    "RESTART",
    "CAUGHT UP",
    "LOST",
    "DUPLICATED",
    "GOLD DIFF",
    "VERIFY",
    "AUDIT"
  };

  private ChaosReport() {}

  /** Whether every fault recovered without losing or duplicating anything. */
  public static boolean allOk(List<FaultOutcome> outcomes) {
    return outcomes.stream().allMatch(FaultOutcome::ok);
  }

  /** An aligned text table, one row per fault, then the details of the failures. */
  public static String text(List<FaultOutcome> outcomes) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (FaultOutcome o : outcomes) {
      rows.add(
          new String[] {
            o.fault().label(),
            o.recovered() ? "yes" : "NO",
            seconds(o.restartSeconds()),
            seconds(o.caughtUpSeconds()),
            Long.toString(o.lost()),
            Long.toString(o.duplicated()),
            Long.toString(o.goldDifferent()),
            o.recovered() ? (o.verifyEqual() ? "PASS" : "FAIL") : "-",
            o.recovered() ? (o.audit().passed() ? "PASS" : "FAIL") : "-"
          });
    }
    int[] width = new int[HEADER.length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        sb.append(String.format("%-" + (width[i] + 2) + "s", r[i]));
      }
      sb.setLength(sb.length() - 2);
      sb.append(System.lineSeparator());
    }
    for (FaultOutcome o : outcomes) {
      if (!o.ok()) {
        sb.append(o.fault().label()).append(": ").append(o.detail()).append(System.lineSeparator());
      }
    }
    if (outcomes.size() > 1 && auditedOnce(outcomes, outcomes.get(0))) {
      sb.append("AUDIT: one audit after the last fault covers every fault (--audit-once)")
          .append(System.lineSeparator());
    }
    sb.append(
        allOk(outcomes)
            ? "dp chaos: every fault recovered; nothing lost or duplicated"
            : "dp chaos: FAILED");
    return sb.append(System.lineSeparator()).toString();
  }

  /** One map per fault, for {@code --json}. */
  public static List<Map<String, Object>> json(List<FaultOutcome> outcomes) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FaultOutcome o : outcomes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("fault", o.fault().label());
      m.put("service", o.fault().service());
      m.put("action", o.fault().action().name().toLowerCase());
      m.put("recovered", o.recovered());
      m.put("restart_seconds", o.restartSeconds() < 0 ? null : o.restartSeconds());
      m.put("caught_up_seconds", o.caughtUpSeconds() < 0 ? null : o.caughtUpSeconds());
      m.put("lost", o.lost());
      m.put("duplicated", o.duplicated());
      m.put("gold_different", o.goldDifferent());
      m.put("verify_equal", o.verifyEqual());
      m.put("audit_passed", o.audit().passed());
      m.put("audit_log", o.audit().log());
      m.put("audited_after_last_fault", auditedOnce(outcomes, o));
      m.put("ok", o.ok());
      m.put("detail", o.detail());
      out.add(m);
    }
    return out;
  }

  /** Whether {@code o} is judged by the audit run after the drill's last fault, not its own. */
  private static boolean auditedOnce(List<FaultOutcome> outcomes, FaultOutcome o) {
    FaultOutcome last = outcomes.get(outcomes.size() - 1);
    return o != last && o.audit() == last.audit();
  }

  private static String seconds(double s) {
    return s < 0 ? "-" : String.format("%.0f s", s);
  }
}
