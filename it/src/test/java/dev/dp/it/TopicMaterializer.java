package dev.dp.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dp.catalog.SourceTables;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Rebuilds the state of every source table from its Debezium topic, the way a correct sink must:
 * latest change per key by source position (commit LSN, then event LSN), deletes remove the row, an
 * unchanged TOASTed value keeps the previous one. Consumes incrementally across calls.
 */
final class TopicMaterializer implements AutoCloseable {

  static final String TOAST_PLACEHOLDER = "__debezium_unavailable_value";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaConsumer<String, String> consumer;

  /** table -> key -> column -> value as text (null for SQL NULL). */
  private final Map<String, Map<String, Map<String, String>>> rows = new HashMap<>();

  /** table -> key -> position of the last applied change (kept for deleted keys too). */
  private final Map<String, Map<String, long[]>> positions = new HashMap<>();

  private final Map<String, Long> opCounts = new HashMap<>();
  private long eventsRead;
  private long duplicatesSkipped;
  private long toastPlaceholders;
  private long notDebezium;

  TopicMaterializer(String bootstrapServers) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    consumer = new KafkaConsumer<>(p);
    List<TopicPartition> partitions = new ArrayList<>();
    for (String table : SourceTables.NAMES) {
      rows.put(table, new LinkedHashMap<>());
      positions.put(table, new HashMap<>());
      List<PartitionInfo> infos =
          consumer.partitionsFor(SourceTables.topic(table), Duration.ofSeconds(10));
      if (infos != null) {
        infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
      }
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Reads everything up to the current end of the topics. */
  void catchUp() {
    Map<TopicPartition, Long> end =
        consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(10));
    while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        apply(r);
      }
    }
  }

  private void apply(ConsumerRecord<String, String> r) {
    if (r.value() == null) {
      return; // Kafka tombstone after a delete event; the delete event itself carries the change
    }
    JsonNode payload = envelopePayload(r.value());
    if (payload == null) {
      notDebezium++; // published straight to the topic by the ingest tests (quarantine cases)
      return;
    }
    eventsRead++;
    String table = r.topic().substring(r.topic().lastIndexOf('.') + 1);
    if (r.key() == null && "t".equals(payload.path("op").asText())) {
      // TRUNCATE (keyless): removes the rows older than it; a replayed one removes nothing newer
      long[] at = position(payload.path("source"));
      positions
          .get(table)
          .forEach(
              (k, p) -> {
                if (compare(p, at) < 0) {
                  rows.get(table).remove(k);
                }
              });
      return;
    }
    String key = parse(r.key()).path(SourceTables.PRIMARY_KEY).asText();
    long[] position = position(payload.path("source"));
    long[] previous = positions.get(table).get(key);
    if (previous != null && compare(position, previous) <= 0) {
      duplicatesSkipped++;
      return;
    }
    positions.get(table).put(key, position);
    String op = payload.path("op").asText();
    opCounts.merge(op, 1L, Long::sum);
    if (op.equals("d")) {
      rows.get(table).remove(key);
      return;
    }
    Map<String, String> old = rows.get(table).get(key);
    Map<String, String> row = new LinkedHashMap<>();
    payload
        .path("after")
        .fields()
        .forEachRemaining(
            f -> {
              String v = text(f.getValue());
              if (TOAST_PLACEHOLDER.equals(v)) {
                toastPlaceholders++;
                v = old == null ? TOAST_PLACEHOLDER : old.get(f.getKey());
              }
              row.put(f.getKey(), v);
            });
    rows.get(table).put(key, row);
  }

  /** The payload of a Debezium change envelope, or null when the value is not one. */
  private static JsonNode envelopePayload(String value) {
    try {
      JsonNode payload = JSON.readTree(value).path("payload");
      return payload.hasNonNull("op") && payload.hasNonNull("source") ? payload : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** (commit LSN, event LSN) from {@code source.sequence}, falling back to {@code source.lsn}. */
  static long[] position(JsonNode source) {
    String sequence = source.path("sequence").asText("");
    if (!sequence.isEmpty()) {
      JsonNode seq = parse(sequence);
      return new long[] {seq.path(0).asLong(0), seq.path(1).asLong(0)};
    }
    long lsn = source.path("lsn").asLong();
    return new long[] {lsn, lsn};
  }

  private static int compare(long[] a, long[] b) {
    int c = Long.compare(a[0], b[0]);
    return c != 0 ? c : Long.compare(a[1], b[1]);
  }

  private static String text(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  private static JsonNode parse(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + s, e);
    }
  }

  /** The materialized rows of a table: key to column values. */
  Map<String, Map<String, String>> rows(String table) {
    return rows.get(table);
  }

  long eventsRead() {
    return eventsRead;
  }

  /** Applied changes per Debezium op (c, u, d, r). */
  Map<String, Long> opCounts() {
    return Map.copyOf(opCounts);
  }

  /** Unchanged TOASTed values that arrived as Debezium's placeholder. */
  long toastPlaceholders() {
    return toastPlaceholders;
  }

  /** Records skipped because they are not Debezium envelopes. */
  long notDebezium() {
    return notDebezium;
  }

  long duplicatesSkipped() {
    return duplicatesSkipped;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
