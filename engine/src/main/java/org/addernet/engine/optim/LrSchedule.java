package org.addernet.engine.optim;

/**
 * A learning-rate schedule: a pure function of the step {@code t in [0, total)}.
 * Cosine: {@code lr0 (1 + cos(pi t / total)) / 2}; polynomial: {@code lr0 (1 - t / total)^power};
 * step: {@code lr0 gamma^floor(t / every)}; constant: {@code lr0}.
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
