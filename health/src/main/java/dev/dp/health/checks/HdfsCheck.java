package dev.dp.health.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dp.catalog.LakehouseLayout;
import dev.dp.catalog.SourceTables;
import dev.dp.health.HealthCheck;
import dev.dp.health.HealthThresholds;
import dev.dp.health.HttpGet;
import dev.dp.health.PlaybookStep;
import dev.dp.health.ProbeContext;
import dev.dp.health.Text;
import dev.dp.health.Verdict;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Step 6, hdfs-namenode (and hdfs-datanode): from the namenode's JMX, live / dead / stale
 * datanodes, safe mode, missing blocks and capacity left (WARN and FAIL bounds); from WebHDFS, the
 * entries under {@code /data/delta/silver/<table>} for the 15 source tables.
 */
public final class HdfsCheck implements HealthCheck<HdfsCheck.Observation> {

  static final String SERVICE = "hdfs-namenode";
  static final String DATANODE = "hdfs-datanode";
  private static final String SILVER_ROOT =
      LakehouseLayout.DELTA_ROOT + "/" + LakehouseLayout.SILVER;

  /**
   * What the probe saw.
   *
   * @param error why the namenode's JMX did not answer, or empty
   * @param fsState {@code FSState}, e.g. {@code Operational}
   * @param live live datanodes
   * @param dead dead datanodes
   * @param stale datanodes that have not sent a heartbeat for the stale interval (30 s)
   * @param safemode the namenode's safe mode message, empty when off
   * @param missingBlocks blocks with no replica
   * @param capacityTotal bytes
   * @param capacityRemaining bytes
   * @param silverListed whether {@code /data/delta/silver} could be listed (false: it does not
   *     exist or WebHDFS failed, see {@code silverError})
   * @param silverError why it could not be listed, or empty
   * @param silverEntries per table directory under silver, its number of entries
   */
  public record Observation(
      String error,
      String fsState,
      int live,
      int dead,
      int stale,
      String safemode,
      long missingBlocks,
      long capacityTotal,
      long capacityRemaining,
      boolean silverListed,
      String silverError,
      Map<String, Integer> silverEntries) {

    static Observation failed(String error) {
      return new Observation(error, "", 0, 0, 0, "", 0, 0, 0, false, "", Map.of());
    }
  }

  @Override
  public PlaybookStep step() {
    return new PlaybookStep(6, "HDFS Namenode", SERVICE, List.of(DATANODE));
  }

  @Override
  public Observation probe(ProbeContext ctx) {
    String ui = ctx.url(SERVICE, "ui");
    JsonNode fs;
    JsonNode info;
    try {
      ctx.doing("reading the namenode's JMX at " + ui);
      fs = bean(ctx, ui, "FSNamesystemState");
      info = bean(ctx, ui, "NameNodeInfo");
    } catch (IOException e) {
      return Observation.failed(Text.error(e));
    }
    boolean listed = false;
    String silverError = "";
    Map<String, Integer> entries = new TreeMap<>();
    String url = ui + "/webhdfs/v1" + SILVER_ROOT + "?op=LISTSTATUS";
    try {
      ctx.doing("listing " + SILVER_ROOT + " through WebHDFS");
      HttpGet.Response r = ctx.http().get(url);
      if (r.status() == 404) {
        silverError = SILVER_ROOT + " does not exist yet";
      } else if (!r.ok()) {
        silverError = "WebHDFS answered HTTP " + r.status();
      } else {
        listed = true;
        for (JsonNode f : r.json().path("FileStatuses").path("FileStatus")) {
          if ("DIRECTORY".equals(f.path("type").asText())) {
            entries.put(f.path("pathSuffix").asText(), f.path("childrenNum").asInt());
          }
        }
      }
    } catch (IOException e) {
      silverError = Text.error(e);
    }
    return new Observation(
        "",
        fs.path("FSState").asText("?"),
        fs.path("NumLiveDataNodes").asInt(),
        fs.path("NumDeadDataNodes").asInt(),
        fs.path("NumStaleDataNodes").asInt(),
        info.path("Safemode").asText(""),
        info.path("NumberOfMissingBlocks").asLong(),
        fs.path("CapacityTotal").asLong(),
        fs.path("CapacityRemaining").asLong(),
        listed,
        silverError,
        entries);
  }

  private static JsonNode bean(ProbeContext ctx, String ui, String name) throws IOException {
    JsonNode b =
        ctx.http().json(ui + "/jmx?qry=Hadoop:service=NameNode,name=" + name).path("beans").path(0);
    if (b.isMissingNode()) {
      throw new IOException("the namenode has no " + name + " yet (still starting?)");
    }
    return b;
  }

  @Override
  public Verdict verdict(Observation o, HealthThresholds t) {
    if (!o.error().isEmpty()) {
      return Verdict.fail(
          "the namenode does not answer its JMX: " + o.error(), "./dp logs dp_hdfs_namenode");
    }
    double freePercent =
        o.capacityTotal() > 0 ? 100.0 * o.capacityRemaining() / o.capacityTotal() : 0;
    List<String> withoutFiles =
        SourceTables.NAMES.stream().filter(n -> o.silverEntries().getOrDefault(n, 0) == 0).toList();
    int entries = o.silverEntries().values().stream().mapToInt(Integer::intValue).sum();
    String capacity =
        Text.bytes(o.capacityRemaining())
            + " of "
            + Text.bytes(o.capacityTotal())
            + String.format(Locale.ROOT, " free (%.0f %%)", freePercent);
    String dnLogs = "./dp logs dp_hdfs_datanode";
    Verdict v;
    if (o.live() == 0) {
      v =
          Verdict.fail(
              "no live datanode (" + o.dead() + " dead): HDFS cannot store blocks",
              "./dp up " + DATANODE + "; " + dnLogs);
    } else if (o.stale() > 0) {
      v = Verdict.fail(o.stale() + " datanode(s) have not sent a heartbeat for over 30 s", dnLogs);
    } else if (!o.safemode().isEmpty()) {
      v =
          Verdict.fail(
              "the namenode is in safe mode: " + o.safemode(), "./dp hdfs dfsadmin -safemode get");
    } else if (o.missingBlocks() > 0) {
      v =
          Verdict.fail(
              o.missingBlocks() + " block(s) have no replica",
              "./dp hdfs fsck / -list-corruptfileblocks");
    } else if (freePercent < t.hdfsFreeFailPercent()) {
      v = Verdict.fail("HDFS is nearly full: " + capacity, "./dp hdfs dfsadmin -report");
    } else if (freePercent < t.hdfsFreeWarnPercent()) {
      v = Verdict.warn("HDFS space is running low: " + capacity, "./dp hdfs dfsadmin -report");
    } else if (!withoutFiles.isEmpty()) {
      v =
          Verdict.warn(
              withoutFiles.size()
                  + " of 15 silver tables have no files under "
                  + SILVER_ROOT
                  + " yet: "
                  + Text.list(withoutFiles)
                  + (o.silverError().isEmpty() ? "" : " (" + o.silverError() + ")"),
              "the ingest job creates a table with its first change; see step 11");
    } else {
      v =
          Verdict.pass(
              o.live()
                  + " live datanode, safe mode off, "
                  + capacity
                  + "; "
                  + SILVER_ROOT
                  + "/<table> for the 15 tables ("
                  + entries
                  + " entries)");
    }
    return v.with("fs_state", o.fsState())
        .with("live_datanodes", o.live())
        .with("dead_datanodes", o.dead())
        .with("stale_datanodes", o.stale())
        .with("safe_mode", !o.safemode().isEmpty())
        .with("missing_blocks", o.missingBlocks())
        .with("capacity_bytes", o.capacityTotal())
        .with("remaining_bytes", o.capacityRemaining())
        .with("silver_tables_without_files", withoutFiles.isEmpty() ? null : withoutFiles)
        .with("silver_entries", o.silverEntries());
  }
}
