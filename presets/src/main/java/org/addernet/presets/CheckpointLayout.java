package org.addernet.presets;

import java.util.Locale;
import org.addernet.engine.model.ImageModels;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.nn.ResidualBlock;
import org.addernet.engine.train.Checkpoint;

/**
 * Whether a checkpoint fits the network an image run builds ({@link Checkpoint#architecture()}),
 * and, when it does not, one message that names the file, the layout it was written by and what to
 * do. The case it is made for: a ResNet checkpoint of the option-A layout (the zoo's until the
 * ResNets followed the official AdderNet resnet20.py) meeting a preset that builds the projection
 * layout, which is the default now.
 */
public final class CheckpointLayout {
    private CheckpointLayout() {
    }

    /**
     * Null when {@code c} holds the arrays of {@code net}, the network run {@code r} builds;
     * otherwise the refusal.
     *
     * @param file       the checkpoint, as the message names it
     * @param presetFile the preset the run was started from (a run folder's {@code preset.json})
     * @param classes    the run's number of classes (to build the other layouts for comparison)
     */
    public static String mismatch(String file, Checkpoint c, ExperimentPlan.ImageRun r, Layer net, int classes,
                                  String presetFile) {
        String have = c.architecture();
        String want = Checkpoint.architecture(net);
        if (have.equals(want)) {
            return null;
        }
        String model = r.model();
        if (ImageModels.hasShortcuts(model)) {
            for (ResidualBlock.Shortcut s : ResidualBlock.Shortcut.values()) {
                if (s != r.shortcut()
                        && have.equals(Checkpoint.architecture(ImageModels.build(model, classes, r.rules(), s, 0)))) {
                    return String.format(Locale.ROOT, "%s: was written by %s with model.shortcut = %s (%s), but %s builds "
                            + "model.shortcut = %s (%s). To continue this run, set \"shortcut\": \"%s\" in the \"model\" "
                            + "section of %s and resume again; or start afresh (a new run of %s: workbench run %s "
                            + "--out NEW_DIR, with --set model.shortcut=%s for the old layout)",
                            file, model, s.id(), describe(s), presetFile, r.shortcut().id(), describe(r.shortcut()),
                            s.id(), presetFile, r.shortcut().id().equals("A") ? "option A" : "the official layout",
                            presetFile, s.id());
                }
            }
        }
        return file + ": holds " + have + ", but " + model + (ImageModels.hasShortcuts(model)
                ? " with model.shortcut = " + r.shortcut().id() : "") + " has " + want
                + ": it was written by another model or engine version; start a new run instead of resuming";
    }

    private static String describe(ResidualBlock.Shortcut s) {
        return s == ResidualBlock.Shortcut.PROJECTION
                ? "the official AdderNet resnet20.py: 1x1 projection shortcuts and a 1x1-conv + BN head"
                : "the earlier layout: parameter-free option-A shortcuts and a Linear head";
    }
}
