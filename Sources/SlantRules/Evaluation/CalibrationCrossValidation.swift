/// K-fold cross-validation: for each fold, fit on the other folds and measure on it.
///
/// The only figures calibration reports come from here, pooled over the held-out folds:
/// every unit is predicted exactly once, by a model that never saw it. Figures of a
/// model on the units it was fitted on say how well it memorised, not how well it
/// will do, so they are never computed.
public struct CalibrationCrossValidation<Model: LabelPredictor>: Sendable {
    public struct Fold: Sendable {
        /// Units fitted on and units measured on (positions into the examples).
        public var trainedOn: [Int]
        public var heldOut: [Int]
        /// The model fitted on `trainedOn`.
        public var model: Model
        /// Its predictions on `heldOut` against the gold labels.
        public var counts: Evaluator.Counts
    }

    public var folds: [Fold]

    /// Held-out counts added over the folds.
    public var pooled: Evaluator.Counts { folds.reduce(Evaluator.Counts()) { $0 + $1.counts } }

    /// `folds` must be disjoint lists of positions into `examples` (`CalibrationFolds.make`).
    public init(examples: [CalibrationExample], folds: [[Int]], fit: ([CalibrationExample]) -> Model) {
        self.folds = folds.map { heldOut in
            let held = Set(heldOut)
            let trainedOn = examples.indices.filter { !held.contains($0) }
            let model = fit(trainedOn.map { examples[$0] })
            var counts = Evaluator.Counts()
            for i in heldOut { counts.add(predicted: model.predicts(examples[i]), gold: examples[i].gold) }
            return Fold(trainedOn: trainedOn, heldOut: heldOut, model: model, counts: counts)
        }
    }
}
