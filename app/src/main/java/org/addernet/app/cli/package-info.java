/**
 * The command line, built with picocli: {@code run} (a preset, a sweep or a lab experiment, or
 * {@code --resume DIR}; runs start through {@code runner.Runners}), {@code queue}, {@code runs},
 * {@code curves}, {@code weights}, {@code filters}, {@code features}, {@code theorem4},
 * {@code bench}, {@code ops}, {@code presets} and {@code download}.
 * DESIGN.md's contract: bad input is one line on stderr naming the file, the field and what was
 * expected, never a stack trace; exit 0 only when every run completed.
 */
package org.addernet.app.cli;
