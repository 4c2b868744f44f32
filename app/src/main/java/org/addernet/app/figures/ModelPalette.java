package org.addernet.app.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Colours and dash patterns of model curves, colour-blind friendly (Okabe-Ito hues plus the
 * workbench's TensorFlow-Playground blue and orange).
 *
 * <p>A model's family follows its label: AdderNets blue, MLPs and CNNs orange; models with other
 * labels, or a second model claiming a taken family, get green, purple, vermilion and grey in that
 * order. Within a family, layer k of n takes a shade from dark to light and a dash pattern, so
 * layers stay apart in grey-scale prints too.
 */
final class ModelPalette {
    /** A hue in three shades: {@code base} for a model's single curve, dark to light across layers. */
    record Family(Color dark, Color base, Color light) {
        /** Shade of layer {@code k} of {@code n}: dark (k = 0) through base to light (k = n - 1). */
        Color shade(int k, int n) {
            if (n <= 1) {
                return base;
            }
            double t = 2.0 * k / (n - 1); // 0..2
            return t <= 1 ? mix(dark, base, t) : mix(base, light, t - 1);
        }
    }

    static final Family BLUE = new Family(new Color(0x05, 0x4A, 0x78), new Color(0x08, 0x77, 0xBD),
            new Color(0x4F, 0xA6, 0xDE));
    static final Family ORANGE = new Family(new Color(0x9C, 0x4F, 0x00), new Color(0xF5, 0x93, 0x22),
            new Color(0xEB, 0xA4, 0x4A));
    static final Family GREEN = new Family(new Color(0x00, 0x63, 0x48), new Color(0x00, 0x9E, 0x73),
            new Color(0x4D, 0xC4, 0x9F));
    static final Family PURPLE = new Family(new Color(0x83, 0x3F, 0x69), new Color(0xCC, 0x79, 0xA7),
            new Color(0xDE, 0xA5, 0xC5));
    static final Family VERMILION = new Family(new Color(0x8F, 0x3E, 0x00), new Color(0xD5, 0x5E, 0x00),
            new Color(0xE8, 0x8E, 0x4F));
    static final Family GREY = new Family(new Color(0x22, 0x22, 0x22), new Color(0x55, 0x55, 0x55),
            new Color(0x8A, 0x8A, 0x8A));

    /** Families in the order models without a family of their own take them. */
    private static final List<Family> FALLBACK = List.of(GREEN, PURPLE, VERMILION, GREY, BLUE, ORANGE);

    /** Dash patterns per layer (null: solid), cycled. */
    private static final float[][] DASHES = {null, {9f, 5f}, {2f, 4f}, {10f, 4f, 2f, 4f}};

    private ModelPalette() {
    }

    /** A series' look: its colour and its dash pattern (null: solid). */
    record Style(Color color, float[] dash) {
        /** The line stroke of this style at {@code width}. */
        Stroke stroke(float width) {
            return dash == null ? solid(width) : dashed(width, dash);
        }
    }

    /** The family a label belongs to: AdderNets blue, MLPs and CNNs orange, anything else null (assigned in order). */
    static Family familyOf(String label) {
        return preferred(label);
    }

    /**
     * One style per label, none repeated: the colour's hue is the model's family (AdderNets blue,
     * MLPs and CNNs orange; labels of neither family share green, purple, vermilion and grey in order
     * of appearance, one hue per distinct label), the shade runs from dark to light over the family's
     * members in order of appearance and the dash pattern cycles with them, so that neighbouring
     * members differ in both and any two members differ in shade.
     */
    static List<Style> styles(List<String> labels) {
        return styled(slots(labels));
    }

    /** A member's style: its family's shade for its place, the dash pattern cycling with it. */
    private static List<Style> styled(List<Slot> slots) {
        List<Style> out = new ArrayList<>();
        for (Slot sl : slots) {
            out.add(new Style(sl.family().shade(sl.member(), sl.members()), DASHES[sl.member() % DASHES.length]));
        }
        return out;
    }

    /**
     * One style per member of groups (runs of several folders: {@code groups.get(i)} is run i's
     * folder): one family per group, as {@link #assign} gives them to the distinct groups in order,
     * the shade and the dash by the run's place in its group, so the groups read apart at a glance
     * and the runs of a group apart on a second look.
     */
    static List<Style> grouped(List<String> groups) {
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(groups));
        List<Family> families = assign(distinct);
        List<Family> fam = groups.stream().map(g -> families.get(distinct.indexOf(g))).toList();
        return styled(places(fam));
    }

    /** A label's family and its place among the family's labels (member of members, in order of appearance). */
    record Slot(Family family, int member, int members) {
    }

    /** Each label's family (as {@link #styles} assigns them) and its place in it. */
    static List<Slot> slots(List<String> labels) {
        List<Family> fam = new ArrayList<>();
        List<Family> others = new ArrayList<>(List.of(GREEN, PURPLE, VERMILION, GREY));
        java.util.Map<String, Family> otherOf = new java.util.HashMap<>();
        for (String label : labels) {
            Family f = preferred(label);
            if (f == null) {
                f = otherOf.get(label);
                if (f == null) {
                    f = others.get(otherOf.size() % others.size());
                    otherOf.put(label, f);
                }
            }
            fam.add(f);
        }
        return places(fam);
    }

    /** Each entry's family and its place among the entries of that family (in order). */
    private static List<Slot> places(List<Family> fam) {
        List<Slot> out = new ArrayList<>();
        for (int i = 0; i < fam.size(); i++) {
            Family f = fam.get(i);
            int member = 0;
            int members = 0;
            for (int j = 0; j < fam.size(); j++) {
                if (fam.get(j) == f) {
                    member += j < i ? 1 : 0;
                    members++;
                }
            }
            out.add(new Slot(f, member, members));
        }
        return out;
    }

    /**
     * The style of layer {@code layer} of {@code layers} of a model that is member {@code member} of
     * {@code members} of its family (gradient norms: one series per model and layer): one model's
     * layers go dark to light and solid to dashed; several models of a family take the shade by
     * model and the dash by layer, so no two series look alike up to four layers a model.
     */
    static Style layerStyle(Family f, int member, int members, int layer, int layers) {
        if (members <= 1) {
            return new Style(f.shade(layer, layers), DASHES[layer % DASHES.length]);
        }
        if (layers <= DASHES.length) {
            return new Style(f.shade(member, members), DASHES[layer % DASHES.length]);
        }
        return new Style(f.shade(member * layers + layer, members * layers), DASHES[layer % DASHES.length]);
    }

    /** One family per label, in order: preferred families first come, first served (see class doc). */
    static List<Family> assign(List<String> labels) {
        List<Family> out = new ArrayList<>();
        List<Family> taken = new ArrayList<>();
        for (String label : labels) {
            Family f = preferred(label);
            if (f != null && taken.contains(f)) {
                f = null;
            }
            out.add(f);
            if (f != null) {
                taken.add(f);
            }
        }
        int next = 0;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) == null) {
                Family f = null;
                for (int tries = 0; tries < FALLBACK.size() && f == null; tries++) {
                    Family c = FALLBACK.get(next++ % FALLBACK.size());
                    if (!taken.contains(c)) {
                        f = c;
                    }
                }
                if (f == null) { // more models than families: reuse in order
                    f = FALLBACK.get(i % FALLBACK.size());
                }
                out.set(i, f);
                taken.add(f);
            }
        }
        return out;
    }

    /** The family a label asks for, or null. */
    static Family preferred(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.contains("adder")) {
            return BLUE;
        }
        if (l.contains("mlp") || l.contains("cnn") || l.contains("fully") || l.contains("fc")) {
            return ORANGE;
        }
        return null;
    }

    /** Line stroke for layer {@code k}: solid for k = 0, then dashes, dots, dash-dots. */
    static Stroke layerStroke(int k, float width) {
        float[] dash = DASHES[k % DASHES.length];
        return dash == null ? solid(width) : dashed(width, dash);
    }

    static Stroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    static Stroke dashed(float width, float... dash) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color(lerp(a.getRed(), b.getRed(), t), lerp(a.getGreen(), b.getGreen(), t),
                lerp(a.getBlue(), b.getBlue(), t));
    }

    private static int lerp(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }
}
