package dev.dp.console;

import dev.dp.catalog.DpConfig;
import dev.dp.contracts.Json;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Map;

/**
 * The console's web server: the JSON API under {@code /api}, the single-page front end from the
 * classpath and its libraries from their WebJars, on the {@code kafka-ui} port of the stack's bind
 * address. Only GET routes exist: the console changes nothing.
 */
public final class ConsoleServer implements AutoCloseable {

  /** Where the front end lives on the classpath. */
  static final String WEB_ROOT = "/dev/dp/console/web";

  private final Javalin app;
  private final ConsoleApi api;

  private ConsoleServer(Javalin app, ConsoleApi api) {
    this.app = app;
    this.api = api;
  }

  /** Starts the console of the stack configured by {@code config}. */
  public static ConsoleServer start(DpConfig config) {
    ConsoleApi api = new ConsoleApi(config);
    Javalin app =
        Javalin.create(
            c -> {
              c.jsonMapper(new JavalinJackson(Json.mapper(), false));
              c.staticFiles.add(WEB_ROOT, Location.CLASSPATH);
              c.staticFiles.enableWebjars();
              c.jetty.host = config.bindAddress();
              c.jetty.port = config.port("kafka-ui", "http");
              c.routes.get("/api/ready", api::ready);
              c.routes.get("/api/topics", api::topics);
              c.routes.get("/api/topics/{name}", api::topic);
              c.routes.get("/api/topics/{name}/messages", api::messages);
              c.routes.get("/api/groups", api::groups);
              c.routes.get("/api/connect", api::connect);
              c.routes.get("/api/pipeline", api::pipeline);
              c.routes.get("/api/lineage", api::lineage);
              c.routes.exception(
                  IllegalArgumentException.class,
                  (e, ctx) ->
                      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage())));
              c.routes.exception(
                  Exception.class,
                  (e, ctx) ->
                      ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                          .json(
                              Map.of(
                                  "error", e.getClass().getSimpleName() + ": " + e.getMessage())));
            });
    app.start();
    return new ConsoleServer(app, api);
  }

  /** The port it listens on. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    api.close();
  }
}
