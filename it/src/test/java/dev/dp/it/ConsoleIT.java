package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.SourceTables;
import dev.dp.process.GoldTable;
import dev.dp.stack.ServiceState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The web console ({@code kafka-ui}) on the shared stack, in Debian's headless Chromium driven by
 * Debian's chromedriver: every page renders what the pipeline holds, nothing is logged as an error
 * in the browser, {@code dp status} shows the console with its memory, and {@code dp down/up
 * kafka-ui} work like for any service. Screenshots of each page go to {@code
 * it/target/console-screenshots/}.
 */
@ExtendWith(LocalStack.class)
class ConsoleIT {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Duration PAGE_WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private static WebDriver browser;
  private static Path screenshots;
  private static final List<String> severe = new ArrayList<>();

  @BeforeAll
  static void openBrowser() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    screenshots = stack.checkout.resolve("it/target/console-screenshots");
    Files.createDirectories(screenshots);
    for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      assertThat(Path.of(binary))
          .as("Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")
          .isExecutable();
    }
    Path tmp = stack.home.resolve("tmp");
    Files.createDirectories(tmp);
    Path profile = Files.createTempDirectory(tmp, "chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--window-size=1500,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // The driver is named explicitly, so Selenium Manager never looks for (or downloads) one.
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void everyPageShowsThePipelineAndTheConsoleIsAServiceLikeAnyOther() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    DpConfig config = stack.config(Map.of());
    String console = "http://" + config.address("kafka-ui", "http");
    if (changeTopicsWithMessages(console) < SourceTables.NAMES.size()) {
      // a stack no other test wrote to yet: give every change topic messages
      GeneratorRuns.startBurst(stack, 800, 0);
      GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(3));
    }
    await("the console lists the 15 change topics, each with messages")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> changeTopicsWithMessages(console) == SourceTables.NAMES.size());

    try {
      topicsPageListsTheFifteenChangeTopicsWithTheirCounts(console);
      anAlertMessageOpensWithItsEnvelopeDecoded(console);
      theConnectPageShowsTheConnectorRunningAndNoSecret(console);
      theLineagePageDrawsEverySourceAndGoldTable(console);
      thePipelineAndGroupsPagesRender(console);
    } catch (AssertionError | RuntimeException e) {
      keepEvidence();
      throw e;
    }
    assertThat(severe).as("SEVERE entries in the browser console").isEmpty();

    statusShowsTheConsoleRunningWithItsMemory(stack);
    DpCli.Result down = DpCli.run(stack, "down", "kafka-ui");
    assertThat(down.exitCode()).as(down.stdout() + down.stderr()).isZero();
    assertThat(stack.supervisor(Map.of()).liveProcess(stack.service("kafka-ui"))).isEmpty();
    DpCli.Result up = DpCli.run(stack, "up", "kafka-ui");
    assertThat(up.exitCode()).as(up.stdout() + up.stderr()).isZero();
    assertThat(get(console + "/api/ready").statusCode()).isEqualTo(200);
    statusShowsTheConsoleRunningWithItsMemory(stack);
  }

  private void topicsPageListsTheFifteenChangeTopicsWithTheirCounts(String console) {
    open(console + "/#/topics");
    await("the topics table lists the 15 change topics")
        .atMost(PAGE_WAIT)
        .until(() -> changeTopicRows().size() == SourceTables.NAMES.size());
    for (WebElement row : changeTopicRows()) {
      String messages = row.findElement(By.cssSelector("[data-test=messages]")).getText();
      assertThat(Long.parseLong(messages.replace(",", "")))
          .as("messages of " + row.getAttribute("data-topic"))
          .isPositive();
    }
    WebElement filter = browser.findElement(By.cssSelector("[data-test=topic-filter]"));
    filter.sendKeys("alerts");
    await("the filter keeps only the alerts topic")
        .atMost(PAGE_WAIT)
        .until(() -> changeTopicRows().size() == 1);
    screenshot("topics");
  }

  private void anAlertMessageOpensWithItsEnvelopeDecoded(String console) {
    open(console + "/#/topics/" + SourceTables.topic("alerts"));
    By changes =
        By.xpath(
            "//div[@data-offset][.//span[@data-test='op' and (text()='create' or text()='update' or text()='delete' or text()='snapshot')]]");
    await("messages of the alerts topic are listed")
        .atMost(PAGE_WAIT)
        .until(() -> !browser.findElements(changes).isEmpty());
    WebElement message = browser.findElements(changes).get(0);
    message.findElement(By.cssSelector("[data-test=message-head]")).click();
    await("the envelope is decoded")
        .atMost(PAGE_WAIT)
        .until(
            () ->
                !message
                    .findElements(By.cssSelector("[data-test=envelope] [data-test=lsn]"))
                    .isEmpty());
    assertThat(message.findElement(By.cssSelector("[data-test=lsn]")).getText())
        .matches("[0-9A-F]+/[0-9A-F]+");
    assertThat(message.findElement(By.cssSelector("[data-test=txid]")).getText()).matches("\\d+");
    assertThat(message.findElements(By.cssSelector("[data-test=diff] tbody tr")))
        .as("columns of the alert")
        .hasSizeGreaterThanOrEqualTo(8);
    assertThat(message.getText()).contains("public.alerts").contains("threat_level");
    message.findElement(By.cssSelector("[data-test=raw-toggle]")).click();
    await("raw JSON on demand")
        .atMost(PAGE_WAIT)
        .until(
            () -> message.findElement(By.cssSelector("pre.raw")).getText().contains("\"payload\""));
    screenshot("message");
  }

  private void theConnectPageShowsTheConnectorRunningAndNoSecret(String console) {
    open(console + "/#/connect");
    By connector = By.cssSelector("[data-connector=postgres-connector]");
    await("postgres-connector is shown RUNNING")
        .atMost(PAGE_WAIT)
        .until(
            () ->
                browser.findElements(connector).stream()
                    .anyMatch(
                        c ->
                            c.findElement(By.cssSelector("[data-test=connector-state]"))
                                .getText()
                                .equals("RUNNING")));
    WebElement card = browser.findElement(connector);
    assertThat(card.findElements(By.cssSelector("[data-test=task-state]")))
        .isNotEmpty()
        .allMatch(t -> t.getText().equals("RUNNING"));
    String config = card.findElement(By.cssSelector("[data-test=connector-config]")).getText();
    assertThat(config).contains("database.password ********").doesNotContain("dp.properties");
    assertThat(card.findElement(By.cssSelector("[data-test=slot]")).getText())
        .contains("dp_debezium")
        .contains("active");
    screenshot("connect");
  }

  @SuppressWarnings("unchecked")
  private void theLineagePageDrawsEverySourceAndGoldTable(String console) {
    open(console + "/#/lineage");
    String drawnNodes =
        "var el = document.getElementById('lineage-graph');"
            + " var c = window.echarts && echarts.getInstanceByDom(el);"
            + " if (!c || !el.querySelector('svg')) return [];"
            + " return c.getOption().series[0].data.map(function (d) { return d.id; });";
    await("the lineage graph is drawn")
        .atMost(PAGE_WAIT)
        .until(() -> !((List<Object>) script(drawnNodes)).isEmpty());
    List<String> ids = ((List<Object>) script(drawnNodes)).stream().map(String::valueOf).toList();
    for (String table : SourceTables.NAMES) {
      assertThat(ids).contains("source:" + table);
    }
    for (GoldTable gold : GoldTable.values()) {
      assertThat(ids).contains("gold:" + gold.tableName());
    }
    Number shapes =
        (Number) script("return document.querySelectorAll('#lineage-graph svg path').length;");
    assertThat(shapes.intValue()).as("SVG shapes drawn").isGreaterThanOrEqualTo(ids.size());
    screenshot("lineage");
  }

  private void thePipelineAndGroupsPagesRender(String console) {
    open(console + "/#/pipeline");
    await("the pipeline page shows the console itself running")
        .atMost(PAGE_WAIT)
        .until(
            () ->
                !browser
                    .findElements(By.cssSelector("[data-service=kafka-ui][data-state=running]"))
                    .isEmpty());
    await("source tables with their rows")
        .atMost(PAGE_WAIT)
        .until(
            () ->
                browser.findElements(By.cssSelector("[data-test=pipeline-tables] tbody tr")).size()
                    == SourceTables.NAMES.size());
    screenshot("pipeline");
    open(console + "/#/groups");
    await("the ingest job's offsets are shown as a group")
        .atMost(PAGE_WAIT)
        .until(
            () -> !browser.findElements(By.cssSelector("[data-group=spark-job-ingest]")).isEmpty());
    screenshot("groups");
  }

  /** What the browser showed and logged when a check failed, for whoever reads the report. */
  private static void keepEvidence() {
    try {
      screenshot("failure");
      Files.writeString(screenshots.resolve("failure.html"), browser.getPageSource());
      Files.write(screenshots.resolve("failure-browser-log.txt"), severe);
    } catch (Exception e) {
      System.err.println("could not keep the evidence of the failure: " + e);
    }
  }

  private static void statusShowsTheConsoleRunningWithItsMemory(LocalStack.Instance stack)
      throws Exception {
    DpCli.Result status = DpCli.run(stack, "status", "--json");
    assertThat(status.exitCode()).as(status.stderr()).isZero();
    JsonNode ui = null;
    for (JsonNode s : JSON.readTree(status.stdout()).path("services")) {
      if (s.path("service").asText().equals("kafka-ui")) {
        ui = s;
      }
    }
    assertThat(ui).as("kafka-ui in dp status").isNotNull();
    assertThat(ui.path("state").asText()).isEqualTo(ServiceState.RUNNING.label());
    assertThat(ui.path("rss_bytes").asLong()).isPositive();
    assertThat(ui.path("container").asText()).isEqualTo("dp_kafka_ui");
  }

  private static List<WebElement> changeTopicRows() {
    return browser.findElements(
        By.cssSelector(
            "[data-test=topics-table] tr[data-topic^='"
                + SourceTables.TOPIC_PREFIX
                + "."
                + SourceTables.SCHEMA
                + ".']"));
  }

  private static int changeTopicsWithMessages(String console) throws Exception {
    HttpResponse<String> r = get(console + "/api/topics");
    if (r.statusCode() != 200) {
      return -1;
    }
    int withMessages = 0;
    for (JsonNode t : JSON.readTree(r.body())) {
      if (SourceTables.topics().contains(t.path("name").asText())
          && t.path("partitions").asInt() > 0
          && t.path("messages").asLong() > 0) {
        withMessages++;
      }
    }
    return withMessages;
  }

  private static void open(String url) {
    browser.get(url);
    collectBrowserLog();
  }

  private static Object script(String js) {
    return ((JavascriptExecutor) browser).executeScript(js);
  }

  private static void screenshot(String page) {
    collectBrowserLog();
    try {
      Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(
          png,
          screenshots.resolve(page + ".png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot save the screenshot of " + page, e);
    }
  }

  private static void collectBrowserLog() {
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER).getAll()) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        severe.add(e.getMessage());
      }
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
