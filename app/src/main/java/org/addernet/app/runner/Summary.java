package org.addernet.app.runner;

import java.util.List;

/** {@code summary.json}: the preset's name, every run in plan order, and mean/spread per (model, n) over seeds. */
public record Summary(String preset, String title, String reproduces, int seeds, String engineVersion,
                      List<RunRecord> runs, List<Aggregate> aggregate) implements RunSummary {
    public Summary {
        runs = List.copyOf(runs);
        aggregate = List.copyOf(aggregate);
    }
}
