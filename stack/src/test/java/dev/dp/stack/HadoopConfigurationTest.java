package dev.dp.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.PortSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every port the generated Hadoop files name is a catalog port, so the supervisor's free-port check
 * before a start covers it and {@code DP_PORT_OFFSET} shifts it.
 */
class HadoopConfigurationTest {

  private static final int OFFSET = 300;

  @TempDir Path checkout;

  @Test
  void everyAddressInTheHadoopFilesIsACatalogPortShiftedByTheOffset() throws Exception {
    DpConfig config =
        StackFixture.config(checkout, Map.of("DP_PORT_OFFSET", Integer.toString(OFFSET)));
    Path dir = HadoopConfiguration.write(config);

    Set<Integer> catalogPorts =
        config.catalog().services().stream()
            .flatMap(s -> s.ports().stream())
            .map(PortSpec::basePort)
            .collect(Collectors.toSet());
    List<Integer> named = new ArrayList<>();
    Pattern address = Pattern.compile("127\\.0\\.0\\.1:(\\d+)<");
    Pattern portOnly = Pattern.compile("\\.port</name>\\s*<value>(\\d+)<");
    for (String file : List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml")) {
      String xml = Files.readString(dir.resolve(file));
      for (Pattern p : List.of(address, portOnly)) {
        Matcher m = p.matcher(xml);
        while (m.find()) {
          named.add(Integer.parseInt(m.group(1)) - OFFSET);
        }
      }
    }

    assertThat(named).hasSizeGreaterThan(10).contains(9868, 9865);
    assertThat(catalogPorts).containsAll(named);
  }
}
