package io.rewardlens.ui.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it on. */
public final class MutableClock extends Clock {
    private Instant now;

    /**
     * Starts at an instant.
     *
     * @param start the first time it tells
     */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /**
     * Moves the clock on.
     *
     * @param step how far
     */
    public void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
