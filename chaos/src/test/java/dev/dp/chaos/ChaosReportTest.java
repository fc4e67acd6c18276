package dev.dp.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosReportTest {

  private static final String AUDIT_LOG =
      """
      SILVER CHECK regions EQUAL: source 24 rows, silver 24 rows, only in source 0, only in silver 0
      SILVER CHECK units DIFFERENT: source 63 rows, silver 61 rows, only in source 2, only in silver 0
      SILVER CHECK FAILED: 1 tables differ
      BRONZE CHECK units DIFFERENT: 90 Kafka records with a value, 1 not in bronze or quarantine, 3 in them more than once or not in Kafka
      BRONZE CHECK FAILED: 1 topics differ from bronze
      """;

  @Test
  void theAuditSumsWhatSilverAndBronzeLostOrDuplicated() {
    SilverAudit a = SilverAudit.parse(AUDIT_LOG.lines().toList(), "x.log");
    assertThat(a.ran()).isTrue();
    assertThat(a.silverOnlyInSource()).isEqualTo(2);
    assertThat(a.bronzeMissing()).isEqualTo(1);
    assertThat(a.bronzeExtra()).isEqualTo(3);
    assertThat(a.passed()).isFalse();
    assertThat(SilverAudit.parse(List.of("SILVER CHECK PASSED"), "x").ran())
        .as("no bronze verdict: the job died")
        .isFalse();
  }

  @Test
  void aFaultThatLostAChangeFailsTheDrill() {
    SilverAudit passed =
        SilverAudit.parse(List.of("SILVER CHECK PASSED", "BRONZE CHECK PASSED"), "ok.log");
    FaultOutcome fine =
        new FaultOutcome(
            new Fault("kafka", Fault.Action.KILL, Duration.ZERO),
            true,
            12,
            80,
            0,
            0,
            0,
            true,
            passed,
            "");
    FaultOutcome lost =
        new FaultOutcome(
            new Fault("kafka", Fault.Action.PAUSE, Duration.ofSeconds(40)),
            true,
            40,
            95,
            1,
            0,
            0,
            true,
            passed,
            "");
    assertThat(ChaosReport.allOk(List.of(fine))).isTrue();
    assertThat(ChaosReport.allOk(List.of(fine, lost))).isFalse();
    String text = ChaosReport.text(List.of(fine, lost));
    assertThat(text).contains("kill -9 kafka", "SIGSTOP kafka 40 s", "dp chaos: FAILED");
    assertThat(ChaosReport.json(List.of(lost)).get(0)).containsEntry("lost", 1L);
  }

  @Test
  void withOneAuditAfterTheLastFaultEveryFaultIsJudgedByIt() {
    SilverAudit failed = SilverAudit.parse(AUDIT_LOG.lines().toList(), "end.log");
    Fault datanode = new Fault("hdfs-datanode", Fault.Action.KILL, Duration.ZERO);
    Fault process = new Fault("spark-job-process", Fault.Action.KILL, Duration.ZERO);
    FaultOutcome first =
        new FaultOutcome(datanode, true, 2, 90, 0, 0, 0, true, SilverAudit.DEFERRED, "");
    FaultOutcome last = new FaultOutcome(process, true, 20, 200, 3, 3, 0, true, failed, "");

    assertThat(first.verdict()).contains("the audit after the last fault decides");
    List<FaultOutcome> judged = FaultOutcome.judgedByTheLastAudit(List.of(first, last));

    assertThat(judged.get(0).audit()).isSameAs(failed);
    assertThat(judged.get(0).ok()).as("the shared audit failed").isFalse();
    assertThat(judged.get(0).verdict()).startsWith("FAILED").contains("the audit after the last");
    assertThat(judged.get(0).lost()).as("counted once, on the last row").isZero();
    assertThat(ChaosReport.json(judged).get(0)).containsEntry("audited_after_last_fault", true);
    assertThat(ChaosReport.json(judged).get(1)).containsEntry("audited_after_last_fault", false);
    assertThat(ChaosReport.text(judged)).contains("one audit after the last fault");
  }

  @Test
  void onlyKnowsTheDrilledServices() {
    assertThat(Fault.only(List.of("hdfs-datanode", "kafka"), Duration.ofSeconds(5)))
        .extracting(Fault::label)
        .containsExactly("kill -9 kafka", "kill -9 hdfs-datanode", "SIGSTOP kafka 5 s");
    assertThat(Fault.only(List.of("kafka:pause", "hdfs-namenode:PAUSE"), Duration.ofSeconds(5)))
        .extracting(Fault::label)
        .containsExactly("SIGSTOP kafka 5 s", "SIGSTOP hdfs-namenode 5 s");
    assertThat(Fault.only(List.of("kafka:kill"), Duration.ZERO))
        .extracting(Fault::label)
        .containsExactly("kill -9 kafka");
    assertThatThrownBy(() -> Fault.only(List.of("hms:pause"), Duration.ZERO))
        .hasMessageContaining("no fault for [hms:pause]");
    assertThat(Fault.all(Duration.ofSeconds(5))).hasSize(15);
    assertThatThrownBy(() -> Fault.only(List.of("kafka-ui"), Duration.ZERO))
        .hasMessageContaining("no fault for [kafka-ui]");
  }
}
