package dev.dp.generator;

import java.util.List;
import java.util.UUID;

/**
 * The random source of the workload: SplitMix64, written out here so that a seed yields the same
 * stream on every JVM. Its 64-bit state (unlike {@link java.util.Random}'s 48 bits) keeps generated
 * UUIDs from repeating across the millions of changes of a long run.
 *
 * <p>Change {@code i} of seed {@code s} always uses {@link #forChange(long, long) forChange(s, i)},
 * so it does not depend on what was drawn before: a restarted generator continues exactly where a
 * continuous run would be.
 */
public final class Rng {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final long SEEDING_STREAM = 0x5EED5EED5EED5EEDL;

  private long state;

  private Rng(long state) {
    this.state = state;
  }

  /** The stream of change number {@code change} of {@code seed}. */
  public static Rng forChange(long seed, long change) {
    return new Rng(mix(mix(seed) + GOLDEN_GAMMA * (change + 1)));
  }

  /** The stream that seeds the reference tables for {@code seed}. */
  public static Rng forSeeding(long seed) {
    return new Rng(mix(mix(seed) ^ SEEDING_STREAM));
  }

  /** A 64-bit finaliser (the SplitMix64 output function). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** 64 random bits. */
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** Uniform in {@code [0, bound)}. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Uniform in {@code [0, 1)}. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in {@code [min, max)}. */
  public double between(double min, double max) {
    return min + nextDouble() * (max - min);
  }

  /** True with probability {@code p}. */
  public boolean chance(double p) {
    return nextDouble() < p;
  }

  /** One element, uniformly. */
  public <T> T pick(List<T> values) {
    return values.get(nextInt(values.size()));
  }

  /** A version-4 (random) UUID drawn from this stream. */
  public UUID uuid() {
    long msb = (nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
