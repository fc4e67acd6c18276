package dev.dp.cli;

import dev.dp.catalog.DpConfig;
import dev.dp.stack.KafkaTools;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/**
 * Kafka's admin tools against the stack's broker, the local {@code kafka-topics.sh} and friends;
 * {@code --bootstrap-server} is filled in.
 */
abstract class KafkaToolCommand implements Callable<Integer> {

  @Mixin StackOptions stack;

  @Unmatched List<String> args = new ArrayList<>();

  abstract KafkaTools.Tool tool();

  @Override
  public Integer call() throws Exception {
    DpConfig config = stack.config();
    List<String> cmd = KafkaTools.command(config, tool(), config.kafkaBootstrap(), args);
    return new ProcessBuilder(cmd).inheritIO().start().waitFor();
  }

  @Command(
      name = "kafka-topics",
      description = "kafka-topics.sh against the stack's broker, e.g. 'dp kafka-topics --list'.")
  static final class Topics extends KafkaToolCommand {
    @Override
    KafkaTools.Tool tool() {
      return KafkaTools.Tool.TOPICS;
    }
  }

  @Command(
      name = "kafka-console-consumer",
      description = "kafka-console-consumer.sh against the stack's broker.")
  static final class ConsoleConsumer extends KafkaToolCommand {
    @Override
    KafkaTools.Tool tool() {
      return KafkaTools.Tool.CONSOLE_CONSUMER;
    }
  }

  @Command(
      name = "kafka-consumer-groups",
      description = "kafka-consumer-groups.sh against the stack's broker.")
  static final class ConsumerGroups extends KafkaToolCommand {
    @Override
    KafkaTools.Tool tool() {
      return KafkaTools.Tool.CONSUMER_GROUPS;
    }
  }
}
