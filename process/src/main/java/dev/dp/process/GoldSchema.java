package dev.dp.process;

import dev.dp.catalog.ClasspathText;
import java.util.List;

/**
 * The {@code gold} schema of {@code postgres-dest}: the five {@link GoldTable gold tables}, the
 * refresh watermark and the five views for people who query gold directly. Its DDL (resource
 * {@value #DDL_RESOURCE}) is idempotent, so the process job can run it before every refresh.
 */
public final class GoldSchema {

  /** The schema name. */
  public static final String SCHEMA = "gold";

  /** Classpath location of the DDL. */
  public static final String DDL_RESOURCE = "/gold/postgres-ddl.sql";

  /**
   * One row per refresh: {@code refresh_id bigserial}, {@code refreshed_at timestamptz}, {@code
   * silver_versions jsonb} (silver table name to the Delta version read), {@code row_counts jsonb}
   * (gold table name to its row count after the refresh, may be null).
   */
  public static final String WATERMARK_TABLE = "gold.refresh_watermark";

  /** The views, in the order DOMAIN.md lists them (definitions in docs/gold.md). */
  public static final List<String> VIEWS =
      List.of(
          "gold.recent_high_threats",
          "gold.units_needing_resupply",
          "gold.engagement_success_rate_by_region",
          "gold.combat_strength_by_region",
          "gold.unresolved_critical_alerts");

  private GoldSchema() {}

  /** The DDL script (several statements; run it with one {@code Statement.execute}). */
  public static String ddl() {
    return ClasspathText.read(DDL_RESOURCE);
  }
}
