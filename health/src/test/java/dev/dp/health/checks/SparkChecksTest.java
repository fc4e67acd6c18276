package dev.dp.health.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.contracts.Json;
import dev.dp.health.Fixtures;
import dev.dp.health.Status;
import dev.dp.health.Verdict;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Steps 9 (master) and 10 (worker), on a master status recorded from a running stack. */
class SparkChecksTest {

  private static SparkMasterStatus recorded() throws Exception {
    try (InputStream in = SparkChecksTest.class.getResourceAsStream("spark-master.json")) {
      return SparkMasterStatus.parse(Json.mapper().readTree(in));
    }
  }

  private static SparkMasterStatus withApps(SparkMasterStatus s, List<SparkMasterStatus.App> apps) {
    return new SparkMasterStatus(s.status(), s.workers(), apps);
  }

  @Test
  void theRecordedStatusIsRead() throws Exception {
    SparkMasterStatus s = recorded();
    assertThat(s.status()).isEqualTo("ALIVE");
    assertThat(s.aliveWorkers()).hasSize(1);
    assertThat(s.workerOnUiPort(8081)).map(SparkMasterStatus.Worker::coresFree).contains(1);
    assertThat(s.app("spark-job-ingest")).map(SparkMasterStatus.App::cores).contains(2);
  }

  @Test
  void anAliveMasterPassesAndAnotherStateFails() throws Exception {
    SparkMasterCheck c = new SparkMasterCheck();
    Verdict ok =
        c.verdict(
            new SparkMasterCheck.Observation("u", "", Optional.of(recorded())),
            Fixtures.thresholds());
    assertThat(ok.status()).isEqualTo(Status.PASS);
    assertThat(ok.detail()).contains("1 of 1 registered worker(s) alive, 3 of 4 cores in use");
    SparkMasterStatus standby = new SparkMasterStatus("STANDBY", List.of(), List.of());
    assertThat(
            c.verdict(
                    new SparkMasterCheck.Observation("u", "", Optional.of(standby)),
                    Fixtures.thresholds())
                .status())
        .isEqualTo(Status.FAIL);
  }

  @Test
  void theWorkerPassesWithItsFreeResources() throws Exception {
    Verdict v =
        new SparkWorkerCheck()
            .verdict(
                new SparkWorkerCheck.Observation(8081, "", Optional.of(recorded())),
                Fixtures.thresholds());
    assertThat(v.status()).isEqualTo(Status.PASS);
    assertThat(v.detail()).contains("1 of 4 cores and 1536 of 3072 MB free");
  }

  @Test
  void anApplicationWaitingForExecutorsFailsTheWorkerStep() throws Exception {
    SparkMasterStatus s =
        withApps(
            recorded(),
            List.of(
                new SparkMasterStatus.App("app-1", "spark-job-ingest", "RUNNING", 2, 768),
                new SparkMasterStatus.App("app-2", "spark-job-process", "WAITING", 0, 768)));
    Verdict v =
        new SparkWorkerCheck()
            .verdict(
                new SparkWorkerCheck.Observation(8081, "", Optional.of(s)), Fixtures.thresholds());
    assertThat(v.status()).isEqualTo(Status.FAIL);
    assertThat(v.detail()).contains("[spark-job-process] wait(s) for executors").contains("768 MB");
  }

  @Test
  void aWorkerTheMasterDoesNotKnowOrSeesDeadFails() throws Exception {
    SparkWorkerCheck c = new SparkWorkerCheck();
    assertThat(
            c.verdict(
                    new SparkWorkerCheck.Observation(18081, "", Optional.of(recorded())),
                    Fixtures.thresholds())
                .detail())
        .contains("not registered");
    SparkMasterStatus.Worker dead =
        new SparkMasterStatus.Worker("w", "http://127.0.0.1:8081", "DEAD", 4, 4, 3072, 3072);
    SparkMasterStatus s = new SparkMasterStatus("ALIVE", List.of(dead), List.of());
    assertThat(
            c.verdict(
                    new SparkWorkerCheck.Observation(8081, "", Optional.of(s)),
                    Fixtures.thresholds())
                .detail())
        .contains("DEAD");
  }
}
