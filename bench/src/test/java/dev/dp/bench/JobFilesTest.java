package dev.dp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceCatalog;
import dev.dp.contracts.IngestProgress;
import dev.dp.contracts.ProcessProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFilesTest {

  @TempDir Path checkout;

  private JobFiles jobs() {
    return new JobFiles(
        DpConfig.load(ServiceCatalog.standard(), checkout, Map.of("DP_HOME", "home"), Map.of()));
  }

  private Path run() throws Exception {
    return Files.createDirectories(checkout.resolve("home/run"));
  }

  @Test
  void nothingWrittenYetReadsAsEmpty() {
    assertThat(jobs().ingest()).isEmpty();
    assertThat(jobs().process()).isEmpty();
    assertThat(jobs().visibility()).isEmpty();
    assertThat(jobs().visibilityFiles())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("dp_spark_ingest.visibility.jsonl", "dp_spark_process.visibility.jsonl");
  }

  @Test
  void theProgressOfTheJobsBeforeTheContractsIsRead() throws Exception {
    Files.writeString(
        run().resolve("dp_spark_ingest.progress.json"),
        "{\"batch_id\":4,\"updated_at\":\"2025-06-01T12:00:00Z\",\"quarantined\":1,"
            + "\"tables\":{\"alerts\":{\"rows_applied\":12,\"changes_ignored\":0,"
            + "\"last_lsn\":\"0/16B3748\",\"last_source_commit\":\"2025-06-01T11:59:58Z\"}},"
            + "\"next_offsets\":{\"jadc2_db.public.alerts:0\":30}}");
    Files.writeString(
        run().resolve("dp_spark_process.progress.json"),
        "{\"batch_id\":2,\"refreshes\":3,\"checked_at\":\"2025-06-01T12:00:01Z\","
            + "\"up_to_date\":false,\"waiting_for\":\"cyber_ew_events,supply_status\","
            + "\"last_refresh\":{\"committed_at\":\"2025-06-01T11:59:00Z\",\"seconds\":14.5,"
            + "\"tables\":{\"threat_assessment\":{\"upserted\":3,\"deleted\":1,\"unchanged\":9}}}}");
    IngestProgress ingest = jobs().ingest().orElseThrow();
    assertThat(ingest.tables().get("alerts").rowsApplied()).isEqualTo(12);
    assertThat(ingest.nextOffsets()).containsEntry("jadc2_db.public.alerts:0", 30L);
    ProcessProgress process = jobs().process().orElseThrow();
    assertThat(process.refreshes()).isEqualTo(3);
    assertThat(process.waitingFor()).containsExactly("cyber_ew_events", "supply_status");
    assertThat(process.lastRefresh().seconds()).isEqualTo(14.5);
    assertThat(process.lastRefresh().tables().get("threat_assessment").deleted()).isEqualTo(1);
  }

  @Test
  void aDocumentBeingReplacedReadsAsEmpty() throws Exception {
    Files.writeString(run().resolve("dp_spark_ingest.progress.json"), "{\"batch_id\":4,\"tab");
    Files.writeString(run().resolve("dp_spark_process.progress.json"), "{\"refreshes\":");
    assertThat(jobs().ingest()).isEmpty();
    assertThat(jobs().process()).isEmpty();
  }
}
