package dev.dp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subcommands reach the catalog {@link DpMain} made, through their {@link StackOptions}. */
class DpMainTest {

  @TempDir Path home;

  @Test
  void aSubcommandLooksServicesUpInTheEntryPointsCatalog() {
    // No log exists in an empty DP_HOME: logs says so and exits 1, after finding the service.
    int exit = DpMain.commandLine().execute("logs", "-D", "dp.home=" + home, "dp_kafka");

    assertThat(exit).isEqualTo(1);
  }

  @Test
  void configLoadsWithTheCatalog() {
    assertThat(DpMain.commandLine().execute("config", "-D", "dp.home=" + home)).isZero();
  }
}
