package io.rewardlens.ui.tokens;

/**
 * A diverging colour scale for changes of score, symmetric around zero: a change maps to a level
 * from {@code -LEVELS} (the largest loss) through 0 (no colour) to {@code +LEVELS} (the largest
 * gain). Its bound is the largest |change| of the texts it colours, so gains and losses of the same
 * size always get the same strength of colour.
 *
 * @param bound the |change| that gets the strongest colour; 0 when nothing changes
 */
public record HeatScale(double bound) {
    /** How many strengths of colour each sign has. */
    public static final int LEVELS = 5;

    /** Rejects a negative or non-finite bound. */
    public HeatScale {
        if (!(bound >= 0) || Double.isInfinite(bound)) {
            throw new IllegalArgumentException("bad heat scale bound " + bound);
        }
    }

    /**
     * The scale whose bound is the largest |change| among some messages' runs.
     *
     * @param messages the messages the scale will colour
     * @return the scale
     */
    public static HeatScale over(Iterable<MessageHeat> messages) {
        double bound = 0;
        for (MessageHeat message : messages) {
            bound = Math.max(bound, message.largestChange());
        }
        return new HeatScale(bound);
    }

    /**
     * The colour level of a change: its share of the bound, rounded to one of {@link #LEVELS} steps
     * and signed; changes under half a step get no colour.
     *
     * @param delta a change of score
     * @return the level, from {@code -LEVELS} to {@code LEVELS}
     */
    public int level(double delta) {
        if (bound == 0 || delta == 0 || Double.isNaN(delta)) {
            return 0;
        }
        int steps = (int) Math.round(Math.min(1.0, Math.abs(delta) / bound) * LEVELS);
        return delta > 0 ? steps : -steps;
    }
}
