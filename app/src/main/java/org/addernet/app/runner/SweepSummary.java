package org.addernet.app.runner;

import java.util.List;

/**
 * {@code summary.json} of a sweep: DESIGN.md's {@code runs} list (every run of every variant, its
 * id {@code <variant>/<run>} naming its folder) and the table the runs fill.
 */
public record SweepSummary(String preset, String title, String reproduces, int seeds, String engineVersion,
                           List<String> variants, List<RunRecord> runs, SweepTable table) implements RunSummary {
    public SweepSummary {
        variants = List.copyOf(variants);
        runs = List.copyOf(runs);
    }
}
