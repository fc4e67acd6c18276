package dev.dp.process.spark;

import dev.dp.catalog.LakehouseLayout;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The current Delta version of silver tables, read from their transaction logs on HDFS (the highest
 * {@code _delta_log/<version>.json}): a directory listing per table, no Spark job, so the process
 * job can poll it cheaply.
 */
final class SilverVersions {

  private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");

  private SilverVersions() {}

  /** Table to current version; a table with no Delta log yet is absent. */
  static Map<String, Long> read(FileSystem fs, Set<String> tables) throws IOException {
    Map<String, Long> versions = new TreeMap<>();
    for (String table : tables) {
      Path log = new Path(LakehouseLayout.tablePath(LakehouseLayout.SILVER, table), "_delta_log");
      long newest = -1;
      try {
        for (FileStatus f : fs.listStatus(log)) {
          Matcher m = COMMIT.matcher(f.getPath().getName());
          if (m.matches()) {
            newest = Math.max(newest, Long.parseLong(m.group(1)));
          }
        }
      } catch (FileNotFoundException e) {
        continue; // not created by the ingest job yet
      }
      if (newest >= 0) {
        versions.put(table, newest);
      }
    }
    return versions;
  }
}
