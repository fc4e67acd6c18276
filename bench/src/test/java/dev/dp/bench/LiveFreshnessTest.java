package dev.dp.bench;

import static dev.dp.bench.Synthetic.at;
import static dev.dp.bench.Synthetic.gold;
import static dev.dp.bench.Synthetic.silver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dp.contracts.Stage;
import dev.dp.contracts.Visibility;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveFreshnessTest {

  private static final List<Visibility> RECORDS =
      List.of(
          silver(1, 10, "detections", 3, 8, 100), // 2 s to silver
          gold(1, 20, "detections", 3), // 12 s to gold
          silver(2, 30, "detections", 4, 27, 50), // 3 s
          silver(3, 40, "detections", 5, 33, 50), // 7 s
          gold(2, 60, "detections", 5)); // 33 s and 27 s to gold

  @Test
  void latestIsWhatTheNewestRecordOfEachStageMadeVisible() {
    LiveFreshness f = LiveFreshness.of(RECORDS, at(61), Duration.ofMinutes(5));
    assertThat(f.note()).isNull();
    LiveFreshness.StageLive silver = f.stages().get(0);
    assertThat(silver.stage()).isEqualTo(Stage.SILVER);
    assertThat(silver.latestBatchId()).isEqualTo(3);
    assertThat(silver.latestVisibleAt()).isEqualTo(at(40));
    assertThat(silver.latest().changes()).isEqualTo(50);
    assertThat(silver.latest().p50Seconds()).isCloseTo(7.0, within(0.01));

    LiveFreshness.StageLive gold = f.stages().get(1);
    assertThat(gold.latestBatchId()).isEqualTo(2);
    assertThat(gold.latest().changes()).as("versions 4 and 5, not 3").isEqualTo(100);
    assertThat(gold.latest().p50Seconds()).isCloseTo(27.0, within(0.01));
    assertThat(gold.latest().maxSeconds()).isCloseTo(33.0, within(0.01));
  }

  @Test
  void recentCoversTheChangesCommittedInTheWindow() {
    LiveFreshness f = LiveFreshness.of(RECORDS, at(61), Duration.ofSeconds(40));
    StageFreshness silver = f.stages().get(0).recent();
    assertThat(silver.changes()).as("committed at 27 and 33, not 8").isEqualTo(100);
    assertThat(silver.p50Seconds()).isCloseTo(3.0, within(0.01));
    assertThat(silver.p99Seconds()).isCloseTo(7.0, within(0.01));
    assertThat(f.stages().get(1).recent().p99Seconds()).isCloseTo(33.0, within(0.01));
  }

  @Test
  void changesNoGoldRefreshCoversYetArePending() {
    List<Visibility> records = List.of(RECORDS.get(0), RECORDS.get(1), RECORDS.get(2));
    LiveFreshness f = LiveFreshness.of(records, at(31), Duration.ofMinutes(5));
    assertThat(f.stages().get(1).recent().pending()).isEqualTo(50);
    assertThat(f.stages().get(1).latest().changes()).isEqualTo(100);
  }

  @Test
  void withoutRecordsThereIsOneNote() {
    LiveFreshness f = LiveFreshness.of(List.of(), at(0), LiveFreshness.WINDOW);
    assertThat(f.stages()).isEmpty();
    assertThat(f.note()).startsWith("no visibility records yet");
    LiveFreshness silverOnly =
        LiveFreshness.of(List.of(RECORDS.get(0)), at(11), LiveFreshness.WINDOW);
    assertThat(silverOnly.stages().get(1).latest().note()).isEqualTo("no data: no record yet");
  }
}
