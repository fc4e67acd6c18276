package dev.dp.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Hides secrets in configurations the console shows (the connector's): values of settings whose
 * name says they are secret, and credentials written inside other values (URLs with a password,
 * {@code password=} parameters, JAAS configurations).
 */
public final class SecretMasker {

  /** What a hidden value is shown as. */
  public static final String MASK = "********";

  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(password|passwd|secret|token|credential|sasl\\.jaas\\.config"
              + "|api[._-]?key|private[._-]?key|access[._-]?key|ssl\\.key\\b).*");
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile(
          "(?i)((?:password|passwd|pwd|secret|token)\\s*[=:]\\s*)(\"[^\"]*\"|[^&;,\\s\"]+)");
  private static final Pattern URL_USER_INFO = Pattern.compile("(://[^:/@\\s]+:)([^@/\\s]+)(@)");

  private SecretMasker() {}

  /** A copy of {@code config} (same order) with every secret replaced by {@link #MASK}. */
  public static Map<String, String> mask(Map<String, String> config) {
    Map<String, String> out = new LinkedHashMap<>();
    config.forEach((k, v) -> out.put(k, maskValue(k, v)));
    return out;
  }

  /** Whether a setting of that name holds a secret. */
  public static boolean isSecretName(String name) {
    return SECRET_NAME.matcher(name).matches();
  }

  /** The value as shown: masked whole for a secret setting, its embedded credentials otherwise. */
  public static String maskValue(String name, String value) {
    if (value == null) {
      return null;
    }
    if (isSecretName(name)) {
      return MASK;
    }
    String v = PASSWORD_PARAMETER.matcher(value).replaceAll("$1" + MASK);
    return URL_USER_INFO.matcher(v).replaceAll("$1" + MASK + "$3");
  }
}
