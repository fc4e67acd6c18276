package dev.dp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dp.catalog.DpConfig;
import dev.dp.chaos.ChaosDrill;
import dev.dp.chaos.ChaosReport;
import dev.dp.chaos.Fault;
import dev.dp.chaos.FaultOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dp chaos}: the fault drill. */
@Command(
    name = "chaos",
    description = {
      "Fault drill on the running stack: for each stateful service, under a bounded generator",
      "burst, kill -9 it (SIGSTOP/SIGCONT for kafka and hdfs-namenode), let the watchdog restart",
      "it, wait until the pipeline caught up, then check gold against the oracle and silver and",
      "bronze with the audit job. Exit 1 if any fault lost or duplicated data or did not recover."
    })
final class ChaosCommand implements Callable<Integer> {

  @Mixin StackOptions stack;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "SERVICE",
      description =
          "Drill only these services (default: all); SERVICE:kill or SERVICE:pause picks one"
              + " fault of a service.")
  List<String> only = new ArrayList<>();

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Option(names = "--burst", description = "Changes per fault (default ${DEFAULT-VALUE}).")
  int burst = 600;

  @Option(names = "--rate", description = "Changes per second (default ${DEFAULT-VALUE}).")
  int rate = 100;

  @Option(
      names = "--pause-seconds",
      description =
          "How long SIGSTOP lasts, above the clients' timeouts (default ${DEFAULT-VALUE}).")
  int pauseSeconds = 45;

  @Option(
      names = "--recover-seconds",
      description = "Bound for each restart and catch-up (default ${DEFAULT-VALUE}).")
  int recoverSeconds = 600;

  @Option(
      names = "--audit-once",
      description =
          "Run the silver and bronze audit once, after the last fault, instead of after each"
              + " (faster; a loss is then not attributed to one fault).")
  boolean auditOnce;

  @Override
  public Integer call() throws Exception {
    DpConfig config = stack.config();
    Duration pause = Duration.ofSeconds(pauseSeconds);
    List<Fault> faults;
    try {
      faults = only.isEmpty() ? Fault.all(pause) : Fault.only(only, pause);
    } catch (IllegalArgumentException e) {
      System.err.println("dp chaos: " + e.getMessage());
      return 2;
    }
    ChaosDrill drill =
        new ChaosDrill(
            config,
            new ChaosDrill.Settings(
                burst,
                rate,
                Duration.ofSeconds(recoverSeconds),
                auditOnce ? ChaosDrill.Audit.AFTER_LAST_FAULT : ChaosDrill.Audit.EACH_FAULT),
            line -> System.err.println("dp chaos: " + line));
    List<FaultOutcome> outcomes;
    try {
      outcomes = drill.run(faults);
    } catch (IllegalStateException e) {
      System.err.println("dp chaos: " + e.getMessage());
      return 2;
    }
    if (json) {
      System.out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(ChaosReport.json(outcomes)));
    } else {
      System.out.print(ChaosReport.text(outcomes));
    }
    return ChaosReport.allOk(outcomes) ? 0 : 1;
  }
}
