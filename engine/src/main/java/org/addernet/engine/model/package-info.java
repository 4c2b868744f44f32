/**
 * The model zoo: two-layer and deeper MLPs and AdderNets (Definition 2) built from a
 * {@link org.addernet.engine.model.ModelSpec} ({@link org.addernet.engine.model.Models}); the image
 * models LeNet-5-BN, LeNet++, VGG-small and ResNet-20/32, CNN and AdderNet
 * ({@link org.addernet.engine.model.ImageModels}); and the feature probe of Fig. 1 on the LeNet++
 * models' 2-D feature layer ({@link org.addernet.engine.model.FeatureProbe}).
 */
package org.addernet.engine.model;
