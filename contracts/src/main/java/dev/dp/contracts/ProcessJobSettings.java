package dev.dp.contracts;

import java.nio.file.Path;

/**
 * What {@code spark-job-process} is started with: written by the launcher to {@code
 * DP_HOME/run/dp_spark_process.settings.json}, whose path is the job's only argument. The password
 * is not in the file: the launcher passes it in the environment variable {@link #PASSWORD_ENV}.
 *
 * @param destJdbcUrl JDBC URL of {@code postgres-dest}
 * @param destUser its user
 * @param progressFile where to write {@link ProcessProgress}
 * @param visibilityFile where to append {@link Visibility} records
 * @param pollMillis how often silver is checked for new versions
 */
public record ProcessJobSettings(
    String destJdbcUrl, String destUser, Path progressFile, Path visibilityFile, long pollMillis) {

  /** The environment variable holding the password of {@link #destUser}. */
  public static final String PASSWORD_ENV = "DP_DEST_PASSWORD";

  /** Reads the settings file the launcher wrote. */
  public static ProcessJobSettings read(Path file) {
    return ProgressFile.read(file, ProcessJobSettings.class)
        .orElseThrow(() -> new IllegalArgumentException("no process job settings at " + file));
  }
}
