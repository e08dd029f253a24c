package io.rewardlens.ui.workbench;

import io.rewardlens.storage.Verdict;
import io.rewardlens.ui.annotate.AnnotationViewModel;
import io.rewardlens.ui.annotate.DisplaySide;
import io.rewardlens.ui.annotate.EditPane;
import io.rewardlens.ui.annotate.PairView;
import io.rewardlens.ui.annotate.QueueBar;
import io.rewardlens.ui.annotate.QueueFilter;
import io.rewardlens.ui.annotate.Shortcut;
import io.rewardlens.ui.annotate.VerdictBar;
import io.rewardlens.ui.controls.ErrorBanner;
import io.rewardlens.ui.controls.ModelBundleDialog;
import io.rewardlens.ui.inspect.InspectTab;
import io.rewardlens.ui.inspect.InspectWindow;
import io.rewardlens.ui.settings.Settings;
import io.rewardlens.ui.settings.Theme;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The workbench window: menus, the error and demo banners, the queue bar, the pair view, the
 * response editor, the verdict bar and the status bar. Every key of {@link Shortcut} works wherever
 * the focus is, except while typing in a text field. Binds to a {@link WorkbenchViewModel} and
 * forwards menu choices and keys to it.
 */
public final class WorkbenchWindow {
    private static final String STYLESHEET =
            WorkbenchWindow.class.getResource("workbench.css").toExternalForm();

    private static final String PRIMER_LIGHT = "/atlantafx/base/theme/primer-light.bss";
    private static final String PRIMER_DARK = "/atlantafx/base/theme/primer-dark.bss";

    private final WorkbenchViewModel viewModel;
    private final Stage stage;
    private final Scene scene;
    private final BorderPane root = new BorderPane();
    private final VerdictBar verdictBar;
    private InspectWindow inspectWindow;
    private boolean swallowTyped;

    /**
     * Builds the window on a stage (not shown yet).
     *
     * @param viewModel the workbench state
     * @param stage the stage to use
     */
    public WorkbenchWindow(WorkbenchViewModel viewModel, Stage stage) {
        this.viewModel = viewModel;
        this.stage = stage;
        AnnotationViewModel annotation = viewModel.annotation();

        PairView pairView = new PairView(annotation);
        verdictBar = new VerdictBar(annotation, this::perform);
        EditPane editPane = new EditPane(viewModel.edit());
        QueueBar queueBar =
                new QueueBar(
                        annotation,
                        viewModel.datasetsProperty(),
                        viewModel.sourcesProperty(),
                        viewModel.modelInfoProperty().isNotNull());
        StatusBar statusBar = new StatusBar(viewModel);

        VBox top =
                new VBox(
                        menuBar(),
                        ErrorBanner.of(viewModel.errorProperty(), viewModel::dismissError),
                        demoBanner(),
                        readOnlyBanner(),
                        queueBar.node());
        top.getStyleClass().add("workbench-top");
        VBox bottom = new VBox(editPane.node(), verdictBar.node(), statusBar.node());
        bottom.getStyleClass().add("workbench-bottom");
        root.setTop(top);
        root.setCenter(pairView.node());
        root.setBottom(bottom);
        root.getStyleClass().add("workbench");

        scene = new Scene(root, 1400, 900);
        scene.getStylesheets().add(STYLESHEET);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.addEventFilter(KeyEvent.KEY_TYPED, this::onTyped);
        scene.addEventFilter(KeyEvent.KEY_RELEASED, event -> swallowTyped = false);
        stage.setScene(scene);
        stage.titleProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> {
                                    Path file = viewModel.databasePathProperty().get();
                                    return "RewardLens"
                                            + (file == null ? "" : " \u2013 " + file.getFileName());
                                },
                                viewModel.databasePathProperty()));
        applyTheme(viewModel.settingsProperty().get().theme());
        viewModel.settingsProperty().addListener((o, before, after) -> applyTheme(after.theme()));
        Thread.currentThread()
                .setUncaughtExceptionHandler(
                        (thread, error) ->
                                viewModel.showError(
                                        "Unexpected error: " + WorkbenchViewModel.describe(error)));
    }

    /**
     * The window's scene.
     *
     * @return the scene
     */
    public Scene scene() {
        return scene;
    }

    /** Shows the window, no larger than the screen, and gives the keyboard to the workbench. */
    public void show() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(scene.getWidth(), screen.getWidth()));
        stage.setHeight(Math.min(scene.getHeight(), screen.getHeight()));
        stage.show();
        root.requestFocus();
    }

    /**
     * Sets AtlantaFX's Primer theme. Only its style sheets are used, never its classes: the
     * AtlantaFX 2.1.0 jar is compiled for Java 21, the workbench runs on Java 17.
     */
    private static void applyTheme(Theme theme) {
        String sheet = theme == Theme.DARK ? PRIMER_DARK : PRIMER_LIGHT;
        Application.setUserAgentStylesheet(
                WorkbenchWindow.class.getResource(sheet).toExternalForm());
    }

    private void onKey(KeyEvent event) {
        if (scene.getFocusOwner() instanceof TextInputControl) {
            return;
        }
        Shortcut shortcut = Shortcut.of(event);
        if (shortcut != null) {
            event.consume();
            // The key's typed character belongs to the shortcut, not to a field it focuses.
            swallowTyped = true;
            perform(shortcut);
        }
    }

    private void onTyped(KeyEvent event) {
        if (swallowTyped) {
            swallowTyped = false;
            event.consume();
        }
    }

    /** Runs what a shortcut stands for (from its key or its button). */
    private void perform(Shortcut shortcut) {
        AnnotationViewModel annotation = viewModel.annotation();
        switch (shortcut) {
            case A_BETTER -> annotation.giveVerdict(Verdict.A_BETTER);
            case B_BETTER -> annotation.giveVerdict(Verdict.B_BETTER);
            case TIE -> annotation.giveVerdict(Verdict.TIE);
            case BOTH_BAD -> annotation.giveVerdict(Verdict.BOTH_BAD);
            case SKIP -> annotation.skip();
            case PREVIOUS -> annotation.previous();
            case NEXT -> annotation.next();
            case UNDO -> annotation.undo();
            case STRENGTH_1 -> annotation.setStrength(1);
            case STRENGTH_2 -> annotation.setStrength(2);
            case STRENGTH_3 -> annotation.setStrength(3);
            case RATIONALE -> verdictBar.focusRationale();
            case DIFF -> annotation.toggleDiff();
            case HEAT -> annotation.toggleHeat();
            case CHART -> annotation.toggleChart();
            case EDIT_A -> viewModel.edit().start(DisplaySide.A);
            case EDIT_B -> viewModel.edit().start(DisplaySide.B);
            case HELP -> KeysDialog.show(stage, annotation.tagsProperty().get());
            default -> annotation.toggleTag(shortcut.ordinal() - Shortcut.TAG_1.ordinal());
        }
    }

    private MenuBar menuBar() {
        AnnotationViewModel annotation = viewModel.annotation();
        MenuItem openDatabase = item("_Open database\u2026", KeyCode.O, this::chooseDatabase);
        MenuItem importDataset = item("_Import dataset\u2026", KeyCode.I, this::chooseImport);
        CheckMenuItem requireBlind =
                check(
                        "_Require blind mode for this database",
                        viewModel.blindRequiredProperty(),
                        viewModel::setBlindRequired);
        requireBlind.disableProperty().bind(viewModel.databasePathProperty().isNull());
        MenuItem settings = item("_Settings\u2026", KeyCode.COMMA, this::editSettings);
        MenuItem quit = item("_Quit", KeyCode.Q, stage::close);
        Menu file =
                new Menu(
                        "_File",
                        null,
                        openDatabase,
                        importDataset,
                        new SeparatorMenuItem(),
                        requireBlind,
                        settings,
                        new SeparatorMenuItem(),
                        quit);

        MenuItem openModel = item("_Open\u2026", KeyCode.M, this::chooseModel);
        MenuItem scoreDataset = new MenuItem("_Score the queue's dataset");
        scoreDataset.setOnAction(event -> viewModel.scoreDataset());
        scoreDataset.disableProperty().bind(viewModel.modelInfoProperty().isNull());
        Menu model = new Menu("_Model", null, openModel, scoreDataset);

        Menu queue = queueMenu(annotation);

        CheckMenuItem diff =
                check(
                        "Word _diff of A and B [D]",
                        annotation.diffShownProperty(),
                        on -> annotation.toggleDiff());
        CheckMenuItem heat =
                check(
                        "Token _heat [H]",
                        annotation.heatShownProperty(),
                        on -> annotation.toggleHeat());
        CheckMenuItem chart =
                check(
                        "Score _chart along the tokens [G]",
                        annotation.chartShownProperty(),
                        on -> annotation.toggleChart());
        CheckMenuItem blind =
                check("_Blind mode", annotation.blindProperty(), viewModel::setBlindMode);
        blind.disableProperty().bind(viewModel.blindRequiredProperty());
        CheckMenuItem dark =
                check(
                        "Dar_k theme",
                        Bindings.createBooleanBinding(
                                () -> viewModel.settingsProperty().get().theme() == Theme.DARK,
                                viewModel.settingsProperty()),
                        on -> viewModel.setTheme(on ? Theme.DARK : Theme.LIGHT));
        Menu view = new Menu("_View", null, diff, heat, chart, blind, dark);

        Menu inspect = new Menu("_Inspect");
        KeyCode[] inspectKeys = {KeyCode.D, KeyCode.R, KeyCode.M, KeyCode.C};
        for (InspectTab tab : InspectTab.values()) {
            MenuItem open = new MenuItem(tab.title() + "\u2026");
            open.setAccelerator(
                    new KeyCodeCombination(
                            inspectKeys[tab.ordinal()],
                            KeyCombination.SHORTCUT_DOWN,
                            KeyCombination.SHIFT_DOWN));
            open.setOnAction(event -> showInspect(tab));
            inspect.getItems().add(open);
        }

        MenuItem keys = new MenuItem("_Keys [F1]");
        keys.setOnAction(event -> KeysDialog.show(stage, annotation.tagsProperty().get()));
        Menu help = new Menu("_Help", null, keys);

        MenuBar bar = new MenuBar(file, model, queue, view, inspect, help);
        bar.setFocusTraversable(false);
        return bar;
    }

    /**
     * The queue's filters as menu items, so they too work from the keyboard (Alt+Q or F10): the
     * dataset and source to walk, unannotated pairs only, pairs where the model disagrees.
     */
    private Menu queueMenu(AnnotationViewModel annotation) {
        Menu datasets = new Menu("_Dataset");
        Menu sources = new Menu("_Source");
        Runnable fill =
                () -> {
                    QueueFilter filter = annotation.filterProperty().get();
                    fillChoices(
                            datasets,
                            "All datasets",
                            viewModel.datasetsProperty().get(),
                            filter.dataset(),
                            name ->
                                    annotation.setFilter(
                                            annotation.filterProperty().get().withDataset(name)));
                    fillChoices(
                            sources,
                            "All sources",
                            viewModel.sourcesProperty().get(),
                            filter.source(),
                            value ->
                                    annotation.setFilter(
                                            annotation.filterProperty().get().withSource(value)));
                };
        viewModel.datasetsProperty().addListener((o, before, after) -> fill.run());
        viewModel.sourcesProperty().addListener((o, before, after) -> fill.run());
        annotation.filterProperty().addListener((o, before, after) -> fill.run());
        fill.run();
        CheckMenuItem unannotated =
                check(
                        "_Unannotated only",
                        Bindings.createBooleanBinding(
                                () -> annotation.filterProperty().get().unannotatedOnly(),
                                annotation.filterProperty()),
                        on ->
                                annotation.setFilter(
                                        annotation.filterProperty().get().withUnannotatedOnly(on)));
        CheckMenuItem disagrees =
                check(
                        "RM disagrees with _label",
                        Bindings.createBooleanBinding(
                                () -> annotation.filterProperty().get().disagreesWithLabel(),
                                annotation.filterProperty()),
                        on ->
                                annotation.setFilter(
                                        annotation
                                                .filterProperty()
                                                .get()
                                                .withDisagreesWithLabel(on)));
        disagrees.disableProperty().bind(viewModel.modelInfoProperty().isNull());
        return new Menu("_Queue", null, datasets, sources, unannotated, disagrees);
    }

    private static void fillChoices(
            Menu menu,
            String all,
            List<String> values,
            String selected,
            java.util.function.Consumer<String> choose) {
        ToggleGroup group = new ToggleGroup();
        List<MenuItem> items = new java.util.ArrayList<>();
        RadioMenuItem everything = new RadioMenuItem(all);
        everything.setMnemonicParsing(false);
        everything.setToggleGroup(group);
        everything.setSelected(selected == null);
        everything.setOnAction(event -> choose.accept(null));
        items.add(everything);
        for (String value : values) {
            RadioMenuItem item = new RadioMenuItem(value);
            item.setMnemonicParsing(false);
            item.setToggleGroup(group);
            item.setSelected(value.equals(selected));
            item.setOnAction(event -> choose.accept(value));
            items.add(item);
        }
        menu.getItems().setAll(items);
    }

    /**
     * A check item that shows a view-model state and asks for the opposite when chosen. Not bound:
     * a menu sets its check item's state itself when it is chosen, which a binding forbids.
     */
    private static CheckMenuItem check(
            String text,
            javafx.beans.value.ObservableValue<Boolean> state,
            java.util.function.Consumer<Boolean> change) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setSelected(Boolean.TRUE.equals(state.getValue()));
        state.addListener((o, before, after) -> item.setSelected(Boolean.TRUE.equals(after)));
        item.setOnAction(
                event -> {
                    boolean wanted = item.isSelected();
                    item.setSelected(Boolean.TRUE.equals(state.getValue()));
                    change.accept(wanted);
                });
        return item;
    }

    /**
     * Opens the inspection window (disagreement queue, reports, models) on a tab; a pair opened
     * there comes back to this window's pair view.
     *
     * @param tab the tab to show
     * @return the inspection window
     */
    public InspectWindow showInspect(InspectTab tab) {
        if (inspectWindow == null) {
            inspectWindow =
                    new InspectWindow(
                            viewModel.inspect(),
                            stage,
                            () -> {
                                stage.toFront();
                                stage.requestFocus();
                                root.requestFocus();
                            });
        }
        inspectWindow.show(tab);
        return inspectWindow;
    }

    private static MenuItem item(String text, KeyCode key, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN));
        item.setOnAction(event -> action.run());
        return item;
    }

    private Node demoBanner() {
        Label message =
                new Label(
                        "Demo model: tiny-qwen3 with random weights, so its scores mean nothing."
                                + " Model \u2192 Open\u2026 loads a real reward-model bundle.");
        message.getStyleClass().add("demo-text");
        message.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button open = new Button("Open a model\u2026");
        open.setFocusTraversable(false);
        open.setOnAction(event -> chooseModel());
        HBox banner = new HBox(message, gap, open);
        banner.getStyleClass().add("demo-banner");
        banner.visibleProperty().bind(viewModel.demoModelProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Node readOnlyBanner() {
        AnnotationViewModel annotation = viewModel.annotation();
        Label message = new Label();
        message.textProperty()
                .bind(
                        Bindings.concat(
                                "Read-only database (",
                                annotation.readOnlyReasonProperty(),
                                "): browse and score as usual; verdicts, imports and scores are"
                                        + " not saved."));
        message.getStyleClass().add("demo-text");
        message.setWrapText(true);
        HBox banner = new HBox(message);
        banner.getStyleClass().addAll("demo-banner", "read-only-banner");
        banner.visibleProperty().bind(annotation.readOnlyReasonProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private void chooseDatabase() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open or create a RewardLens database");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("RewardLens databases", "*.db", "*.sqlite"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            viewModel.openDatabase(chosen.toPath(), null);
        }
    }

    private void chooseImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a preference dataset");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(
                                "Preference datasets (JSONL, JSON, gzipped, Parquet)",
                                "*.jsonl",
                                "*.jsonl.gz",
                                "*.json",
                                "*.json.gz",
                                "*.parquet"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            viewModel.importDataset(chosen.toPath());
        }
    }

    private void chooseModel() {
        ModelBundleDialog.ask(
                        stage,
                        "Open a reward model",
                        "A RewardLens model bundle: a folder with bundle.json",
                        "AUTO uses the GPU when the engine sees one and the bundle has a GPU"
                                + " trace.",
                        viewModel.settingsProperty().get().device())
                .ifPresent(choice -> viewModel.openModel(choice.directory(), choice.device()));
    }

    private void editSettings() {
        SettingsDialog.edit(stage, viewModel.settingsProperty().get())
                .ifPresent(viewModel::applySettings);
    }

    /** The settings a dialog shows, as lines of tags. */
    static String tagLines(Settings settings) {
        return String.join("\n", settings.tags());
    }

    /** Tags typed one per line. */
    static List<String> tagsFrom(String lines) {
        return lines.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
