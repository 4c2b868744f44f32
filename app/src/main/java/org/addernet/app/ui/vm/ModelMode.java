package org.addernet.app.ui.vm;

import java.util.List;

/** Which models the window trains. */
public enum ModelMode {
    BOTH("AdderNet and MLP", List.of("mlp", "adder")),
    ADDER("AdderNet only", List.of("adder")),
    MLP("MLP only", List.of("mlp"));

    private final String label;
    private final List<String> models;

    ModelMode(String label, List<String> models) {
        this.label = label;
        this.models = models;
    }

    public List<String> models() {
        return models;
    }

    public static ModelMode of(List<String> models) {
        if (models.contains("mlp") && models.contains("adder")) {
            return BOTH;
        }
        return models.contains("adder") ? ADDER : MLP;
    }

    @Override
    public String toString() {
        return label;
    }
}
