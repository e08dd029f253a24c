package io.rewardlens.app;

/** Entry point of the RewardLens jar. */
public final class RewardLensMain {
    private RewardLensMain() {}

    /**
     * Runs the command line.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.out.println("RewardLens");
    }
}
