package dev.dp.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How the bench's closing {@code dp verify} ended.
 *
 * @param ran whether the comparison ran (the pipeline caught up in time)
 * @param equal whether all five gold tables equal the oracle; null when it did not run
 * @param tables one summary line per gold table
 * @param detail what the catch-up wait saw last, or why verify did not run
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VerifyOutcome(boolean ran, Boolean equal, List<String> tables, String detail) {

  public VerifyOutcome {
    tables = tables == null ? List.of() : List.copyOf(tables);
  }

  /** Verify did not run, for this reason. */
  public static VerifyOutcome notRun(String why) {
    return new VerifyOutcome(false, null, List.of(), why);
  }

  /** Whether verify ran and found gold equal to the oracle. */
  public boolean passed() {
    return ran && Boolean.TRUE.equals(equal);
  }
}
