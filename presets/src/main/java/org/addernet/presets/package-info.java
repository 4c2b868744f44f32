/**
 * Experiment presets: plain JSON files (comments allowed) that override typed defaults, loaded
 * strictly (unknown keys, wrong types and impossible values are errors naming file, line, field
 * and what was expected), merged with {@code --set} overrides and validated before anything runs.
 */
package org.addernet.presets;
