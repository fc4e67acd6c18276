package dev.dp.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The versions code names agree with the parent POM, where versions are kept. */
class StackVersionsTest {

  private static String parentPomProperty(String name) throws Exception {
    String pom = Files.readString(Path.of("..", "pom.xml"));
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    assertThat(m.find()).as(name + " in the parent POM").isTrue();
    return m.group(1).trim();
  }

  @Test
  void theHiveClientIsTheMetastoreVersionOfTheParentPom() throws Exception {
    String hive = parentPomProperty("hive.version");

    assertThat(StackVersions.HIVE).isEqualTo(hive);
    assertThat(SparkJobs.HIVE_CLIENT_VERSION).isEqualTo(hive);
  }
}
