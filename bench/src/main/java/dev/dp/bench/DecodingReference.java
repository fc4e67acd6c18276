package dev.dp.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The physical reference of the bulk phase: PostgreSQL decoding the burst's WAL range with nothing
 * downstream (a second, temporary logical replication slot read with {@code
 * pg_logical_slot_get_changes}), beside the pipeline's throughput for the same rows.
 *
 * @param plugin the output plugin of the reference slot
 * @param fromLsn where the slot started (created right before the burst)
 * @param toLsn the source's WAL position after the burst committed
 * @param decodedRows row changes of the burst table the slot decoded
 * @param decodedMessages every message decoded (rows plus BEGIN/COMMIT and other tables)
 * @param decodingSeconds how long decoding took
 * @param decodedRowsPerSecond {@code decodedRows / decodingSeconds}: the ceiling of any logical
 *     decoding consumer on this machine
 * @param burstRows rows the burst inserted
 * @param pipelineSecondsToSilver from the burst's start until silver had applied all of it (ingest
 *     lag 0 after Debezium published the burst's last change)
 * @param pipelineRowsPerSecond {@code burstRows / pipelineSecondsToSilver}
 * @param pipelineToDecodingRatio {@code pipelineRowsPerSecond / decodedRowsPerSecond}
 * @param note why a figure is missing, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DecodingReference(
    String plugin,
    String fromLsn,
    String toLsn,
    Long decodedRows,
    Long decodedMessages,
    Double decodingSeconds,
    Double decodedRowsPerSecond,
    long burstRows,
    Double pipelineSecondsToSilver,
    Double pipelineRowsPerSecond,
    Double pipelineToDecodingRatio,
    String note) {

  /** What the reference slot decoded. */
  public record Decoded(
      String plugin, String fromLsn, String toLsn, long rows, long messages, double seconds) {}

  /**
   * The reference from what the slot decoded (null when it could not be measured, with {@code note}
   * saying why) and the pipeline's time to silver (null when silver did not catch up).
   */
  public static DecodingReference of(
      Decoded decoded, long burstRows, Double pipelineSecondsToSilver, String note) {
    Double pipelineRate =
        pipelineSecondsToSilver == null
            ? null
            : PhaseFigures.perSecond(burstRows, pipelineSecondsToSilver);
    if (decoded == null) {
      return new DecodingReference(
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          burstRows,
          pipelineSecondsToSilver,
          pipelineRate,
          null,
          note);
    }
    Double decodedRate = PhaseFigures.perSecond(decoded.rows(), decoded.seconds());
    Double ratio =
        pipelineRate == null || decodedRate == null || decodedRate == 0
            ? null
            : pipelineRate / decodedRate;
    return new DecodingReference(
        decoded.plugin(),
        decoded.fromLsn(),
        decoded.toLsn(),
        decoded.rows(),
        decoded.messages(),
        decoded.seconds(),
        decodedRate,
        burstRows,
        pipelineSecondsToSilver,
        pipelineRate,
        ratio,
        note);
  }
}
