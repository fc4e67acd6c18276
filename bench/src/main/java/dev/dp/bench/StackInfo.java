package dev.dp.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The stack a bench measured.
 *
 * @param kind {@code attached} (the running stack of {@code dpHome}) or {@code own} (a stack the
 *     bench started on offset ports and stopped at the end)
 * @param dpHome its {@code DP_HOME}
 * @param portOffset its {@code DP_PORT_OFFSET}
 * @param startSeconds how long starting it took (own stack only, else null)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StackInfo(String kind, String dpHome, int portOffset, Double startSeconds) {

  /** Whether the bench started this stack itself. */
  public boolean own() {
    return "own".equals(kind);
  }
}
