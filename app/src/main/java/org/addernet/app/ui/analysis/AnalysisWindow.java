package org.addernet.app.ui.analysis;

import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.addernet.app.ui.session.SessionSnapshot;
import org.addernet.app.ui.vm.UiExecutor;

/**
 * The analyses window: every figure and table of the paper's analysis one tab away (Table 1,
 * Fig. 7, Fig. 5, Fig. 1, operation counts, the ablations) and the theorem lab (Lemma 2,
 * Theorem 4, Lemma 5 / Theorem 6). Opened from the main window's Analyses menu; one window,
 * brought to the front on the tab asked for. Each tab is a view over its own view model; their
 * background work goes through the one {@link UiExecutor} the window is given.
 */
public final class AnalysisWindow {
    private final Stage stage = new Stage();
    private final TabPane tabs = new TabPane();
    final GradientNormsTab table1;
    final WeightsTab weights;
    final FiltersTab filters;
    final OpsTab ops;
    final Lemma2Tab lemma2;
    final Lemma5Tab lemma5;
    final Theorem4Tab theorem4;
    final FeaturesTab features;
    final AblationsTab ablations;

    public AnalysisWindow(Window owner, Supplier<SessionSnapshot> session) {
        this(owner, session, UiExecutor.javafx());
    }

    public AnalysisWindow(Window owner, Supplier<SessionSnapshot> session, UiExecutor executor) {
        table1 = new GradientNormsTab(new GradientNormsViewModel(executor));
        weights = new WeightsTab(new WeightsViewModel(session, executor));
        filters = new FiltersTab(new FiltersViewModel(executor));
        ops = new OpsTab(new OpsViewModel());
        lemma2 = new Lemma2Tab(new Lemma2ViewModel());
        lemma5 = new Lemma5Tab(new Lemma5ViewModel());
        theorem4 = new Theorem4Tab(new Theorem4ViewModel(executor));
        features = new FeaturesTab(new FeaturesViewModel(executor));
        ablations = new AblationsTab(new AblationsViewModel(executor));
        tabs.getTabs().addAll(table1.tab(), weights.tab(), filters.tab(), features.tab(), ops.tab(), lemma2.tab(),
                theorem4.tab(), lemma5.tab(), ablations.tab());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("analysis-tabs");
        stage.initOwner(owner);
        stage.setTitle("Analyses and theorem lab");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(tabs, Math.min(1240, screen.getWidth()), Math.min(860, screen.getHeight()));
        var css = AnalysisWindow.class.getResource("/org/addernet/app/ui/workbench.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.setScene(scene);
        table1.setOwner(stage);
        weights.setOwner(stage);
        filters.setOwner(stage);
        theorem4.setOwner(stage);
        features.setOwner(stage);
    }

    /** Shows the window on the tab with id {@code tabId} (e.g. {@code tab-lemma2}). */
    public void show(String tabId) {
        for (Tab t : tabs.getTabs()) {
            if (t.getId().equals(tabId)) {
                tabs.getSelectionModel().select(t);
            }
        }
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }
}
