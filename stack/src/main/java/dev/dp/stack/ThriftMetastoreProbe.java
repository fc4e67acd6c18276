package dev.dp.stack;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks a Hive Metastore for its databases ({@code get_all_databases}) over the Thrift binary
 * protocol, so readiness and health mean "answers a real metastore call" without putting Hive's
 * jars into the dp CLI. Only this one call is implemented.
 */
public final class ThriftMetastoreProbe {

  private static final int VERSION_1 = 0x80010000;
  private static final byte CALL = 1;
  private static final byte REPLY = 2;
  private static final byte TYPE_STOP = 0;
  private static final byte TYPE_STRING = 11;
  private static final byte TYPE_LIST = 15;
  private static final int TIMEOUT_MS = 5_000;
  private static final String METHOD = "get_all_databases";

  private ThriftMetastoreProbe() {}

  /** The metastore's database names (5 s connect and read timeouts). */
  static List<String> allDatabases(String host, int port) throws IOException {
    return allDatabases(host, port, TIMEOUT_MS);
  }

  /**
   * The metastore's database names, connecting and waiting for the answer at most {@code timeoutMs}
   * each.
   *
   * @throws IOException when it does not answer in time, or answers with an error
   */
  public static List<String> allDatabases(String host, int port, int timeoutMs) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMs);
      socket.setSoTimeout(timeoutMs);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      byte[] name = METHOD.getBytes(StandardCharsets.UTF_8);
      out.writeInt(VERSION_1 | CALL);
      out.writeInt(name.length);
      out.write(name);
      out.writeInt(1); // sequence id
      out.writeByte(TYPE_STOP); // the call has no arguments
      out.flush();

      DataInputStream in = new DataInputStream(socket.getInputStream());
      int header = in.readInt();
      if ((header & 0xffff0000) != VERSION_1 || (header & 0xff) != REPLY) {
        throw new IOException("unexpected Thrift reply header 0x" + Integer.toHexString(header));
      }
      in.skipNBytes(in.readInt()); // method name
      in.readInt(); // sequence id
      byte type = in.readByte();
      short field = type == TYPE_STOP ? -1 : in.readShort();
      if (type != TYPE_LIST || field != 0) {
        throw new IOException("the metastore answered with an error (field " + field + ")");
      }
      byte elementType = in.readByte();
      int size = in.readInt();
      if (elementType != TYPE_STRING || size < 0) {
        throw new IOException("unexpected list of type " + elementType);
      }
      List<String> names = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        names.add(new String(b, StandardCharsets.UTF_8));
      }
      return names;
    }
  }
}
