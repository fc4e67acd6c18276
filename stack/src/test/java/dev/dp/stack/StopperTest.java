package dev.dp.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceGraph;
import dev.dp.catalog.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StopperTest {

  @TempDir Path checkout;

  private final List<String> said = new ArrayList<>();

  private Stopper stopper() {
    return new Stopper(StackFixture.config(checkout, Map.of()), said::add);
  }

  @Test
  void dependentsStopBeforeWhatTheyDependOn() {
    List<String> order = stopper().stopOrder().stream().map(ServiceSpec::service).toList();

    List<String> start =
        StartPlan.of(StackFixture.CATALOG, List.of()).services().stream()
            .map(ServiceSpec::service)
            .toList();
    assertThat(order).containsExactlyInAnyOrderElementsOf(start);
    for (ServiceSpec s : stopper().stopOrder()) {
      for (String dep : s.dependsOn()) {
        if (order.contains(dep)) {
          assertThat(order.indexOf(s.service()))
              .as(s.service() + " stops before " + dep)
              .isLessThan(order.indexOf(dep));
        }
      }
    }
    List<String> reversedStart =
        new ArrayList<>(
            new ServiceGraph(StackFixture.CATALOG)
                .localStartOrder().stream().map(ServiceSpec::service).toList());
    Collections.reverse(reversedStart);
    assertThat(order).isEqualTo(reversedStart);
  }

  @Test
  void stoppingAServiceWhoseProcessIsGoneOnlyForgetsItsPid() throws Exception {
    DpConfig config = StackFixture.config(checkout, Map.of());
    ServiceSpec kafka = config.catalog().require("kafka");
    Path pidFile = config.paths().pidFile(kafka);
    Files.createDirectories(pidFile.getParent());
    Files.writeString(pidFile, Long.MAX_VALUE + " 0\n"); // no such process
    Files.writeString(config.paths().stopSignalFile(kafka), "TERM");

    stopper().stop(kafka);

    assertThat(pidFile).doesNotExist();
    assertThat(config.paths().stopSignalFile(kafka)).doesNotExist();
    assertThat(said).isEmpty();
  }
}
