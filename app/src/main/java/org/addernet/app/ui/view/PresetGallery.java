package org.addernet.app.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;

/** A gallery of the bundled presets: title, what it reproduces and what to look at; "Open" loads one. */
final class PresetGallery {
    private PresetGallery() {
    }

    static List<Preset> bundled() {
        List<Preset> out = new ArrayList<>();
        for (String name : PresetLoader.BUNDLED_TOY) {
            out.add(PresetLoader.resolve(name, List.of()));
        }
        return out;
    }

    static Stage show(Window owner, Consumer<Preset> open) {
        ListView<Preset> list = new ListView<>();
        list.setId("gallery");
        list.getItems().addAll(bundled());
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Preset p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setGraphic(null);
                    return;
                }
                Label title = new Label(p.title());
                title.getStyleClass().add("gallery-title");
                Label meta = new Label(p.name() + (p.reproduces().isBlank() ? "" : "  \u00B7  reproduces " + p.reproduces()));
                meta.getStyleClass().add("caption");
                Label text = new Label(p.description());
                text.setWrapText(true);
                text.setMaxWidth(620);
                VBox box = new VBox(2, title, meta, text);
                box.setPadding(new Insets(4));
                setGraphic(box);
            }
        });
        list.getSelectionModel().selectFirst();
        Stage stage = new Stage();
        stage.setTitle("Presets");
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        Button openButton = new Button("Open");
        openButton.setId("gallery-open");
        openButton.setDefaultButton(true);
        openButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        openButton.setOnAction(e -> {
            open.accept(list.getSelectionModel().getSelectedItem());
            stage.close();
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                openButton.fire();
            }
        });
        Button cancel = new Button("Close");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, openButton, cancel);
        VBox root = new VBox(8, list, buttons);
        VBox.setVgrow(list, Priority.ALWAYS);
        root.setPadding(new Insets(10));
        stage.setScene(new Scene(root, 700, 560));
        stage.show();
        return stage;
    }
}
