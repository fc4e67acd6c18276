package dev.dp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dp.stack.ServiceState;
import dev.dp.stack.ServiceStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dp status}: one row per catalog service. */
@Command(name = "status", description = "Show every service: state, pid, ports, uptime, memory.")
final class StatusCommand implements Callable<Integer> {

  @Mixin StackOptions stack;

  @Option(names = "--json", description = "Print JSON for scripts.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    List<ServiceStatus> rows = StackOptions.supervisor(stack.config()).status();
    if (json) {
      System.out.println(toJson(rows));
    } else {
      System.out.print(StatusTable.render(rows));
    }
    return 0;
  }

  static String toJson(List<ServiceStatus> rows) throws Exception {
    List<Map<String, Object>> services =
        rows.stream()
            .map(
                r -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("service", r.service());
                  m.put("container", r.container());
                  m.put("layer", r.layer());
                  m.put("state", r.state().label());
                  m.put("pid", r.pid() > 0 ? r.pid() : null);
                  m.put("ports", r.ports());
                  m.put("uptime_seconds", r.uptimeSeconds() >= 0 ? r.uptimeSeconds() : null);
                  m.put("rss_bytes", r.rssBytes() >= 0 ? r.rssBytes() : null);
                  m.put("log", r.log());
                  if (!r.note().isEmpty()) {
                    m.put("note", r.note());
                  }
                  return m;
                })
            .collect(Collectors.toList());
    long total =
        rows.stream()
            .filter(r -> r.state() == ServiceState.RUNNING)
            .mapToLong(r -> Math.max(0, r.rssBytes()))
            .sum();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("services", services);
    root.put("total_rss_bytes", total);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
  }
}
