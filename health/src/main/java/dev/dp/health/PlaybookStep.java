package dev.dp.health;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of the seed guide's health playbook (section 3): its number and title in the guide and
 * the catalog services it checks. A step checks its own service and, where the guide folds one in,
 * others (step 6, "HDFS Namenode", also checks {@code hdfs-datanode}).
 *
 * @param number the step number in the guide, 1..18
 * @param title the guide's name of the step, e.g. {@code Kafka UI}
 * @param service the catalog service the step is about (the {@code service} of its result)
 * @param alsoCovers further catalog services the step checks
 */
public record PlaybookStep(int number, String title, String service, List<String> alsoCovers) {

  public PlaybookStep {
    alsoCovers = List.copyOf(alsoCovers);
  }

  /** A step about one service. */
  public static PlaybookStep of(int number, String title, String service) {
    return new PlaybookStep(number, title, service, List.of());
  }

  /** Every catalog service the step checks, its own first. */
  public List<String> services() {
    List<String> all = new ArrayList<>();
    all.add(service);
    all.addAll(alsoCovers);
    return all;
  }
}
