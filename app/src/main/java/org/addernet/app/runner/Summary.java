package org.addernet.app.runner;

import java.util.List;

/** {@code summary.json}: the preset's name and every run, in plan order. */
public record Summary(String preset, String title, String reproduces, int seeds, String engineVersion,
                      List<RunRecord> runs) {
    public Summary {
        runs = List.copyOf(runs);
    }

    public long incomplete() {
        return runs.stream().filter(r -> !"completed".equals(r.status())).count();
    }
}
