package dev.dp.bench;

import dev.dp.contracts.Stage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code freshness.png}: per-change freshness over source commit time (p50 and p99, silver and
 * gold) on the left axis, the offered source rate (row changes per second) on the right axis, the
 * phases shaded behind. Drawn headless with JFreeChart.
 */
final class FreshnessChart {

  static final int WIDTH = 1400;
  static final int HEIGHT = 700;

  private static final Color[] PHASE_SHADES = {
    new Color(230, 230, 230, 120), new Color(200, 220, 255, 120)
  };

  private FreshnessChart() {}

  /** Writes the chart of {@code report} (the rate from {@code samples}) to {@code png}. */
  static void write(Path png, BenchReport report, List<Sample> samples) throws IOException {
    System.setProperty("java.awt.headless", "true"); // before AWT loads: no display needed
    XYSeriesCollection freshness = new XYSeriesCollection();
    for (Stage stage : Stage.values()) {
      String name = stage.name().toLowerCase();
      XYSeries p50 = new XYSeries("source -> " + name + " p50 (s)");
      XYSeries p99 = new XYSeries("source -> " + name + " p99 (s)");
      for (FreshnessPoint p : report.freshnessSeries()) {
        if (p.stage() == stage && p.p50Seconds() != null) {
          p50.add(p.secondsFromStart(), p.p50Seconds());
          p99.add(p.secondsFromStart(), p.p99Seconds());
        }
      }
      freshness.addSeries(p50);
      freshness.addSeries(p99);
    }
    NumberAxis time = new NumberAxis("seconds since the bench started (source commit time)");
    NumberAxis seconds = new NumberAxis("freshness (s)");
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    Color[] stageColours = {new Color(31, 119, 180), new Color(214, 120, 0)};
    for (int s = 0; s < freshness.getSeriesCount(); s++) {
      lines.setSeriesPaint(s, stageColours[s / 2]);
      lines.setSeriesStroke(s, s % 2 == 0 ? new BasicStroke(2f) : dashed(1.5f));
    }
    XYPlot plot = new XYPlot(freshness, time, seconds, lines);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);

    NumberAxis rateAxis = new NumberAxis("offered source row changes/s");
    plot.setRangeAxis(1, rateAxis);
    plot.setDataset(1, new XYSeriesCollection(rate(report.startedAt(), samples)));
    plot.mapDatasetToRangeAxis(1, 1);
    XYLineAndShapeRenderer rateRenderer = new XYLineAndShapeRenderer(true, false);
    rateRenderer.setSeriesPaint(0, Color.GRAY);
    rateRenderer.setSeriesStroke(
        0,
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
    plot.setRenderer(1, rateRenderer);

    int i = 0;
    for (PhaseReport p : report.phases()) {
      IntervalMarker m =
          new IntervalMarker(
              since(report.startedAt(), p.startedAt()), since(report.startedAt(), p.endedAt()));
      m.setPaint(PHASE_SHADES[i++ % PHASE_SHADES.length]);
      m.setLabel(p.name());
      m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      plot.addDomainMarker(m, Layer.BACKGROUND);
    }

    JFreeChart chart =
        new JFreeChart(
            "dp bench " + report.startedAt() + ": per-change freshness and offered rate",
            JFreeChart.DEFAULT_TITLE_FONT,
            plot,
            true);
    chart.setBackgroundPaint(Color.WHITE);
    if (report.freshnessSeries().isEmpty()) {
      chart.addSubtitle(
          new TextTitle(
              "freshness: no data (the jobs wrote no visibility records during the bench)"));
    }
    ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
  }

  /** Source row changes per second between consecutive samples, at the later sample's time. */
  static XYSeries rate(Instant start, List<Sample> samples) {
    XYSeries rate = new XYSeries("offered source row changes/s (right axis)");
    Sample previous = null;
    for (Sample s : samples) {
      if (s.sourceRowChanges() == null) {
        continue;
      }
      if (previous != null) {
        double dt = Duration.between(previous.at(), s.at()).toMillis() / 1000.0;
        long rise = s.sourceRowChanges() - previous.sourceRowChanges();
        if (dt > 0 && rise >= 0) {
          rate.add(since(start, s.at()), rise / dt);
        }
      }
      previous = s;
    }
    return rate;
  }

  private static BasicStroke dashed(float width) {
    return new BasicStroke(
        width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f);
  }

  private static double since(Instant start, Instant t) {
    return Duration.between(start, t).toMillis() / 1000.0;
  }
}
