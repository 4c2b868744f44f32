package org.addernet.app.runner;

import java.util.List;

/**
 * {@code summary.json} of a sweep: DESIGN.md's {@code runs} list (every run of every variant, its
 * id {@code <variant>/<run>} naming its folder) and the table the runs fill.
 */
public record SweepSummary(String preset, String title, String reproduces, int seeds, String engineVersion,
                           List<String> variants, List<RunRecord> runs, SweepTable table) {
    public SweepSummary {
        variants = List.copyOf(variants);
        runs = List.copyOf(runs);
    }

    /** Runs that did not complete (failed, diverged, cancelled or never started). */
    public long incomplete() {
        return runs.stream().filter(r -> !"completed".equals(r.status())).count();
    }
}
