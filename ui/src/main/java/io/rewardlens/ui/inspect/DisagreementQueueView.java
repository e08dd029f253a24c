package io.rewardlens.ui.inspect;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The disagreement queue's tab: filters (model, what it contradicts, dataset, source, tag,
 * completion length), the table of disagreements most confidently wrong first, and paging. Enter or
 * a double click opens the selected row's pair in the pair view. Binds to a {@link
 * DisagreementQueueViewModel}.
 */
final class DisagreementQueueView {
    private final DisagreementQueueViewModel viewModel;
    private final Runnable afterOpen;
    private final BorderPane root = new BorderPane();
    private final TableView<DisagreementRow> table = new TableView<>();
    private final ComboBox<ModelOption> model = new ComboBox<>();
    private final ChoiceBox<Contradiction> contradiction = new ChoiceBox<>();
    private final ComboBox<FilterChoices.Choice> dataset;
    private final ComboBox<FilterChoices.Choice> source;
    private final ComboBox<FilterChoices.Choice> tag;
    private final TextField minLength = lengthField("0");
    private final TextField maxLength = lengthField("any");
    private boolean updating;

    /**
     * Builds the tab's content.
     *
     * @param inspect the inspection state (for the datasets, sources and tags offered)
     * @param afterOpen brings the pair view forward once a pair was opened
     */
    DisagreementQueueView(InspectViewModel inspect, Runnable afterOpen) {
        this.viewModel = inspect.disagreements();
        this.afterOpen = afterOpen;
        dataset = FilterChoices.box("All datasets", inspect.datasetsProperty());
        source = FilterChoices.box("All sources", inspect.sourcesProperty());
        tag = FilterChoices.box("Any tag", inspect.tagsProperty());

        contradiction.getItems().setAll(Contradiction.values());
        model.setPromptText("no scored model");
        for (ComboBox<?> box : List.of(dataset, source, tag)) {
            box.setMaxWidth(240);
        }
        model.setPrefWidth(260);
        viewModel.modelsProperty().addListener((o, before, after) -> showFilter());
        viewModel.filterProperty().addListener((o, before, after) -> showFilter());
        showFilter();
        model.setOnAction(event -> applyFilter());
        contradiction.setOnAction(event -> applyFilter());
        dataset.setOnAction(event -> applyFilter());
        source.setOnAction(event -> applyFilter());
        tag.setOnAction(event -> applyFilter());
        minLength.setOnAction(event -> applyFilter());
        maxLength.setOnAction(event -> applyFilter());
        minLength.focusedProperty().addListener((o, was, now) -> applyFilter());
        maxLength.focusedProperty().addListener((o, was, now) -> applyFilter());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(event -> viewModel.refresh());
        Button open = new Button("Open in pair view");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(event -> openSelected());

        FlowPane filters =
                new FlowPane(
                        labelled("Model", model),
                        labelled("Contradicts", contradiction),
                        labelled("Dataset", dataset),
                        labelled("Source", source),
                        labelled("Tag", tag),
                        labelled("Chars", minLength, new Label("to"), maxLength),
                        refresh,
                        open);
        filters.getStyleClass().add("filter-bar");

        buildTable();
        Label summary = new Label();
        summary.getStyleClass().add("queue-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        ProgressIndicator loading = new ProgressIndicator();
        loading.getStyleClass().add("small-progress");
        loading.visibleProperty().bind(viewModel.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        Button more = new Button("Load " + DisagreementQueueViewModel.PAGE + " more");
        more.visibleProperty().bind(viewModel.hasMoreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(event -> viewModel.loadMore());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label hint = new Label("Enter or double click: open the pair in the pair view");
        hint.getStyleClass().add("hint");
        HBox footer = new HBox(loading, summary, more, gap, hint);
        footer.getStyleClass().add("inspect-footer");
        footer.setAlignment(Pos.CENTER_LEFT);

        root.setTop(filters);
        root.setCenter(table);
        root.setBottom(footer);
        root.getStyleClass().add("disagreement-queue");
    }

    Node node() {
        return root;
    }

    private static HBox labelled(String text, Node... controls) {
        HBox box = new HBox(new Label(text));
        box.getChildren().addAll(controls);
        box.getStyleClass().add("labelled-control");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static TextField lengthField(String prompt) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        field.setPrefColumnCount(6);
        field.setTextFormatter(
                new TextFormatter<>(
                        change -> change.getControlNewText().matches("\\d{0,9}") ? change : null));
        return field;
    }

    /** Shows the view model's filter in the controls without applying it back. */
    private void showFilter() {
        updating = true;
        try {
            DisagreementFilter filter = viewModel.filterProperty().get();
            List<ModelOption> options = viewModel.modelsProperty().get();
            if (!model.getItems().equals(options)) {
                model.getItems().setAll(options);
            }
            model.setValue(
                    options.stream()
                            .filter(option -> filter.modelId() != null)
                            .filter(option -> option.id() == filter.modelId())
                            .findFirst()
                            .orElse(null));
            contradiction.setValue(filter.contradiction());
            FilterChoices.select(dataset, filter.dataset());
            FilterChoices.select(source, filter.source());
            FilterChoices.select(tag, filter.tag());
            minLength.setText(filter.minLength() == 0 ? "" : String.valueOf(filter.minLength()));
            maxLength.setText(
                    filter.maxLength() == Integer.MAX_VALUE
                            ? ""
                            : String.valueOf(filter.maxLength()));
        } finally {
            updating = false;
        }
    }

    private void applyFilter() {
        if (updating) {
            return;
        }
        int min = minLength.getText().isEmpty() ? 0 : Integer.parseInt(minLength.getText());
        int max =
                maxLength.getText().isEmpty()
                        ? Integer.MAX_VALUE
                        : Integer.parseInt(maxLength.getText());
        ModelOption chosen = model.getValue();
        viewModel.setFilter(
                viewModel
                        .filterProperty()
                        .get()
                        .withModel(chosen == null ? null : chosen.id())
                        .withContradiction(contradiction.getValue())
                        .withDataset(FilterChoices.valueOf(dataset))
                        .withSource(FilterChoices.valueOf(source))
                        .withTag(FilterChoices.valueOf(tag))
                        .withLengthBetween(min, max));
    }

    private void buildTable() {
        table.setId("disagreement-table");
        table.getStyleClass().addAll("inspect-table", "dense");
        TableColumn<DisagreementRow, String> rank = new TableColumn<>("#");
        rank.setSortable(false);
        rank.setCellFactory(
                c ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(String item, boolean empty) {
                                super.updateItem(item, empty);
                                setText(empty ? null : String.valueOf(getIndex() + 1));
                            }
                        });
        rank.setPrefWidth(48);
        table.getColumns().add(rank);
        table.getColumns()
                .addAll(
                        List.of(
                                number("Pair", row -> row.pairId(), 64, Object::toString),
                                text("Dataset", DisagreementRow::dataset, 110),
                                text(
                                        "Source",
                                        row -> InspectionCharts.sourceName(row.source()),
                                        210),
                                text("Contradicts", DisagreementRow::contradicts, 120),
                                number(
                                        "Chosen",
                                        DisagreementRow::chosenScore,
                                        100,
                                        value -> NumberText.decimal(value.doubleValue(), 3)),
                                number(
                                        "Rejected",
                                        DisagreementRow::rejectedScore,
                                        100,
                                        value -> NumberText.decimal(value.doubleValue(), 3)),
                                number(
                                        "Margin",
                                        DisagreementRow::margin,
                                        90,
                                        value -> NumberText.signed(value.doubleValue())),
                                text("Human verdicts", DisagreementRow::verdicts, 280),
                                number(
                                        "Chosen len",
                                        DisagreementRow::chosenLength,
                                        100,
                                        Object::toString),
                                number(
                                        "Rejected len",
                                        DisagreementRow::rejectedLength,
                                        110,
                                        Object::toString)));
        table.setPlaceholder(placeholder());
        viewModel
                .rowsProperty()
                .addListener(
                        (o, before, after) ->
                                table.setItems(FXCollections.observableArrayList(after)));
        table.setItems(FXCollections.observableArrayList(viewModel.rowsProperty().get()));
        InspectTables.openOnEnterOrDoubleClick(table, this::open);
    }

    private Node placeholder() {
        Label label = new Label();
        label.textProperty().bind(viewModel.summaryProperty());
        label.setWrapText(true);
        label.getStyleClass().add("table-placeholder");
        return label;
    }

    private void openSelected() {
        DisagreementRow selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            open(selected);
        }
    }

    private void open(DisagreementRow row) {
        viewModel.open(row);
        afterOpen.run();
    }

    private static TableColumn<DisagreementRow, String> text(
            String title, Function<DisagreementRow, String> value, double width) {
        TableColumn<DisagreementRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setCellFactory(
                c ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(String item, boolean empty) {
                                super.updateItem(item, empty);
                                setText(empty ? null : item);
                                setTooltip(
                                        empty || item == null || item.isEmpty()
                                                ? null
                                                : new Tooltip(item));
                            }
                        });
        return column;
    }

    private static TableColumn<DisagreementRow, Number> number(
            String title,
            Function<DisagreementRow, Number> value,
            double width,
            Function<Number, String> format) {
        TableColumn<DisagreementRow, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(
                cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setCellFactory(
                c ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(Number item, boolean empty) {
                                super.updateItem(item, empty);
                                setText(empty || item == null ? null : format.apply(item));
                            }
                        });
        column.getStyleClass().add("number-column");
        return column;
    }
}
