/**
 * Semi-supervised learning: a data set with a labelled and an unlabelled part
 * ({@link dev.kiln.semisupervised.SemiSupervisedSet}), seeded label hiding whose split is a text
 * file a peer can read ({@link dev.kiln.semisupervised.LabelHiding}), self-training around any
 * classifier learner ({@link dev.kiln.semisupervised.SelfTrainingClassifier}) and graph-based
 * label propagation and spreading on an RBF or a sparse kNN graph
 * ({@link dev.kiln.semisupervised.LabelSpreading}, {@link dev.kiln.semisupervised.LabelPropagation}).
 * Every fitted model is a {@link dev.kiln.core.ml.Classifier}.
 */
package dev.kiln.semisupervised;
