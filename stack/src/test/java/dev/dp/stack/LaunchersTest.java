package dev.dp.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.LaunchKind;
import dev.dp.catalog.ServiceSpec;
import org.junit.jupiter.api.Test;

class LaunchersTest {

  @Test
  void everyServiceTheLocalTwinRunsHasALauncher() {
    Launchers launchers = Launchers.standard();
    for (ServiceSpec s : StackFixture.CATALOG.services()) {
      if (s.runsLocally()) {
        assertThat(launchers.forKind(s.launchKind())).as(s.service()).isNotNull();
      }
    }
    assertThat(launchers.forKind(LaunchKind.KAFKA_UI)).isInstanceOf(ConsoleLauncher.class);
  }
}
