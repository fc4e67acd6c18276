package dev.dp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceCatalog;
import dev.dp.contracts.IngestProgress;
import dev.dp.contracts.Json;
import dev.dp.contracts.ProcessProgress;
import dev.dp.contracts.ProgressFile;
import dev.dp.contracts.Visibility;
import dev.dp.contracts.VisibilityLog;
import dev.dp.stack.SparkJobLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files the two Spark jobs keep in {@code DP_HOME/run}, read as the contracts' records: their
 * progress documents and their visibility logs. A document being replaced or not written yet reads
 * as empty, so a sampler simply tries again.
 */
public final class JobFiles {

  private final Path ingestProgress;
  private final Path processProgress;
  private final VisibilityLog ingestVisibility;
  private final VisibilityLog processVisibility;

  /** The job files of the stack configured by {@code config}. */
  public JobFiles(DpConfig config) {
    ServiceCatalog catalog = config.catalog();
    String ingest = catalog.require("spark-job-ingest").container();
    String process = catalog.require("spark-job-process").container();
    this.ingestProgress = SparkJobLauncher.progressFile(config, ingest);
    this.processProgress = SparkJobLauncher.progressFile(config, process);
    this.ingestVisibility = SparkJobLauncher.visibilityLog(config, ingest);
    this.processVisibility = SparkJobLauncher.visibilityLog(config, process);
  }

  /** The ingest job's progress, empty before it reports (or while the file is replaced). */
  public Optional<IngestProgress> ingest() {
    try {
      return ProgressFile.read(ingestProgress, IngestProgress.class);
    } catch (UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /**
   * The process job's progress, empty before it reports. Also reads documents of the job before the
   * contracts, whose {@code waiting_for} is one comma-separated string instead of a list.
   */
  public Optional<ProcessProgress> process() {
    if (!Files.isRegularFile(processProgress)) {
      return Optional.empty();
    }
    try {
      JsonNode root = Json.mapper().readTree(processProgress.toFile());
      if (root instanceof ObjectNode o && o.path("waiting_for").isTextual()) {
        String text = o.path("waiting_for").asText();
        ArrayNode tables = o.putArray("waiting_for");
        for (String t : text.split(",")) {
          if (!t.isBlank()) {
            tables.add(t.trim());
          }
        }
      }
      return Optional.of(Json.mapper().treeToValue(root, ProcessProgress.class));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Every visibility record both jobs still keep, silver and gold; empty when the jobs do not write
   * visibility logs (yet).
   *
   * @throws UncheckedIOException when a log cannot be read or has a damaged line before its last
   */
  public List<Visibility> visibility() {
    List<Visibility> all = new ArrayList<>(ingestVisibility.read());
    all.addAll(processVisibility.read());
    return all;
  }

  /** The two visibility log files, for messages. */
  public List<Path> visibilityFiles() {
    return List.of(ingestVisibility.file(), processVisibility.file());
  }
}
