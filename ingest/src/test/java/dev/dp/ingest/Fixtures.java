package dev.dp.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dp.catalog.SourceTables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Real Debezium messages captured from the local stack (see src/test/resources/debezium/README.md),
 * one per line as kafka-console-consumer printed them: {@code key|value}, value {@code null} for a
 * tombstone.
 */
final class Fixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  /** One Kafka record. */
  record Message(String topic, String key, String value) {

    ParsedMessage parse() {
      return new ChangeEnvelopeParser().parse(topic, key, value);
    }

    ObjectNode valueTree() {
      try {
        return (ObjectNode) JSON.readTree(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Message withValue(JsonNode newValue) {
      return new Message(topic, key, newValue.toString());
    }

    Message withValue(String newValue) {
      return new Message(topic, key, newValue);
    }

    Message withKey(String newKey) {
      return new Message(topic, newKey, value);
    }

    Message withTopic(String newTopic) {
      return new Message(newTopic, key, value);
    }
  }

  private Fixtures() {}

  /** All messages of a fixture file; the topic is that of the table the file name starts with. */
  static List<Message> load(String file) {
    String table = file.substring(0, file.indexOf('-'));
    String topic = SourceTables.topic(table);
    List<Message> messages = new ArrayList<>();
    try (InputStream in = Fixtures.class.getResourceAsStream("/debezium/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + file);
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        int bar = line.indexOf('|');
        String value = line.substring(bar + 1);
        messages.add(
            new Message(topic, line.substring(0, bar), value.equals("null") ? null : value));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return messages;
  }

  /** The only message of a fixture file. */
  static Message one(String file) {
    List<Message> messages = load(file);
    if (messages.size() != 1) {
      throw new IllegalStateException(file + " holds " + messages.size() + " messages");
    }
    return messages.get(0);
  }

  /** Parses a one-message fixture that must be a change event. */
  static ChangeEvent event(String file) {
    return (ChangeEvent) one(file).parse();
  }

  /** Every fixture file. */
  static List<String> files() {
    return List.of(
        "alerts-insert.txt",
        "alerts-update-toast.txt",
        "alerts-delete.txt",
        "alerts-tombstone.txt",
        "alerts-lifecycle.txt",
        "alerts-snapshot-read.txt",
        "alerts-update-after-snapshot.txt",
        "weapons-insert.txt",
        "roe_updates-insert.txt",
        "roe_updates-new-columns-insert.txt",
        "roe_updates-new-columns-update.txt",
        "engagement_events-insert.txt",
        "regions-interleaved.txt");
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
