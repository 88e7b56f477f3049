/**
 * Binary classifiers behind one protocol (`Classifier.fit(X, y)` → `FittedClassifier` with
 * `predictProba` and, where defined, `decisionFunction`): L2 logistic regression (scikit-learn's
 * objective, exact optimum), C-SVC with RBF/linear kernels (libsvm's SMO, Platt probabilities), and a
 * seeded random forest.
 */
export * from './classifier.js';
export * from './logistic-l2.js';
export * from './smo-solver.js';
export * from './svc.js';
export * from './random-forest.js';
