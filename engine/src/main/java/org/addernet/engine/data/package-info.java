/**
 * The engine's view of data: {@link org.addernet.engine.data.DataSet}, an immutable labelled set
 * in flat arrays ({@code [size, dim]} row-major features, {@code [size]} class indices) that the
 * trainer draws batches from. Reading files of any data set format is the {@code datasets}
 * module's job; the engine only sees the arrays.
 */
package org.addernet.engine.data;
