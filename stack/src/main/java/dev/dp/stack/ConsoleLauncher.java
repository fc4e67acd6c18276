package dev.dp.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import dev.dp.catalog.SourceTables;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The web console ({@code kafka-ui}) as its own JVM. It learns its stack like the CLI does, from
 * {@code DP_HOME}, the port offset and the bind address (passed in its environment with the
 * database passwords it reads with) and the checkout. Ready once it answers HTTP and lists the
 * topics.
 */
final class ConsoleLauncher implements ServiceLauncher {

  static final String MODULE = "console";
  static final String MAIN = "dev.dp.console.ConsoleMain";

  @Override
  public void prepare(ServiceContext ctx) {}

  @Override
  public ProcessSpec process(ServiceContext ctx) {
    DpConfig config = ctx.config();
    List<String> cmd =
        new JavaCommand(config.get(DpSettings.CONSOLE_HEAP))
            .property("dp.checkout", config.checkout().toString())
            // the admin client logs its whole configuration at info level
            .property("org.slf4j.simpleLogger.log.org.apache.kafka", "warn")
            .main(RuntimeClasspath.of(ctx.paths(), ctx.spec().service(), MODULE), MAIN, List.of());
    Map<String, String> env =
        Map.of(
            DpSettings.HOME.env(), ctx.paths().home().toString(),
            DpSettings.PORT_OFFSET.env(), Integer.toString(config.portOffset()),
            DpSettings.BIND_ADDRESS.env(), config.bindAddress(),
            DpSettings.SOURCE_PASSWORD_SETTING.env(),
                config.get(DpSettings.SOURCE_PASSWORD_SETTING),
            DpSettings.DEST_PASSWORD_SETTING.env(), config.get(DpSettings.DEST_PASSWORD_SETTING));
    return new ProcessSpec(cmd, env, ctx.paths().home(), StopSignal.TERM);
  }

  @Override
  public Readiness probe(ServiceContext ctx) {
    String base = "http://" + ctx.host() + ":" + ctx.port("http");
    return HttpJson.probe(
        () -> {
          HttpJson.get(base + "/api/ready");
          JsonNode topics = HttpJson.get(base + "/api/topics");
          if (!topics.isArray()) {
            return Readiness.notYet("/api/topics answered no list");
          }
          Set<String> names = new HashSet<>();
          topics.forEach(t -> names.add(t.path("name").asText()));
          long changeTopics = SourceTables.topics().stream().filter(names::contains).count();
          return Readiness.ready(
              base
                  + "/ lists "
                  + names.size()
                  + " topics ("
                  + changeTopics
                  + " of "
                  + SourceTables.NAMES.size()
                  + " change topics)");
        });
  }
}
