package dev.dp.chaos;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the ingest audit job ({@code IngestCheckJob}) found: silver against the source table by
 * table, bronze and quarantine against every Kafka record.
 *
 * @param ran whether the job ran to its verdict lines
 * @param silverOnlyInSource source rows silver lacks (lost changes)
 * @param silverOnlyInSilver silver rows the source lacks (duplicates or stale rows)
 * @param bronzeMissing Kafka records in neither bronze nor quarantine (lost)
 * @param bronzeExtra records in bronze or quarantine more than once or not in Kafka (duplicates)
 * @param log where the job's log is
 */
public record SilverAudit(
    boolean ran,
    long silverOnlyInSource,
    long silverOnlyInSilver,
    long bronzeMissing,
    long bronzeExtra,
    String log) {

  private static final Pattern SILVER =
      Pattern.compile(
          "SILVER CHECK \\S+ \\S+: source \\d+ rows, silver \\d+ rows, only in source (\\d+), only"
              + " in silver (\\d+)");
  private static final Pattern BRONZE =
      Pattern.compile(
          "BRONZE CHECK \\S+ \\S+: \\d+ Kafka records with a value, (\\d+) not in bronze or"
              + " quarantine, (\\d+) in them more than once or not in Kafka");

  /** The audit of a fault left to the one after the drill's last fault ({@link #deferred()}). */
  public static final SilverAudit DEFERRED =
      new SilverAudit(false, 0, 0, 0, 0, "audited after the last fault");

  /** Whether this fault's audit is left to the one after the last fault. */
  public boolean deferred() {
    return this == DEFERRED;
  }

  /** The audit from the job's log lines. */
  public static SilverAudit parse(List<String> lines, String log) {
    long onlySource = 0;
    long onlySilver = 0;
    long missing = 0;
    long extra = 0;
    boolean silverVerdict = false;
    boolean bronzeVerdict = false;
    for (String line : lines) {
      Matcher s = SILVER.matcher(line);
      Matcher b = BRONZE.matcher(line);
      if (s.find()) {
        onlySource += Long.parseLong(s.group(1));
        onlySilver += Long.parseLong(s.group(2));
      } else if (b.find()) {
        missing += Long.parseLong(b.group(1));
        extra += Long.parseLong(b.group(2));
      } else if (line.startsWith("SILVER CHECK PASSED") || line.startsWith("SILVER CHECK FAILED")) {
        silverVerdict = true;
      } else if (line.startsWith("BRONZE CHECK PASSED") || line.startsWith("BRONZE CHECK FAILED")) {
        bronzeVerdict = true;
      }
    }
    return new SilverAudit(
        silverVerdict && bronzeVerdict, onlySource, onlySilver, missing, extra, log);
  }

  /** Whether silver equals the source and bronze holds every record exactly once. */
  public boolean passed() {
    return ran
        && silverOnlyInSource == 0
        && silverOnlyInSilver == 0
        && bronzeMissing == 0
        && bronzeExtra == 0;
  }
}
