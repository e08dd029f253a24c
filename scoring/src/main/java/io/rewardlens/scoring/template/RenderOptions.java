package io.rewardlens.scoring.template;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and environment for rendering an untrusted chat template: how long one render may take,
 * how much text it may produce, and the clock that the template's {@code strftime_now} reads (fix
 * it to make renderings of date-stamped templates reproducible).
 *
 * @param timeLimit the longest one render may run
 * @param maxOutputChars the most characters (UTF-16 units) the output, or any string built while
 *     rendering, may have
 * @param clock the clock behind {@code strftime_now}
 */
public record RenderOptions(Duration timeLimit, long maxOutputChars, Clock clock) {
    /** Five seconds, 16 Mi characters, the system clock in the local time zone. */
    public static final RenderOptions DEFAULT =
            new RenderOptions(Duration.ofSeconds(5), 16L * 1024 * 1024, Clock.systemDefaultZone());

    /** Checks that the limits are positive. */
    public RenderOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(clock, "clock");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, got " + timeLimit);
        }
        if (maxOutputChars <= 0) {
            throw new IllegalArgumentException(
                    "maxOutputChars must be positive, got " + maxOutputChars);
        }
    }

    /**
     * Returns these options with another time limit.
     *
     * @param limit the new limit
     * @return the changed options
     */
    public RenderOptions withTimeLimit(Duration limit) {
        return new RenderOptions(limit, maxOutputChars, clock);
    }

    /**
     * Returns these options with another output size limit.
     *
     * @param chars the new limit in characters
     * @return the changed options
     */
    public RenderOptions withMaxOutputChars(long chars) {
        return new RenderOptions(timeLimit, chars, clock);
    }

    /**
     * Returns these options with another clock.
     *
     * @param newClock the clock {@code strftime_now} reads
     * @return the changed options
     */
    public RenderOptions withClock(Clock newClock) {
        return new RenderOptions(timeLimit, maxOutputChars, newClock);
    }
}
