/**
 * The workbench application: {@link org.addernet.app.Main} opens the JavaFX window when it is
 * given no arguments and runs the command line ({@code ./workbench run|queue|runs|bench|ops ...})
 * otherwise. The packages below point down, and an ArchUnit test keeps it so:
 * {@code cli} -> {@code ui} (views, view models) -> {@code store} (run store and queue) ->
 * {@code runner} (the one runner shape) -> {@code bench}, {@code lab} (experiments beyond training)
 * -> {@code figures} (headless charts) -> {@code render} (Java2D figures and primitives) ->
 * {@code io} (atomic files, JSON, run-folder names) -> the presets, datasets and engine modules.
 * A future {@code cluster} package (Apache Spark) sits between {@code ui} and {@code store}.
 */
package org.addernet.app;
