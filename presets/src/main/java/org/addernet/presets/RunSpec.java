package org.addernet.presets;

import org.addernet.datasets.toy.ToySpec;
import org.addernet.engine.model.ModelSpec;
import org.addernet.engine.train.TrainConfig;

/**
 * One run of a preset: {@code id} names its folder ({@code <model>-n<hidden>-s<seed>}),
 * {@code seedIndex} says which of the {@code --seeds} repetitions it belongs to.
 */
public record RunSpec(String id, ModelSpec model, TrainConfig training, ToySpec data, long seed, int seedIndex) {
}
