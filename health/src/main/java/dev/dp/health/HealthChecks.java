package dev.dp.health;

import dev.dp.health.checks.DebeziumCheck;
import dev.dp.health.checks.DestinationCheck;
import dev.dp.health.checks.GeneratorCheck;
import dev.dp.health.checks.HdfsCheck;
import dev.dp.health.checks.IngestJobCheck;
import dev.dp.health.checks.KafkaCheck;
import dev.dp.health.checks.KafkaUiCheck;
import dev.dp.health.checks.MetastoreCheck;
import dev.dp.health.checks.MetastoreDbCheck;
import dev.dp.health.checks.OpenMetadataCheck;
import dev.dp.health.checks.OpenMetadataStatus;
import dev.dp.health.checks.ProcessJobCheck;
import dev.dp.health.checks.SourceDatabaseCheck;
import dev.dp.health.checks.SparkMasterCheck;
import dev.dp.health.checks.SparkWorkerCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The playbook as a table: one check per step of the seed guide's section 3, in its order. Made
 * fresh per run (the OpenMetadata steps share one set of requests within a run).
 */
public final class HealthChecks {

  private HealthChecks() {}

  /** The 18 checks, step 1 to 18. */
  public static List<HealthCheck<?>> standard() {
    Function<ProbeContext, OpenMetadataStatus> openMetadata = once(OpenMetadataCheck::ask);
    List<HealthCheck<?>> checks = new ArrayList<>();
    checks.add(new GeneratorCheck());
    checks.add(new SourceDatabaseCheck());
    checks.add(new KafkaCheck());
    checks.add(new DebeziumCheck());
    checks.add(new KafkaUiCheck());
    checks.add(new HdfsCheck());
    checks.add(new MetastoreDbCheck());
    checks.add(new MetastoreCheck());
    checks.add(new SparkMasterCheck());
    checks.add(new SparkWorkerCheck());
    checks.add(new IngestJobCheck());
    checks.add(new ProcessJobCheck());
    checks.add(new DestinationCheck());
    for (OpenMetadataCheck.Part part : OpenMetadataCheck.Part.values()) {
      checks.add(new OpenMetadataCheck(part, openMetadata));
    }
    return List.copyOf(checks);
  }

  /** {@code f} evaluated by its first caller; later (and concurrent) callers get that value. */
  static <T> Function<ProbeContext, T> once(Function<ProbeContext, T> f) {
    Object lock = new Object();
    List<T> value = new ArrayList<>(1);
    return ctx -> {
      synchronized (lock) {
        if (value.isEmpty()) {
          value.add(f.apply(ctx));
        }
        return value.get(0);
      }
    };
  }
}
