package dev.dp.ingest.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;

/**
 * Feeds the Kafka source's end offsets from Spark's query progress into the progress file ({@link
 * ProgressReporter}): they cover every partition of the 15 topics, including partitions that had no
 * new record since the job started, so the lag {@code dp status} shows is never inflated by a quiet
 * topic.
 */
final class CommittedOffsets extends StreamingQueryListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProgressReporter progress;

  CommittedOffsets(ProgressReporter progress) {
    this.progress = progress;
  }

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    for (SourceProgress source : event.progress().sources()) {
      String end = source.endOffset();
      if (end == null || end.isBlank()) {
        continue;
      }
      try {
        JsonNode topics = JSON.readTree(end);
        for (Iterator<Map.Entry<String, JsonNode>> t = topics.fields(); t.hasNext(); ) {
          Map.Entry<String, JsonNode> topic = t.next();
          for (Iterator<Map.Entry<String, JsonNode>> p = topic.getValue().fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> partition = p.next();
            progress.recordNextOffset(
                topic.getKey(),
                Integer.parseInt(partition.getKey()),
                partition.getValue().asLong());
          }
        }
      } catch (Exception e) {
        System.err.println("cannot read the Kafka end offsets from Spark's progress: " + end);
      }
    }
    progress.offsetsUpdated();
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {}

  @Override
  public void onQueryIdle(QueryIdleEvent event) {}

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {}
}
