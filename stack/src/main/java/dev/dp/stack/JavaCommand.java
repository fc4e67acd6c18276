package dev.dp.stack;

import java.util.ArrayList;
import java.util.List;

/** Builds the command line of a service JVM: heap, common flags, classpath, main class. */
final class JavaCommand {

  private final List<String> args = new ArrayList<>();

  JavaCommand(String maxHeap) {
    args.add(RuntimeClasspath.javaBinary());
    args.add("-Xmx" + maxHeap);
    args.add("-XX:+UseG1GC");
    args.add("-XX:+ExitOnOutOfMemoryError");
    args.add("-Djava.awt.headless=true");
    args.add("-Djava.net.preferIPv4Stack=true");
  }

  JavaCommand property(String name, String value) {
    args.add("-D" + name + "=" + value);
    return this;
  }

  JavaCommand jvmOption(String option) {
    args.add(option);
    return this;
  }

  /** The final command: {@code java <options> -cp <classpath> <main> <mainArgs>}. */
  List<String> main(String classpath, String mainClass, List<String> mainArgs) {
    List<String> out = new ArrayList<>(args);
    out.add("-cp");
    out.add(classpath);
    out.add(mainClass);
    out.addAll(mainArgs);
    return out;
  }
}
