package dev.dp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

  @Test
  void invalidOptionsAreRefusedBeforeAnyStackIsTouched() {
    assertThat(DpMain.commandLine().execute("bench", "--rate", "0", "--burst", "1"))
        .isEqualTo(BenchCommand.INVALID_OPTIONS);
  }

  @Test
  void helpListsEveryOptionWithItsDefault() {
    StringWriter help = new StringWriter();
    var cl = DpMain.commandLine();
    cl.setOut(new PrintWriter(help));
    assertThat(cl.execute("help", "bench")).isZero();
    assertThat(help.toString())
        .contains("--attach", "--rate", "(default 200)", "--steady", "(default 120)")
        .contains("--burst", "(default 100000)", "--burst-transactions", "(default 10)")
        .contains("--phase-timeout", "--warmup", "--port-offset");
  }
}
