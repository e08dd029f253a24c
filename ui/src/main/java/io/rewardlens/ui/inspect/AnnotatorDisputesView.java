package io.rewardlens.ui.inspect;

import io.rewardlens.storage.analysis.TeamAgreement.Category;
import io.rewardlens.ui.inspect.AnnotatorDisputesViewModel.DisputeRow;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The "Annotators disagree" list: each disputed pair with every verdict side by side, and buttons
 * for the adjudicator's final verdict. Binds to {@link AnnotatorDisputesViewModel} only.
 */
final class AnnotatorDisputesView {
    private final BorderPane root = new BorderPane();

    AnnotatorDisputesView(AnnotatorDisputesViewModel viewModel, Runnable showPairView) {
        ListView<DisputeRow> list = new ListView<>();
        list.setId("annotator-disputes");
        list.itemsProperty()
                .bind(
                        Bindings.createObjectBinding(
                                () ->
                                        FXCollections.observableArrayList(
                                                viewModel.rowsProperty().get()),
                                viewModel.rowsProperty()));
        list.setCellFactory(
                view ->
                        new ListCell<>() {
                            @Override
                            protected void updateItem(DisputeRow row, boolean empty) {
                                super.updateItem(row, empty);
                                if (empty || row == null) {
                                    setText(null);
                                    return;
                                }
                                setText(
                                        "#"
                                                + row.pairId()
                                                + "  "
                                                + row.dataset()
                                                + (row.source().isEmpty()
                                                        ? ""
                                                        : " / " + row.source())
                                                + (row.adjudicated() == null
                                                        ? ""
                                                        : "  \u2014 adjudicated: "
                                                                + row.adjudicated())
                                                + "\n"
                                                + row.prompt()
                                                + "\n  "
                                                + String.join("\n  ", row.verdicts()));
                            }
                        });
        list.setOnMouseClicked(
                event -> {
                    DisputeRow row = list.getSelectionModel().getSelectedItem();
                    if (event.getClickCount() == 2 && row != null) {
                        viewModel.open(row);
                        showPairView.run();
                    }
                });

        TextField rationale = new TextField();
        rationale.setPromptText("Why (optional)");
        HBox.setHgrow(rationale, Priority.ALWAYS);
        HBox actions = new HBox(8, new Label("Final verdict:"));
        for (Category category : Category.values()) {
            Button decide = new Button(category.label().replace('_', ' '));
            decide.setId("adjudicate-" + category.label());
            decide.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
            decide.setOnAction(
                    e -> {
                        DisputeRow row = list.getSelectionModel().getSelectedItem();
                        if (row != null) {
                            viewModel.adjudicate(row, category, rationale.getText());
                            rationale.clear();
                        }
                    });
            actions.getChildren().add(decide);
        }
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> viewModel.refresh());
        actions.getChildren().addAll(rationale, refresh);
        Label summary = new Label();
        summary.textProperty().bind(viewModel.summaryProperty());
        VBox bottom = new VBox(6, actions, summary);
        bottom.setPadding(new Insets(8));
        root.setCenter(list);
        root.setBottom(bottom);
    }

    Node node() {
        return root;
    }
}
