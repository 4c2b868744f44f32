package org.addernet.datasets.image;

import org.addernet.engine.data.DataSet;

/** A data set's official training and test parts. */
public record TrainTest(DataSet train, DataSet test) {
}
