package io.rewardlens.ui.inspect;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

/** What the inspection window's tables share: plain text columns and opening a row. */
final class InspectTables {
    private InspectTables() {}

    /**
     * A column of text.
     *
     * @param title the column's title
     * @param value the text of a row
     * @param width the column's preferred width
     * @param <T> the row type
     * @return the column
     */
    static <T> TableColumn<T, String> textColumn(
            String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /**
     * Opens a row on a double click, and the selected row on Enter.
     *
     * @param table the table
     * @param open what opening a row does
     * @param <T> the row type
     */
    static <T> void openOnEnterOrDoubleClick(TableView<T> table, Consumer<T> open) {
        table.setRowFactory(
                view -> {
                    TableRow<T> row = new TableRow<>();
                    row.setOnMouseClicked(
                            event -> {
                                if (event.getButton() == MouseButton.PRIMARY
                                        && event.getClickCount() == 2
                                        && !row.isEmpty()) {
                                    open.accept(row.getItem());
                                }
                            });
                    return row;
                });
        table.setOnKeyPressed(
                event -> {
                    T selected = table.getSelectionModel().getSelectedItem();
                    if (event.getCode() == KeyCode.ENTER && selected != null) {
                        event.consume();
                        open.accept(selected);
                    }
                });
    }
}
