package dev.dp.health.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dp.catalog.ServiceSpec;
import dev.dp.catalog.SourceTables;
import dev.dp.health.HealthCheck;
import dev.dp.health.HealthThresholds;
import dev.dp.health.HttpGet;
import dev.dp.health.PlaybookStep;
import dev.dp.health.ProbeContext;
import dev.dp.health.Text;
import dev.dp.health.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 5, kafka-ui (the dp console): while the catalog does not run it locally, SKIP with the
 * catalog's reason; once it does, {@code GET /api/topics} on its http port must list the 15 change
 * topics (a JSON array of objects with at least {@code name}, {@code partitions}, {@code
 * messages}).
 */
public final class KafkaUiCheck implements HealthCheck<KafkaUiCheck.Observation> {

  static final String SERVICE = "kafka-ui";

  /**
   * What the probe saw.
   *
   * @param local whether the local twin runs the console
   * @param notLocalReason the catalog's reason when it does not
   * @param url the topics endpoint
   * @param error why it did not answer with a topic list, or empty
   * @param messagesByTopic per listed topic, its message count (-1 when not given)
   */
  public record Observation(
      boolean local,
      String notLocalReason,
      String url,
      String error,
      Map<String, Long> messagesByTopic) {}

  @Override
  public PlaybookStep step() {
    return PlaybookStep.of(5, "Kafka UI", SERVICE);
  }

  @Override
  public Observation probe(ProbeContext ctx) {
    ServiceSpec spec = ctx.config().catalog().require(SERVICE);
    if (!spec.runsLocally()) {
      return new Observation(false, spec.availabilityNote(), "", "", Map.of());
    }
    String url = ctx.url(SERVICE, "http") + "/api/topics";
    ctx.doing("GET " + url);
    try {
      HttpGet.Response r = ctx.http().get(url);
      if (!r.ok()) {
        return new Observation(true, "", url, "HTTP " + r.status(), Map.of());
      }
      JsonNode topics = r.json();
      if (!topics.isArray()) {
        return new Observation(true, "", url, "the answer is not a JSON array", Map.of());
      }
      Map<String, Long> messages = new LinkedHashMap<>();
      for (JsonNode t : topics) {
        messages.put(t.path("name").asText(), t.path("messages").asLong(-1));
      }
      return new Observation(true, "", url, "", messages);
    } catch (IOException e) {
      return new Observation(true, "", url, Text.error(e), Map.of());
    }
  }

  @Override
  public Verdict verdict(Observation o, HealthThresholds t) {
    if (!o.local()) {
      return Verdict.skip("not run by the local twin: " + o.notLocalReason());
    }
    if (!o.error().isEmpty()) {
      return Verdict.fail(
          "the console does not list topics at " + o.url() + ": " + o.error(),
          "./dp logs dp_kafka_ui");
    }
    List<String> missing = new ArrayList<>();
    for (String topic : SourceTables.topics()) {
      if (!o.messagesByTopic().containsKey(topic)) {
        missing.add(topic);
      }
    }
    long messages =
        SourceTables.topics().stream()
            .mapToLong(tp -> Math.max(0, o.messagesByTopic().getOrDefault(tp, 0L)))
            .sum();
    Verdict v =
        missing.isEmpty()
            ? Verdict.pass(
                "the console lists the 15 change topics ("
                    + messages
                    + " messages) among "
                    + o.messagesByTopic().size()
                    + " topics")
            : Verdict.fail(
                "the console does not list "
                    + missing.size()
                    + " change topics: "
                    + Text.list(missing),
                "see step 3 (kafka); ./dp logs dp_kafka_ui");
    return v.with("topics_listed", o.messagesByTopic().size()).with("messages", messages);
  }
}
