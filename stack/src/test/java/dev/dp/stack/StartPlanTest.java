package dev.dp.stack;

import static dev.dp.stack.StackFixture.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dp.catalog.ServiceSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartPlanTest {

  private static Map<String, Integer> waveOf(StartPlan plan) {
    Map<String, Integer> waveOf = new HashMap<>();
    for (int i = 0; i < plan.waves().size(); i++) {
      for (ServiceSpec s : plan.waves().get(i)) {
        assertThat(waveOf.put(s.service(), i)).as(s.service() + " in one wave only").isNull();
      }
    }
    return waveOf;
  }

  @Test
  void theWholeStackStartsEveryLocalServiceAfterAllItsLocalDependencies() {
    StartPlan plan = StartPlan.of(CATALOG, List.of());
    Map<String, Integer> waveOf = waveOf(plan);

    List<String> local =
        CATALOG.services().stream()
            .filter(ServiceSpec::runsLocally)
            .map(ServiceSpec::service)
            .toList();
    assertThat(waveOf.keySet()).containsExactlyInAnyOrderElementsOf(local);
    for (ServiceSpec s : plan.services()) {
      for (String dep : s.dependsOn()) {
        if (CATALOG.require(dep).runsLocally()) {
          assertThat(waveOf.get(dep))
              .as(dep + " before " + s.service())
              .isLessThan(waveOf.get(s.service()));
        }
      }
    }
    assertThat(plan.waves().get(0).stream().map(ServiceSpec::service))
        .contains("postgres-source", "postgres-dest", "kafka", "hdfs-namenode", "hms-db");
    assertThat(plan.waves().get(plan.waves().size() - 1).stream().map(ServiceSpec::service))
        .containsExactly("spark-job-process");
  }

  @Test
  void aNamedServiceBringsOnlyWhatItNeeds() {
    StartPlan plan = StartPlan.of(CATALOG, List.of("debezium"));

    assertThat(plan.waves()).hasSize(2);
    assertThat(plan.waves().get(0).stream().map(ServiceSpec::service))
        .containsExactlyInAnyOrder("postgres-source", "kafka");
    assertThat(plan.waves().get(1).stream().map(ServiceSpec::service)).containsExactly("debezium");
  }

  @Test
  void servicesTheLocalTwinDoesNotRunAreRefusedWithTheReason() {
    assertThatThrownBy(() -> StartPlan.of(CATALOG, List.of("kafka", "openmetadata-server")))
        .isInstanceOf(ServiceStartException.class)
        .hasMessageStartingWith("openmetadata-server: is not run by the local twin")
        .hasMessageContaining("OpenMetadata");
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> StartPlan.of(CATALOG, List.of("kafak")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("known services:");
  }
}
