package io.rewardlens.ui.inspect;

import io.rewardlens.ui.controls.ErrorBanner;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The inspection window, beside the workbench: tabs for the disagreement queue, reports and charts,
 * the models panel and the model comparison, with an error banner on top. Opening a pair in any tab
 * shows it in the workbench's pair view and brings the workbench forward, where the verdict keys
 * work as usual. Binds to an {@link InspectViewModel}; the window closes with the workbench.
 */
public final class InspectWindow {
    private static final String WORKBENCH_STYLESHEET = "/io/rewardlens/ui/workbench/workbench.css";
    private static final String STYLESHEET = "inspect.css";

    private final InspectViewModel viewModel;
    private final Stage stage = new Stage();
    private final Scene scene;
    private final TabPane tabs = new TabPane();
    private final Map<InspectTab, Tab> byKind = new EnumMap<>(InspectTab.class);

    /**
     * Builds the window (not shown yet).
     *
     * @param viewModel the inspection state
     * @param workbench the workbench's stage; this window closes when it does
     * @param showPairView brings the workbench's pair view forward with the keyboard's focus
     */
    public InspectWindow(InspectViewModel viewModel, Stage workbench, Runnable showPairView) {
        this.viewModel = viewModel;
        tabs.setId("inspect-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        TabPane disagreements = new TabPane();
        disagreements.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        disagreements
                .getTabs()
                .addAll(
                        new Tab(
                                "Model disagrees",
                                new DisagreementQueueView(viewModel, showPairView).node()),
                        new Tab(
                                "Annotators disagree",
                                new AnnotatorDisputesView(viewModel.disputes(), showPairView)
                                        .node()));
        add(InspectTab.DISAGREEMENTS, disagreements);
        add(InspectTab.CHARTS, new ChartsView(viewModel, showPairView).node());
        add(InspectTab.MODELS, new ModelsView(viewModel, stage).node());
        add(InspectTab.COMPARISON, new ComparisonView(viewModel, showPairView).node());
        tabs.getSelectionModel()
                .selectedItemProperty()
                .addListener((o, before, after) -> computeReportsOnFirstLook(after));

        BorderPane root = new BorderPane();
        root.setTop(ErrorBanner.of(viewModel.errorProperty(), viewModel::dismissError));
        root.setCenter(tabs);
        root.getStyleClass().addAll("workbench", "inspect-window");
        scene = new Scene(root, 1360, 860);
        scene.getStylesheets()
                .addAll(
                        InspectWindow.class.getResource(WORKBENCH_STYLESHEET).toExternalForm(),
                        InspectWindow.class.getResource(STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setTitle("RewardLens \u2013 inspect reward models");
        workbench
                .showingProperty()
                .addListener(
                        (o, was, showing) -> {
                            if (!showing) {
                                stage.close();
                            }
                        });
    }

    /**
     * Shows the window on a tab, no larger than the screen, and brings it forward.
     *
     * @param tab the tab to show
     */
    public void show(InspectTab tab) {
        tabs.getSelectionModel().select(byKind.get(tab));
        computeReportsOnFirstLook(byKind.get(tab));
        if (!stage.isShowing()) {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(scene.getWidth(), screen.getWidth()));
            stage.setHeight(Math.min(scene.getHeight(), screen.getHeight()));
            stage.show();
        }
        stage.toFront();
        stage.requestFocus();
    }

    /**
     * The window's scene, for snapshots.
     *
     * @return the scene
     */
    public Scene scene() {
        return scene;
    }

    /**
     * The window's stage.
     *
     * @return the stage
     */
    public Stage stage() {
        return stage;
    }

    private void add(InspectTab kind, Node content) {
        Tab tab = new Tab(kind.title(), content);
        tab.setId("tab-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        byKind.put(kind, tab);
        tabs.getTabs().add(tab);
    }

    /** The reports are computed the first time a tab showing them is looked at. */
    private void computeReportsOnFirstLook(Tab tab) {
        if (tab == byKind.get(InspectTab.CHARTS) || tab == byKind.get(InspectTab.COMPARISON)) {
            viewModel.analysis().computeOnce();
        }
    }
}
