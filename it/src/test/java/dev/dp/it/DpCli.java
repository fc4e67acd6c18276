package dev.dp.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code dp} CLI (its main class, this build's classpath) against the test stack. */
final class DpCli {

  private DpCli() {}

  /** What a command printed and returned. */
  record Result(int exitCode, String stdout, String stderr) {}

  static Result run(LocalStack.Instance stack, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Ddp.checkout=" + stack.checkout);
    command.add("dev.dp.cli.DpMain");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("DP_HOME", stack.home.toString());
    pb.environment().put("DP_PORT_OFFSET", Integer.toString(LocalStack.PORT_OFFSET));
    pb.environment().putAll(LocalStack.SETTINGS);
    Path err = stack.home.resolve("tmp").resolve("dp-cli-stderr.txt");
    java.nio.file.Files.createDirectories(err.getParent());
    pb.redirectError(err.toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("dp " + String.join(" ", args) + " did not finish in 30 minutes");
    }
    return new Result(p.exitValue(), out, java.nio.file.Files.readString(err));
  }
}
