package io.rewardlens.ui.inspect;

/** The tabs of the inspection window, in their order. */
public enum InspectTab {
    /** The disagreement queue. */
    DISAGREEMENTS("Disagreements"),
    /** Reports and charts of accuracy and bias. */
    CHARTS("Reports and charts"),
    /** The models panel and its scoring jobs. */
    MODELS("Models"),
    /** Several models' scores side by side, their agreement and conflicts. */
    COMPARISON("Model comparison");

    private final String title;

    InspectTab(String title) {
        this.title = title;
    }

    /**
     * The tab's title.
     *
     * @return the title
     */
    public String title() {
        return title;
    }
}
