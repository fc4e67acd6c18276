package dev.dp.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Reads the {@link SourcePosition} of a change from the envelope's {@code source} block: {@code
 * sequence} (a string holding a JSON array of two LSN strings), falling back to {@code lsn} when
 * the sequence is absent or unusable.
 */
final class SourcePositionReader {

  private final ObjectMapper mapper;

  SourcePositionReader(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  SourcePosition read(JsonNode source, Op op) throws Rejection {
    return read(source, op == Op.READ);
  }

  /** The position of a snapshot row ({@code snapshot}) or of a streamed event. */
  SourcePosition read(JsonNode source, boolean snapshot) throws Rejection {
    Long lastCommit = null;
    Long event = null;
    JsonNode sequence = source.get("sequence");
    if (sequence != null && sequence.isTextual()) {
      try {
        JsonNode pair = mapper.readTree(sequence.asText());
        if (pair != null && pair.isArray() && pair.size() == 2) {
          lastCommit = lsn(pair.get(0));
          event = lsn(pair.get(1));
        }
      } catch (IOException | NumberFormatException e) {
        // unusable sequence: fall back to source.lsn below
        lastCommit = null;
        event = null;
      }
    }
    if (event == null) {
      lastCommit = null;
      try {
        event = lsn(source.get("lsn"));
      } catch (NumberFormatException e) {
        event = null;
      }
    }
    if (event == null) {
      throw new Rejection(
          QuarantineReason.MISSING_POSITION,
          "source has neither a sequence [commit LSN, event LSN] nor an lsn: "
              + ValueConverter.abbreviate(String.valueOf(source)));
    }
    return snapshot ? SourcePosition.snapshot(event) : SourcePosition.streamed(lastCommit, event);
  }

  /**
   * An LSN written as a number or a decimal string; null for JSON null or absent.
   *
   * @throws NumberFormatException for anything else
   */
  private static Long lsn(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      BigInteger value = node.bigIntegerValue();
      if (value.signum() < 0 || value.bitLength() > Long.SIZE) {
        throw new NumberFormatException("not an LSN: " + node);
      }
      return value.longValue();
    }
    if (node.isTextual()) {
      return Long.parseUnsignedLong(node.asText().trim());
    }
    throw new NumberFormatException("not an LSN: " + node);
  }
}
