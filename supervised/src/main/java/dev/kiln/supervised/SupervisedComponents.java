package dev.kiln.supervised;

import dev.kiln.core.component.Component;
import dev.kiln.core.component.ComponentProvider;
import dev.kiln.core.ml.Learners;
import dev.kiln.supervised.classic.DecisionTreeClassifier;
import dev.kiln.supervised.classic.DecisionTreeRegressor;
import dev.kiln.supervised.classic.KNeighborsClassifier;
import dev.kiln.supervised.classic.KNeighborsRegressor;
import dev.kiln.supervised.classic.Lasso;
import dev.kiln.supervised.classic.LinearRegression;
import dev.kiln.supervised.classic.LinearSvm;
import dev.kiln.supervised.classic.LogisticRegression;
import dev.kiln.supervised.classic.RandomForestClassifier;
import dev.kiln.supervised.classic.RandomForestRegressor;
import dev.kiln.supervised.classic.SvmClassifier;
import java.util.List;

/**
 * This module's registered learners (found through {@code META-INF/services}): every classic
 * classifier and regressor, by the name a config or model file uses and its {@code Config} record.
 */
public final class SupervisedComponents implements ComponentProvider {
    @Override
    public List<Component<?, ?>> components() {
        return List.of(
                Component.of(Learners.CLASSIFIER, "decision-tree-classifier", DecisionTreeClassifier.Config.DEFAULTS,
                        DecisionTreeClassifier::new, "CART classification tree (gini or entropy)"),
                Component.of(Learners.CLASSIFIER, "random-forest-classifier", RandomForestClassifier.Config.DEFAULTS,
                        RandomForestClassifier::new, "random forest of CART trees on bootstrap samples"),
                Component.of(Learners.CLASSIFIER, "logistic-regression", LogisticRegression.Config.DEFAULTS,
                        LogisticRegression::new, "binary or multinomial logistic regression (L2, L1 or no penalty)"),
                Component.of(Learners.CLASSIFIER, "linear-svm", LinearSvm.Config.DEFAULTS, LinearSvm::new,
                        "linear SVM, hinge loss, dual coordinate descent, one-vs-rest"),
                Component.of(Learners.CLASSIFIER, "svm-classifier", SvmClassifier.Config.DEFAULTS, SvmClassifier::new,
                        "kernel SVM (SMO, one-vs-one) with Platt probabilities"),
                Component.of(Learners.CLASSIFIER, "knn-classifier", KNeighborsClassifier.Config.DEFAULTS,
                        KNeighborsClassifier::new, "k-nearest-neighbours classifier (class shares among the k nearest rows)"),
                Component.of(Learners.REGRESSOR, "decision-tree-regressor", DecisionTreeRegressor.Config.DEFAULTS,
                        DecisionTreeRegressor::new, "CART regression tree (squared error)"),
                Component.of(Learners.REGRESSOR, "random-forest-regressor", RandomForestRegressor.Config.DEFAULTS,
                        RandomForestRegressor::new, "random forest of CART regression trees"),
                Component.of(Learners.REGRESSOR, "linear-regression", LinearRegression.Config.DEFAULTS,
                        LinearRegression::new, "least squares or ridge (QR or SGD)"),
                Component.of(Learners.REGRESSOR, "lasso", Lasso.Config.DEFAULTS, Lasso::new,
                        "L1-penalised least squares by coordinate descent"),
                Component.of(Learners.REGRESSOR, "knn-regressor", KNeighborsRegressor.Config.DEFAULTS,
                        KNeighborsRegressor::new, "k-nearest-neighbours regressor (mean target of the k nearest rows)"));
    }
}
