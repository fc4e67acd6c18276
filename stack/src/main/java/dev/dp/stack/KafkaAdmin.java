package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Kafka admin clients for dp's own short conversations with the stack's broker. */
public final class KafkaAdmin {

  private KafkaAdmin() {}

  /** An admin client for {@code bootstrap} whose calls give up after {@code timeoutMs}. */
  public static Admin open(String bootstrap, int timeoutMs) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    p.put(
        AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG,
        Math.min(1_000, timeoutMs));
    return Admin.create(p);
  }

  /** An admin client for the stack's broker. */
  public static Admin open(DpConfig config, int timeoutMs) {
    return open(config.kafkaBootstrap(), timeoutMs);
  }
}
