/** {@code ./workbench bench}: measures the engine's training steps, prints a table and writes bench.json. */
package org.addernet.app.bench;
