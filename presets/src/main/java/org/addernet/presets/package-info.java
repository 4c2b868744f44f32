/**
 * Experiment presets: plain JSON files (comments allowed) that override typed defaults, loaded
 * strictly (unknown keys, wrong types and impossible values are errors naming file, line, field
 * and what was expected), merged with {@code --set} overrides and validated before anything runs.
 *
 * <p>{@link org.addernet.presets.PresetLoader} does it all, in order: {@code LocatedJson} reads
 * and places every key (file:line:column), {@code Origins} says where a value came from (the
 * file, a {@code --set}, the defaults, a sweep variant), {@code KeyHints} words unknown keys
 * ("did you mean ..."), {@code Sweeps} completes a sweep section, {@code PresetShape} checks
 * every value's type and {@link org.addernet.presets.PresetValidator} its range; every problem is
 * collected into one {@link org.addernet.presets.PresetException}.
 */
package org.addernet.presets;
