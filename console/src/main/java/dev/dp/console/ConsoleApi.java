package dev.dp.console;

import dev.dp.catalog.DpConfig;
import dev.dp.cdc.ConnectClient;
import dev.dp.lineage.LineageGraph;
import dev.dp.stack.DatabaseEndpoint;
import dev.dp.stack.KafkaAdmin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The console's JSON API, one handler per page. Every handler only reads: Kafka through {@link
 * KafkaReader} and {@link MessageBrowser}, Connect with GETs, the databases in read-only
 * transactions, and the jobs' files under {@code DP_HOME}.
 */
final class ConsoleApi implements AutoCloseable {

  private static final int KAFKA_TIMEOUT_MS = 5_000;
  private static final Duration POLL_TTL = Duration.ofSeconds(2);

  private final KafkaReader kafka;
  private final MessageBrowser browser;
  private final PipelineReader pipeline;
  private final ConnectClient connect;
  private final DatabaseEndpoint source;
  private final LineageGraph lineage;
  private final Cached<List<TopicSummary>> topics;
  private final Cached<PipelineView> pipelineView;
  private final Cached<ConnectView> connectView;

  ConsoleApi(DpConfig config) {
    this.kafka = new KafkaReader(KafkaAdmin.open(config, KAFKA_TIMEOUT_MS), KAFKA_TIMEOUT_MS);
    this.browser = new MessageBrowser(config.kafkaBootstrap());
    this.pipeline = new PipelineReader(config, kafka);
    this.connect = new ConnectClient(config.bindAddress(), config.port("debezium", "rest"));
    this.source = DatabaseEndpoint.of(config, "postgres-source");
    this.lineage = LineageGraph.standard(config.catalog());
    this.topics = new Cached<>(POLL_TTL, kafka::topics);
    this.pipelineView = new Cached<>(POLL_TTL, pipeline::read);
    this.connectView = new Cached<>(POLL_TTL, () -> ConnectView.read(connect, source));
  }

  /** {@code GET /api/ready}: 200 once the broker answers. */
  void ready(Context ctx) throws Exception {
    ctx.json(Map.of("kafka", "ok", "cluster_id", kafka.clusterId()));
  }

  /** {@code GET /api/topics}: every topic (array of {@link TopicSummary}). */
  void topics(Context ctx) throws Exception {
    ctx.json(topics.get());
  }

  /** {@code GET /api/topics/{name}}: one topic. */
  void topic(Context ctx) throws Exception {
    String name = ctx.pathParam("name");
    ctx.json(kafka.topic(name).orElseThrow(() -> new IllegalArgumentException("no topic " + name)));
  }

  /** {@code GET /api/topics/{name}/messages}: a page of messages, decoded. */
  void messages(Context ctx) {
    MessageQuery q =
        MessageQuery.of(
            ctx.pathParam("name"),
            ctx.queryParam("partition"),
            ctx.queryParam("from"),
            ctx.queryParam("offset"),
            ctx.queryParam("timestamp"),
            ctx.queryParam("limit"),
            ctx.queryParam("q"));
    ctx.json(browser.read(q));
  }

  /** {@code GET /api/groups}: consumer groups with lag, and the ingest job's checkpoint offsets. */
  void groups(Context ctx) throws Exception {
    List<ConsumerGroupView> groups = new ArrayList<>();
    groups.add(pipeline.ingestCheckpoint());
    groups.addAll(kafka.groups());
    ctx.json(groups);
  }

  /** {@code GET /api/connect}: connectors, tasks, masked configuration, replication slot. */
  void connect(Context ctx) throws Exception {
    ctx.json(connectView.get());
  }

  /** {@code GET /api/pipeline}: services, stage lag and freshness, row counts. */
  void pipeline(Context ctx) throws Exception {
    ctx.json(pipelineView.get());
  }

  /** {@code GET /api/lineage}: the lineage graph with the gold columns' sources. */
  void lineage(Context ctx) {
    ctx.json(lineage);
  }

  @Override
  public void close() {
    kafka.close();
  }
}
