package org.addernet.app.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;

/** What a reader would call a broken layout, found in a laid-out scene graph (tests; FX thread). */
public final class Layouts {
    private Layouts() {
    }

    /** Every visible label, button or check box under {@code root} whose text is drawn cut short ("L..."). */
    public static List<String> elided(Parent root) {
        List<String> out = new ArrayList<>();
        for (Node n : all(root)) {
            if (n instanceof Labeled l && shown(l) && l.getText() != null && !l.getText().isEmpty()) {
                for (Node c : l.getChildrenUnmodifiable()) {
                    if (c instanceof Text t && t.isVisible() && !t.getText().equals(l.getText())
                            && !t.getText().replace("\n", " ").replaceAll("\\s+", " ").trim()
                                    .equals(l.getText().replaceAll("\\s+", " ").trim())) {
                        out.add("'" + l.getText() + "' drawn as '" + t.getText() + "'");
                    }
                }
            }
        }
        return out;
    }

    /** Pairs of visible children of a grid under {@code root} that are drawn over each other. */
    public static List<String> overlaps(Parent root) {
        List<String> out = new ArrayList<>();
        for (Node n : all(root)) {
            if (n instanceof GridPane g && shown(g)) {
                List<Node> kids = g.getChildren().stream().filter(Layouts::shown).toList();
                for (int i = 0; i < kids.size(); i++) {
                    for (int j = i + 1; j < kids.size(); j++) {
                        Bounds a = kids.get(i).getBoundsInParent();
                        Bounds b = kids.get(j).getBoundsInParent();
                        // a pixel of touching is no overlap
                        if (a.getMinX() < b.getMaxX() - 1 && b.getMinX() < a.getMaxX() - 1
                                && a.getMinY() < b.getMaxY() - 1 && b.getMinY() < a.getMaxY() - 1) {
                            out.add(name(kids.get(i)) + " over " + name(kids.get(j)));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** {@code n}'s bounds in the scene. */
    public static Bounds inScene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    private static String name(Node n) {
        return n instanceof Labeled l ? "'" + l.getText() + "'" : n.getId() != null ? "#" + n.getId() : n.toString();
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.isManaged();
    }

    private static List<Node> all(Parent root) {
        List<Node> out = new ArrayList<>();
        List<Parent> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Parent p = todo.remove(todo.size() - 1);
            for (Node c : p.getChildrenUnmodifiable()) {
                out.add(c);
                if (c instanceof Parent q) {
                    todo.add(q);
                }
            }
        }
        return out;
    }
}
