package dev.dp.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dp.catalog.Availability;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.LaunchKind;
import dev.dp.catalog.Layer;
import dev.dp.catalog.PortSpec;
import dev.dp.catalog.ServiceSpec;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpawnerTest {

  @TempDir Path checkout;

  @Test
  void theLoggedCommandShortensClasspathsAndJarLists() {
    assertThat(
            Spawner.abbreviated(
                List.of("java", "-cp", "a.jar:b.jar:c", "-Dspark.jars=x.jar,y.jar", "Main")))
        .isEqualTo("java -cp <3 classpath entries> -Dspark.jars=<2 jars> Main");
  }

  @Test
  void aBusyPortFailsTheStartNamingThePort() throws Exception {
    DpConfig config = StackFixture.config(checkout, Map.of());
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress("127.0.0.1", 0));
      int port = squatter.getLocalPort();
      ServiceSpec spec =
          new ServiceSpec(
              99,
              "squatted",
              "dp_squatted",
              Layer.COMPUTE,
              List.of(),
              List.of(new PortSpec("http", port)),
              List.of(),
              "ready",
              "test",
              Availability.LOCAL,
              "",
              LaunchKind.KAFKA,
              false,
              Optional.empty());

      assertThatThrownBy(() -> PortCheck.requireFree(config, spec))
          .isInstanceOf(ServiceStartException.class)
          .hasMessageStartingWith("squatted: ")
          .hasMessageContaining("http port 127.0.0.1:" + port + " already in use");
    }
  }
}
