package dev.dp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RngTest {

  @Test
  void uuidsAreVersion4() {
    UUID id = Rng.forChange(42, 0).uuid();
    assertThat(id.version()).isEqualTo(4);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void eachChangeHasItsOwnReproducibleStream() {
    assertThat(Rng.forChange(42, 5).nextLong()).isEqualTo(Rng.forChange(42, 5).nextLong());
    Set<Long> firsts = new HashSet<>();
    for (long i = 0; i < 100_000; i++) {
      firsts.add(Rng.forChange(42, i).nextLong());
    }
    firsts.add(Rng.forSeeding(42).nextLong());
    assertThat(firsts).hasSize(100_001);
  }

  @Test
  void boundedDrawsStayInBounds() {
    Rng r = Rng.forSeeding(1);
    for (int k = 0; k < 10_000; k++) {
      assertThat(r.nextInt(7)).isBetween(0, 6);
      assertThat(r.nextDouble()).isGreaterThanOrEqualTo(0).isLessThan(1);
    }
  }
}
