package io.rewardlens.ui.annotate;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The queue's filters (dataset, source, unannotated only, RM disagrees with the label) and its
 * progress: {@code n / N} annotated, this session's count and pace. Forwards filter changes to the
 * {@link AnnotationViewModel}.
 */
public final class QueueBar {
    private static final String ALL_DATASETS = "All datasets";
    private static final String ALL_SOURCES = "All sources";

    private final AnnotationViewModel viewModel;
    private final HBox root = new HBox();
    private final ComboBox<String> dataset = new ComboBox<>();
    private final ComboBox<String> source = new ComboBox<>();
    private final CheckBox unannotated = new CheckBox("Unannotated only");
    private final CheckBox disagrees = new CheckBox("RM disagrees with label");
    private boolean updating;

    /**
     * Builds the bar and binds it.
     *
     * @param viewModel the annotation state
     * @param datasets the open database's dataset names
     * @param sources the open database's source values
     * @param modelLoaded whether a model is loaded (the disagreement filter needs one)
     */
    public QueueBar(
            AnnotationViewModel viewModel,
            ObservableValue<List<String>> datasets,
            ObservableValue<List<String>> sources,
            ObservableValue<Boolean> modelLoaded) {
        this.viewModel = viewModel;
        root.getStyleClass().add("queue-bar");
        for (Node control : List.of(dataset, source, unannotated, disagrees)) {
            control.setFocusTraversable(false);
        }
        dataset.getStyleClass().add("dataset-filter");
        source.getStyleClass().add("source-filter");
        Label progress = new Label();
        progress.getStyleClass().add("queue-progress");
        progress.textProperty().bind(viewModel.progressTextProperty().concat(" annotated"));
        Label session = new Label();
        session.getStyleClass().add("session-progress");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        root.getChildren().addAll(dataset, source, unannotated, disagrees, gap, progress, session);

        datasets.addListener((o, before, after) -> fill(dataset, ALL_DATASETS, after));
        sources.addListener((o, before, after) -> fill(source, ALL_SOURCES, after));
        fill(dataset, ALL_DATASETS, datasets.getValue());
        fill(source, ALL_SOURCES, sources.getValue());
        // Bound, not listened to: the binding keeps modelLoaded reachable for as long as the box
        // lives, so a caller's derived expression (e.g. isNotNull()) is not garbage-collected.
        disagrees
                .disableProperty()
                .bind(
                        Bindings.createBooleanBinding(
                                () -> !Boolean.TRUE.equals(modelLoaded.getValue()), modelLoaded));

        dataset.valueProperty().addListener((o, before, after) -> forward());
        source.valueProperty().addListener((o, before, after) -> forward());
        unannotated.selectedProperty().addListener((o, before, after) -> forward());
        disagrees.selectedProperty().addListener((o, before, after) -> forward());
        viewModel.filterProperty().addListener((o, before, after) -> show(after));
        show(viewModel.filterProperty().get());

        Runnable sessionText =
                () -> {
                    int count = viewModel.sessionCountProperty().get();
                    String pace = viewModel.paceTextProperty().get();
                    session.setText(
                            count + " this session" + (pace.isEmpty() ? "" : " \u00b7 " + pace));
                };
        viewModel.sessionCountProperty().addListener((o, before, after) -> sessionText.run());
        viewModel.paceTextProperty().addListener((o, before, after) -> sessionText.run());
        sessionText.run();
    }

    /**
     * The bar's root node.
     *
     * @return the node
     */
    public Node node() {
        return root;
    }

    private void fill(ComboBox<String> box, String all, List<String> values) {
        updating = true;
        String selected = box.getValue();
        List<String> items = new ArrayList<>();
        items.add(all);
        items.addAll(values == null ? List.of() : values);
        box.getItems().setAll(items);
        box.setValue(selected != null && items.contains(selected) ? selected : all);
        updating = false;
    }

    private void show(QueueFilter filter) {
        updating = true;
        if (filter.dataset() != null && !dataset.getItems().contains(filter.dataset())) {
            dataset.getItems().add(filter.dataset());
        }
        dataset.setValue(filter.dataset() == null ? ALL_DATASETS : filter.dataset());
        if (filter.source() != null && !source.getItems().contains(filter.source())) {
            source.getItems().add(filter.source());
        }
        source.setValue(filter.source() == null ? ALL_SOURCES : filter.source());
        unannotated.setSelected(filter.unannotatedOnly());
        disagrees.setSelected(filter.disagreesWithLabel());
        updating = false;
    }

    private void forward() {
        if (updating) {
            return;
        }
        String datasetValue = dataset.getValue();
        String sourceValue = source.getValue();
        viewModel.setFilter(
                new QueueFilter(
                        datasetValue == null || ALL_DATASETS.equals(datasetValue)
                                ? null
                                : datasetValue,
                        sourceValue == null || ALL_SOURCES.equals(sourceValue) ? null : sourceValue,
                        unannotated.isSelected(),
                        disagrees.isSelected()));
    }
}
