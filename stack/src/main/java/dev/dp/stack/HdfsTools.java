package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code hdfs} command's subcommands, run in their own JVM against the stack's namenode. */
public final class HdfsTools {

  /** Subcommand to main class, as the {@code hdfs} script maps them. */
  private static final Map<String, String> SUBCOMMANDS =
      Map.of(
          "dfs", "org.apache.hadoop.fs.FsShell",
          "dfsadmin", "org.apache.hadoop.hdfs.tools.DFSAdmin",
          "fsck", "org.apache.hadoop.hdfs.tools.DFSck",
          "getconf", "org.apache.hadoop.hdfs.tools.GetConf",
          "version", "org.apache.hadoop.util.VersionInfo");

  private HdfsTools() {}

  /** The subcommands dp supports. */
  public static List<String> subcommands() {
    return SUBCOMMANDS.keySet().stream().sorted().toList();
  }

  /**
   * The command line of {@code hdfs <subcommand> <args>}.
   *
   * @throws IllegalArgumentException naming the supported subcommands
   */
  public static List<String> command(DpConfig config, String subcommand, List<String> args)
      throws IOException {
    String main = SUBCOMMANDS.get(subcommand);
    if (main == null) {
      throw new IllegalArgumentException(
          "unknown hdfs subcommand '" + subcommand + "'; dp supports " + subcommands());
    }
    HadoopConfiguration.write(config);
    return new JavaCommand("256m")
        .property("hadoop.root.logger", "WARN,console")
        .main(HadoopDaemonLauncher.classpath(config, "hdfs"), main, new ArrayList<>(args));
  }
}
