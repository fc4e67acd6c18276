package dev.dp.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceSpec;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress("127.0.0.1", 0));
      int port = squatter.getLocalPort();
      ServiceSpec kafka = StackFixture.CATALOG.require("kafka");
      int offset = port - kafka.port("broker").basePort(); // the broker port is the busy one
      assumeTrue(offset >= 0 && offset <= 65535 - StackFixture.CATALOG.highestBasePort());
      DpConfig config =
          StackFixture.config(checkout, Map.of("DP_PORT_OFFSET", Integer.toString(offset)));

      assertThatThrownBy(() -> PortCheck.requireFree(config, kafka))
          .isInstanceOf(ServiceStartException.class)
          .hasMessageStartingWith("kafka: ")
          .hasMessageContaining("broker port 127.0.0.1:" + port + " already in use");
    }
  }
}
