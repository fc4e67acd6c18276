package dev.dp.health.checks;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the generator's last run ended, from the lines its log has since it was last started: the
 * generator writes {@code Generator finished: N changes applied} at the end of a bounded run,
 * {@code Generator stopped: N changes applied, …} when stopped, {@code Generator failed: …} on an
 * error.
 *
 * @param end how it ended
 * @param changes changes of that run (finished or stopped), or -1
 * @param message the error (failed), or empty
 */
public record GeneratorRun(End end, long changes, String message) {

  /** How a run ended. */
  public enum End {
    /** Still running, or the log does not say. */
    UNKNOWN,
    FINISHED,
    STOPPED,
    FAILED
  }

  private static final Pattern ENDED =
      Pattern.compile("Generator (finished|stopped): (\\d+) changes applied");
  private static final Pattern FAILED = Pattern.compile("Generator failed: (.*)");

  /** The end of the last run in {@code lastRunLines} (the log since the last start). */
  public static GeneratorRun parse(List<String> lastRunLines) {
    for (int i = lastRunLines.size() - 1; i >= 0; i--) {
      String line = lastRunLines.get(i);
      Matcher ended = ENDED.matcher(line);
      if (ended.find()) {
        return new GeneratorRun(
            ended.group(1).equals("finished") ? End.FINISHED : End.STOPPED,
            Long.parseLong(ended.group(2)),
            "");
      }
      Matcher failed = FAILED.matcher(line);
      if (failed.find()) {
        return new GeneratorRun(End.FAILED, -1, failed.group(1).strip());
      }
    }
    return new GeneratorRun(End.UNKNOWN, -1, "");
  }
}
