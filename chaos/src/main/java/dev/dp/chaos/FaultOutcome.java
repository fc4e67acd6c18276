package dev.dp.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * What one fault did to the pipeline.
 *
 * @param fault the fault
 * @param recovered whether the service ran again and the pipeline caught up within the bound
 * @param restartSeconds seconds from the fault until the service ran again (resumed, for a pause),
 *     or -1
 * @param caughtUpSeconds seconds from the fault until the pipeline had caught up, or -1
 * @param lost changes lost: Kafka records missing from bronze, source rows missing from silver,
 *     oracle rows missing from gold
 * @param duplicated changes duplicated: records in bronze more than once, silver rows the source
 *     lacks, gold rows the oracle lacks or with a duplicate key
 * @param goldDifferent gold rows whose values differ from the oracle
 * @param verifyEqual whether gold equals the oracle
 * @param audit the silver and bronze audit
 * @param detail what went wrong, or empty
 */
public record FaultOutcome(
    Fault fault,
    boolean recovered,
    double restartSeconds,
    double caughtUpSeconds,
    long lost,
    long duplicated,
    long goldDifferent,
    boolean verifyEqual,
    SilverAudit audit,
    String detail) {

  /**
   * The outcomes with every {@link SilverAudit#deferred() deferred} audit replaced by the audit of
   * the last outcome, which ran after the drill's last fault.
   */
  public static List<FaultOutcome> judgedByTheLastAudit(List<FaultOutcome> outcomes) {
    if (outcomes.isEmpty()) {
      return outcomes;
    }
    SilverAudit last = outcomes.get(outcomes.size() - 1).audit();
    List<FaultOutcome> out = new ArrayList<>();
    for (FaultOutcome o : outcomes) {
      out.add(o.audit().deferred() && o.recovered() ? o.withAudit(last) : o);
    }
    return out;
  }

  /** This outcome judged by {@code audit} instead (the drill's one audit after its last fault). */
  public FaultOutcome withAudit(SilverAudit audit) {
    return new FaultOutcome(
        fault,
        recovered,
        restartSeconds,
        caughtUpSeconds,
        lost,
        duplicated,
        goldDifferent,
        verifyEqual,
        audit,
        audit.passed()
            ? detail
            : detail + (detail.isEmpty() ? "" : "; ") + "the audit after the last fault failed");
  }

  /** Recovered with nothing lost, duplicated or different. */
  public boolean ok() {
    return okBeforeAudit() && audit.passed();
  }

  /** Recovered with gold equal to the oracle and nothing lost or duplicated as far as seen. */
  public boolean okBeforeAudit() {
    return recovered && lost == 0 && duplicated == 0 && goldDifferent == 0 && verifyEqual;
  }

  /** One phrase for the drill's progress line. */
  public String verdict() {
    if (ok()) {
      return "recovered, nothing lost or duplicated";
    }
    if (audit.deferred() && okBeforeAudit()) {
      return "recovered, gold equals the oracle; the audit after the last fault decides";
    }
    return "FAILED " + detail;
  }
}
