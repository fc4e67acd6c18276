package dev.dp.ingest.spark;

import dev.dp.ingest.ChangeEnvelopeParser;
import dev.dp.ingest.ChangeEvent;
import dev.dp.ingest.ParsedMessage;
import dev.dp.ingest.Quarantined;
import dev.dp.ingest.TableTruncated;
import dev.dp.ingest.Tombstone;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * The Kafka records of a micro-batch parsed where they are: on the executors, one record at a time,
 * so a batch never has to fit in the driver (or in one executor) whatever a source transaction
 * holds. Each record becomes one row saying what it is ({@link Kind}) with the Kafka position and
 * raw bytes kept for bronze and quarantine, and, for a change, the parsed {@link ChangeEvent} in
 * Java serialised form for the fold.
 */
final class ParsedRecords {

  /** What a Kafka record turned out to be. */
  enum Kind {
    CHANGE,
    TOMBSTONE,
    QUARANTINED,
    /** A {@code TRUNCATE} of a source table ({@link TableTruncated}). */
    TRUNCATE
  }

  /** The op bronze records for a truncate. */
  static final String TRUNCATE_OP = "TRUNCATE";

  static final String KIND = "kind";
  static final String TABLE = "source_table";
  static final String KEY_ID = "key_id";
  static final String CHANGE = "change";
  static final String COLUMNS = "columns";
  static final String UNCHANGED_COLUMNS = "unchanged_columns";

  static final StructType SCHEMA =
      StructType.fromDDL(
          "kafka_topic STRING, kafka_partition INT, kafka_offset BIGINT, kafka_timestamp TIMESTAMP,"
              + " record_key BINARY, record_value BINARY, kind STRING, source_table STRING,"
              + " key_id STRING, op STRING, source_sequence STRING, committed_at TIMESTAMP,"
              + " reason STRING, detail STRING, change BINARY, columns BINARY,"
              + " unchanged_columns INT");

  private ParsedRecords() {}

  /** The batch's records parsed (lazily; persist the result when it is read more than once). */
  static Dataset<Row> parse(Dataset<Row> kafkaBatch) {
    return kafkaBatch
        .select("topic", "partition", "offset", "timestamp", "key", "value")
        .mapPartitions(new Parse(), Encoders.row(SCHEMA));
  }

  /** The rows of one kind. */
  static Dataset<Row> ofKind(Dataset<Row> parsed, Kind kind) {
    return parsed.filter(functions.col(KIND).equalTo(kind.name()));
  }

  /**
   * The Kafka position every stored record keeps (topic, partition, offset, timestamp), followed by
   * {@code rest}.
   */
  static Column[] withKafkaPosition(Column... rest) {
    Column[] columns = new Column[4 + rest.length];
    columns[0] = functions.col("kafka_topic");
    columns[1] = functions.col("kafka_partition");
    columns[2] = functions.col("kafka_offset");
    columns[3] = functions.col("kafka_timestamp");
    System.arraycopy(rest, 0, columns, 4, rest.length);
    return columns;
  }

  /** {@code rows} mapped one at a time as they are read (a partition is never held whole). */
  static <A, B> Iterator<B> lazyMap(Iterator<A> rows, java.util.function.Function<A, B> map) {
    return java.util.stream.StreamSupport.stream(
            java.util.Spliterators.spliteratorUnknownSize(rows, java.util.Spliterator.ORDERED),
            false)
        .map(map)
        .iterator();
  }

  /** The change of a {@link Kind#CHANGE} row. */
  static ChangeEvent change(byte[] serialized) {
    return (ChangeEvent) deserialize(serialized);
  }

  static byte[] serialize(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
    return bytes.toByteArray();
  }

  static Object deserialize(byte[] serialized) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized))) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot read a serialised ingest value", e);
    }
  }

  /** Parses one partition's records, streaming. */
  private static final class Parse implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Iterator<Row> records) {
      ChangeEnvelopeParser parser = new ChangeEnvelopeParser();
      return lazyMap(records, r -> parse(parser, r));
    }

    private static Row parse(ChangeEnvelopeParser parser, Row r) {
      String topic = r.getString(0);
      byte[] key = (byte[]) r.get(4);
      byte[] value = (byte[]) r.get(5);
      ParsedMessage parsed = parser.parse(topic, key, value);
      Object[] row = new Object[SCHEMA.size()];
      row[0] = topic;
      row[1] = r.getInt(1);
      row[2] = r.getLong(2);
      row[3] = r.get(3);
      row[4] = key;
      row[5] = value;
      if (parsed instanceof ChangeEvent e) {
        row[6] = Kind.CHANGE.name();
        row[7] = e.table();
        row[8] = e.key();
        row[9] = e.op().name();
        row[10] = e.position().sortKey();
        row[11] = e.committedAt() == null ? null : Timestamp.from(e.committedAt());
        row[14] = serialize(e);
        row[15] = serialize(new ArrayList<>(e.columns()));
        row[16] = e.unchangedColumns().size();
      } else if (parsed instanceof Quarantined q) {
        row[6] = Kind.QUARANTINED.name();
        row[12] = q.reason().name();
        row[13] = q.message();
      } else if (parsed instanceof TableTruncated t) {
        row[6] = Kind.TRUNCATE.name();
        row[7] = t.table();
        row[9] = TRUNCATE_OP;
        row[10] = t.position().sortKey();
        row[11] = t.committedAt() == null ? null : Timestamp.from(t.committedAt());
      } else {
        Tombstone t = (Tombstone) parsed;
        row[6] = Kind.TOMBSTONE.name();
        row[7] = t.table();
        row[8] = t.key();
      }
      return RowFactory.create(row);
    }
  }
}
