package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import java.util.ArrayList;
import java.util.List;

/** Kafka's command-line tools, run in their own JVM from the Kafka runtime. */
public final class KafkaTools {

  /** The tools dp exposes. */
  public enum Tool {
    TOPICS("org.apache.kafka.tools.TopicCommand"),
    CONSOLE_CONSUMER("org.apache.kafka.tools.consumer.ConsoleConsumer"),
    CONSUMER_GROUPS("org.apache.kafka.tools.consumer.group.ConsumerGroupCommand");

    private final String mainClass;

    Tool(String mainClass) {
      this.mainClass = mainClass;
    }
  }

  private KafkaTools() {}

  /** The command running {@code tool} against {@code bootstrap} with the user's arguments. */
  public static List<String> command(
      DpConfig config, Tool tool, String bootstrap, List<String> args) {
    List<String> toolArgs = new ArrayList<>(List.of("--bootstrap-server", bootstrap));
    toolArgs.addAll(args);
    return new JavaCommand("256m")
        .property(
            "log4j2.configurationFile",
            config
                .paths()
                .module(KafkaLauncher.RUNTIME)
                .resolve("conf/tools-log4j2.properties")
                .toString())
        .main(
            RuntimeClasspath.of(config.paths(), "kafka", KafkaLauncher.RUNTIME),
            tool.mainClass,
            toolArgs);
  }
}
