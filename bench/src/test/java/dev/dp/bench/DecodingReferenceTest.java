package dev.dp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DecodingReferenceTest {

  private static final DecodingReference.Decoded DECODED =
      new DecodingReference.Decoded("test_decoding", "0/1000", "0/9000", 100_000, 100_020, 2.0);

  @Test
  void thePipelineIsReportedAsAShareOfWhatDecodingAloneReaches() {
    DecodingReference r = DecodingReference.of(DECODED, 100_000, 20.0, null);
    assertThat(r.decodedRowsPerSecond()).isEqualTo(50_000.0);
    assertThat(r.pipelineRowsPerSecond()).isEqualTo(5_000.0);
    assertThat(r.pipelineToDecodingRatio()).isCloseTo(0.1, within(1e-12));
    assertThat(r.decodedMessages()).isEqualTo(100_020);
    assertThat(r.fromLsn()).isEqualTo("0/1000");
  }

  @Test
  void withoutTheReferenceThePipelineFigureStaysAndTheNoteSaysWhy() {
    DecodingReference r = DecodingReference.of(null, 2_000, 4.0, "slot could not be created");
    assertThat(r.pipelineRowsPerSecond()).isEqualTo(500.0);
    assertThat(r.decodedRowsPerSecond()).isNull();
    assertThat(r.pipelineToDecodingRatio()).isNull();
    assertThat(r.note()).isEqualTo("slot could not be created");
  }

  @Test
  void aPipelineThatNeverCaughtUpHasNoRateNorRatio() {
    DecodingReference r = DecodingReference.of(DECODED, 100_000, null, null);
    assertThat(r.pipelineRowsPerSecond()).isNull();
    assertThat(r.pipelineToDecodingRatio()).isNull();
    assertThat(r.decodedRowsPerSecond()).isEqualTo(50_000.0);
  }
}
