package dev.dp.health.checks;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where an OpenMetadata deployment is, from {@code dp.openmetadata.*}: the server (API) URL, its
 * admin URL ({@code /healthcheck}) and an optional JWT for its system status. The local twin cannot
 * run OpenMetadata, so this is empty unless a user points dp at a compose deployment.
 *
 * @param url the server URL, empty when not configured
 * @param adminUrl the admin URL; by default the server's host on the catalog's admin port
 * @param token a JWT of an admin or bot, or empty
 */
public record OpenMetadataEndpoint(String url, String adminUrl, String token) {

  static final String SERVER = "openmetadata-server";

  /** The endpoint the configuration names. */
  public static OpenMetadataEndpoint of(DpConfig config) {
    String url = config.get(DpSettings.OPENMETADATA_URL);
    String admin = config.get(DpSettings.OPENMETADATA_ADMIN_URL);
    if (admin.isEmpty() && !url.isEmpty()) {
      // compose publishes the seed's ports unshifted: no dp port offset here
      admin = withPort(url, config.catalog().require(SERVER).port("admin").basePort());
    }
    return new OpenMetadataEndpoint(url, admin, config.get(DpSettings.OPENMETADATA_TOKEN));
  }

  /** Whether a deployment is configured. */
  public boolean configured() {
    return !url.isEmpty();
  }

  static String withPort(String url, int port) {
    try {
      URI u = new URI(url);
      return new URI(u.getScheme(), null, u.getHost(), port, null, null, null).toString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url, e);
    }
  }
}
