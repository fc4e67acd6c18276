package dev.dp.bench;

import dev.dp.catalog.SourceTables;
import dev.dp.stack.DatabaseEndpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The bulk phase's load: rows inserted straight into {@code public.engagement_events} with {@code
 * INSERT … SELECT generate_series}, split into a number of transactions. The rows are valid for the
 * domain, so the gold oracle still equals gold afterwards: every row references an existing weapon,
 * its carrying unit as the attacker and an existing target (the generator never deletes units,
 * weapons or targets), and {@code hit}/{@code result} agree as the generator's do. Nothing
 * references engagement events, so the generator may later age them out like its own. They are
 * marked {@code src = 'dp_bench'}.
 */
public final class Burst {

  /** The table the burst writes to. */
  static final String TABLE = SourceTables.qualified("engagement_events");

  static final String SRC = "dp_bench";

  private static final String INSERT =
      "WITH w AS (SELECT id, unit_id, row_number() OVER (ORDER BY id) - 1 AS k"
          + "           FROM public.weapons WHERE unit_id IS NOT NULL),"
          + "     t AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM public.targets)"
          + " INSERT INTO "
          + TABLE
          + " (id, src, attacker_id, target_id, weapon_id, hit, result, roe_compliant, event_time)"
          + " SELECT gen_random_uuid(), '"
          + SRC
          + "', w.unit_id, t.id, w.id, g % 20 < 11,"
          + "   (CASE WHEN g % 20 < 11 THEN CASE WHEN g % 2 = 0 THEN 'destroyed' ELSE 'damaged' END"
          + "         ELSE CASE WHEN g % 2 = 0 THEN 'escaped' ELSE 'missed' END"
          + "    END)::public.engagement_result,"
          + "   g % 10 <> 0, now()"
          + " FROM generate_series(?::bigint, ?::bigint) AS g"
          + " JOIN w ON w.k = g % (SELECT count(*) FROM w)"
          + " JOIN t ON t.k = (g / 7) % (SELECT count(*) FROM t)";

  private Burst() {}

  /**
   * Rows per transaction: {@code rows} split as evenly as possible over {@code transactions}, the
   * first ones one row larger.
   */
  static long[] split(long rows, int transactions) {
    long[] sizes = new long[transactions];
    for (int i = 0; i < transactions; i++) {
      sizes[i] = rows / transactions + (i < rows % transactions ? 1 : 0);
    }
    return sizes;
  }

  /**
   * Inserts the burst, one committed transaction per part.
   *
   * @return rows inserted
   * @throws IllegalStateException when the source has no weapons or targets to reference yet
   */
  public static long insert(DatabaseEndpoint source, long rows, int transactions)
      throws SQLException {
    try (Connection c = source.connect()) {
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT (SELECT count(*) FROM public.weapons WHERE unit_id IS NOT NULL),"
                      + " (SELECT count(*) FROM public.targets)")) {
        rs.next();
        if (rs.getLong(1) == 0 || rs.getLong(2) == 0) {
          throw new IllegalStateException(
              "postgres-source has no weapons or targets for the burst to reference: the"
                  + " data-generator seeds them on its first start");
        }
      }
      c.setAutoCommit(false);
      long inserted = 0;
      long next = 0;
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        for (long size : split(rows, transactions)) {
          ps.setLong(1, next);
          ps.setLong(2, next + size - 1);
          inserted += ps.executeUpdate();
          c.commit();
          next += size;
        }
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
      return inserted;
    }
  }
}
