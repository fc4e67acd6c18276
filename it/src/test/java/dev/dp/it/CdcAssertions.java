package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The end-to-end claim: Kafka holds every change, so the topics rebuild the source exactly. */
final class CdcAssertions {

  private CdcAssertions() {}

  /**
   * Waits (bounded) until, for every table, the rows rebuilt from the topic equal the source
   * table's rows; on timeout fails with the per-table differences.
   */
  static void awaitTopicsEqualSource(
      LocalStack.Instance stack, TopicMaterializer topics, Duration atMost) {
    AtomicReference<List<SourceComparison.TableDiff>> last = new AtomicReference<>(List.of());
    try {
      await("every topic rebuilds its source table")
          .atMost(atMost)
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                topics.catchUp();
                List<SourceComparison.TableDiff> diffs =
                    SourceComparison.compareAll(stack.source(), topics);
                last.set(diffs);
                return diffs.stream().allMatch(SourceComparison.TableDiff::equal);
              });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      List<SourceComparison.TableDiff> unequal =
          last.get().stream().filter(d -> !d.equal()).toList();
      throw new AssertionError("topics did not converge to the source: " + unequal, e);
    }
    for (SourceComparison.TableDiff d : last.get()) {
      assertThat(d.equal()).as(d.toString()).isTrue();
    }
  }
}
