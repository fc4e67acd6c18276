package dev.dp.chaos;

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

  /** Recovered with nothing lost, duplicated or different. */
  public boolean ok() {
    return recovered
        && lost == 0
        && duplicated == 0
        && goldDifferent == 0
        && verifyEqual
        && audit.passed();
  }
}
