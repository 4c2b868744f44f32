package org.addernet.engine.optim;

/**
 * A learning-rate schedule: a pure function of the step {@code t in [0, total)}.
 * Cosine: {@code lr0 (1 + cos(pi t / total)) / 2}; polynomial: {@code lr0 (1 - t / total)^power};
 * step: {@code lr0 gamma^floor(t / every)}; constant: {@code lr0}; per-epoch cosine
 * ({@link EpochCosine}, the official AdderNet code's): {@code lr0 (1 + cos(pi e / (E + 1))) / 2}
 * for the whole of epoch {@code e = 1 .. E}.
 */
public sealed interface LrSchedule {
    double lr(long step, long total);

    double baseLr();

    record Constant(double baseLr) implements LrSchedule {
        public double lr(long step, long total) {
            return baseLr;
        }
    }

    record Cosine(double baseLr) implements LrSchedule {
        public double lr(long step, long total) {
            return baseLr * 0.5 * (1 + Math.cos(Math.PI * Math.min(step, total) / total));
        }
    }

    record Polynomial(double baseLr, double power) implements LrSchedule {
        public double lr(long step, long total) {
            return baseLr * Math.pow(1 - Math.min(step, total) / (double) total, power);
        }
    }

    /**
     * Cosine stepped once an epoch, as huawei-noah/AdderNet's {@code main.py} does
     * ({@code adjust_learning_rate} at the start of each epoch): training of {@code total} steps
     * is {@code E = total / stepsPerEpoch} epochs, numbered {@code e = 1 .. E}, and every step of
     * epoch {@code e} (steps {@code (e - 1) stepsPerEpoch} to {@code e stepsPerEpoch - 1}) has
     * {@code lr0 (1 + cos(pi e / (E + 1))) / 2}. So the rate never reaches 0 and never quite
     * starts at {@code lr0}; main.py's {@code 0.05 (1 + cos(pi epoch / 400))} over
     * {@code range(1, 400)} is lr0 = 0.1 and E = 399. Steps past the last epoch keep its rate.
     */
    record EpochCosine(double baseLr, long stepsPerEpoch) implements LrSchedule {
        public EpochCosine {
            if (stepsPerEpoch <= 0) {
                throw new IllegalArgumentException("per-epoch cosine needs stepsPerEpoch > 0, got " + stepsPerEpoch);
            }
        }

        public double lr(long step, long total) {
            long epochs = Math.max(1, total / stepsPerEpoch);
            return atEpoch(Math.min(step / stepsPerEpoch, epochs - 1) + 1, epochs);
        }

        /** The rate of epoch {@code epoch} (1-based) of {@code epochs}. */
        public double atEpoch(long epoch, long epochs) {
            return baseLr * 0.5 * (1 + Math.cos(Math.PI * epoch / (epochs + 1)));
        }
    }

    record Step(double baseLr, long every, double gamma) implements LrSchedule {
        public Step {
            if (every <= 0) {
                throw new IllegalArgumentException("step schedule needs every > 0, got " + every);
            }
        }

        public double lr(long step, long total) {
            return baseLr * Math.pow(gamma, step / every);
        }
    }
}
