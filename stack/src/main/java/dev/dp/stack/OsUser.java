package dev.dp.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL refuses to run as root. When dp runs as root, PostgreSQL processes run as the {@code
 * postgres} system user (created by the Debian package) and own their data directories.
 */
final class OsUser {

  static final String POSTGRES = "postgres";

  private OsUser() {}

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** The command prefixed so that it runs as {@code postgres} when dp is root. */
  static List<String> asPostgres(List<String> command) {
    if (!isRoot()) {
      return command;
    }
    List<String> out =
        new ArrayList<>(
            List.of(
                "setpriv", "--reuid=" + POSTGRES, "--regid=" + POSTGRES, "--init-groups", "--"));
    out.addAll(command);
    return out;
  }

  /**
   * Makes {@code dir} usable by the postgres user: owner postgres, and every ancestor traversable
   * (execute bit for others, never read), which a checkout under {@code /root} otherwise blocks.
   *
   * @return ancestors whose mode was widened, for the log
   */
  static List<Path> handOver(Path dir) throws IOException {
    List<Path> widened = new ArrayList<>();
    if (!isRoot()) {
      return widened;
    }
    UserPrincipal pg =
        dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(POSTGRES);
    Files.setOwner(dir, pg);
    for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
      if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
        perms.add(PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(p, perms);
        widened.add(p);
      }
    }
    return widened;
  }
}
