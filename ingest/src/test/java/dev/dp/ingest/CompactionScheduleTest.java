package dev.dp.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CompactionScheduleTest {

  private static final List<String> TABLES =
      IntStream.range(0, 16).mapToObj(i -> "table_" + i).toList();

  /** The tables due after one batch that committed to every table. */
  private static List<String> batch(CompactionSchedule schedule) {
    List<String> due = new ArrayList<>();
    for (String t : TABLES) {
      if (schedule.committed(t)) {
        due.add(t);
      }
    }
    return due;
  }

  @Test
  void aTableWrittenEveryBatchIsCompactedOncePerPeriod() {
    CompactionSchedule schedule = new CompactionSchedule(50, TABLES);
    int[] compactions = new int[TABLES.size()];

    for (int b = 0; b < 150; b++) {
      for (String t : batch(schedule)) {
        compactions[TABLES.indexOf(t)]++;
      }
    }

    assertThat(compactions).containsOnly(3);
  }

  @Test
  void theTablesCompactionsAreSpreadOverThePeriodNotInOneBatch() {
    CompactionSchedule schedule = new CompactionSchedule(50, TABLES);

    int mostInOneBatch = 0;
    for (int b = 0; b < 100; b++) {
      mostInOneBatch = Math.max(mostInOneBatch, batch(schedule).size());
    }

    assertThat(mostInOneBatch).isEqualTo(1);
  }

  @Test
  void aTableIsDueOnlyAfterItsOwnCommits() {
    CompactionSchedule schedule = new CompactionSchedule(3, List.of("alerts", "users"));

    assertThat(schedule.committed("alerts")).isFalse();
    assertThat(schedule.committed("alerts")).isFalse();
    assertThat(schedule.committed("alerts")).isTrue();
    assertThat(schedule.committed("alerts")).isFalse();
    // users started one commit into its period: due after two of its own commits
    assertThat(schedule.committed("users")).isFalse();
    assertThat(schedule.committed("users")).isTrue();
  }

  @Test
  void aPeriodOfZeroNeverCompactsAndANegativeOneIsRejected() {
    CompactionSchedule never = new CompactionSchedule(0, TABLES);

    assertThat(IntStream.range(0, 100).mapToObj(b -> batch(never)).flatMap(List::stream)).isEmpty();
    assertThatThrownBy(() -> new CompactionSchedule(-1, TABLES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
