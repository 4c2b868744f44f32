/**
 * Image data sets on disk: MNIST and Fashion-MNIST (IDX files, gzip or raw) and CIFAR-10/100
 * (their binary batches), read into {@link org.addernet.engine.data.DataSet}s with pixels in
 * [0, 1].
 *
 * <p>{@link org.addernet.datasets.image.DataRoots} finds a set on disk in the documented order
 * ({@code --data DIR}, {@code $ADDERNET_DATA}, {@code ~/.addernet/data}, and for Fashion-MNIST
 * Debian's {@code /usr/share/datasets/fashion-mnist}) and loads its train/test pair;
 * {@link org.addernet.datasets.image.IdxReader} and {@link org.addernet.datasets.image.CifarReader}
 * check magic numbers, dimensions and byte counts and report a bad file as a
 * {@link org.addernet.datasets.image.DataFormatException} naming the file, the byte offset and
 * what was expected. {@link org.addernet.datasets.image.Normalization} and
 * {@link org.addernet.datasets.image.Augment} are the per-channel standardisation and the CIFAR
 * crop/flip augmentation; {@link org.addernet.datasets.image.Downloader} fetches a missing set
 * from {@link org.addernet.datasets.image.Sources} with resume and SHA-256 verification.
 */
package org.addernet.datasets.image;
