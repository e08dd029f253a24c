package io.rewardlens.sampledata;

/**
 * The SplitMix64 pseudo-random generator, written out so that a seed gives the same stream on every
 * JDK and platform: {@code java.util} generators leave some derived methods (bounded ints,
 * Gaussians) to the implementation, and the generated files are promised to be byte-identical.
 */
final class SplitMix64 {
    private static final double TWO_PI = 2 * Math.PI;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = state += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A value in {@code [0, bound)}; the multiply-shift bias is below 2^-32 per draw. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** A value in {@code [0, 1)}. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** A standard normal value (Box-Muller); StrictMath keeps it bit-exact across platforms. */
    double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(TWO_PI * u2);
    }

    /** A log-normal length with the given median and spread, clamped to {@code [min, max]}. */
    int logNormal(double median, double sigma, int min, int max) {
        double value = median * StrictMath.exp(sigma * nextGaussian());
        return (int) Math.max(min, Math.min(max, value));
    }

    /** An index drawn with probability proportional to {@code weights[i]}. */
    int weighted(int[] weights, int total) {
        int r = nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
