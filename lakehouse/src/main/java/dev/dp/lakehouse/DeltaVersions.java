package dev.dp.lakehouse;

import dev.dp.catalog.LakehouseLayout;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The current version of Delta tables read from their {@code _delta_log} listing: one file system
 * call, no Spark job and no snapshot load.
 */
public final class DeltaVersions {

  private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");

  private DeltaVersions() {}

  /** The newest committed version of the Delta table at {@code tablePath}, -1 if none yet. */
  public static long latest(FileSystem fs, String tablePath) throws IOException {
    long newest = -1;
    try {
      for (FileStatus f : fs.listStatus(new Path(tablePath, "_delta_log"))) {
        Matcher m = COMMIT.matcher(f.getPath().getName());
        if (m.matches()) {
          newest = Math.max(newest, Long.parseLong(m.group(1)));
        }
      }
    } catch (FileNotFoundException e) {
      return -1; // not created yet
    }
    return newest;
  }

  /** Silver table to current version; a table with no Delta log yet is absent. */
  public static Map<String, Long> silver(FileSystem fs, Collection<String> tables)
      throws IOException {
    Map<String, Long> versions = new TreeMap<>();
    for (String table : tables) {
      long v = latest(fs, LakehouseLayout.tablePath(LakehouseLayout.SILVER, table));
      if (v >= 0) {
        versions.put(table, v);
      }
    }
    return versions;
  }
}
