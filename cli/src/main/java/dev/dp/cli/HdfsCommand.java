package dev.dp.cli;

import dev.dp.stack.HdfsTools;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/** {@code dp hdfs}: the {@code hdfs} command against the stack's namenode. */
@Command(
    name = "hdfs",
    description = {
      "The hdfs command against the stack's namenode, e.g.",
      "'dp hdfs dfsadmin -report', 'dp hdfs dfs -ls -R /data/delta'."
    })
final class HdfsCommand implements Callable<Integer> {

  @Mixin StackOptions stack;

  @Parameters(index = "0", paramLabel = "SUBCOMMAND", description = "dfs, dfsadmin, fsck, ...")
  String subcommand;

  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    List<String> cmd = HdfsTools.command(stack.config(), subcommand, args);
    return new ProcessBuilder(cmd).inheritIO().start().waitFor();
  }
}
