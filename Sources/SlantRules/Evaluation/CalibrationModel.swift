/// Anything that predicts a label for a calibration example. Cross-validation is written
/// against this rather than `CalibrationModel`, so a test can hand it a model that
/// memorises its training units and show that held-out figures never come from them.
public protocol LabelPredictor: Sendable {
    func predicts(_ example: CalibrationExample) -> Bool
}

/// The part of a label rule that `slant calibrate` fits: a multiplier per rule and the
/// threshold. It predicts exactly what `LabelRules.Label.predicts` would with the same
/// `rule_weights` and `threshold`: the label when the multiplied measure reaches the
/// threshold and at least one counted finding (a rule with a multiplier above 0) fired.
public struct CalibrationModel: LabelPredictor, Equatable {
    /// Multiplier per rule id; a rule not listed counts ×1.
    public var ruleWeights: [String: Double]
    public var threshold: Double

    public init(ruleWeights: [String: Double], threshold: Double) {
        self.ruleWeights = ruleWeights
        self.threshold = threshold
    }

    /// The parameters a label has now (its `rule_weights` and `threshold`).
    public init(label: LabelRules.Label) {
        self.init(ruleWeights: label.ruleWeights, threshold: label.threshold)
    }

    public func multiplier(for rule: String) -> Double { ruleWeights[rule] ?? 1 }

    /// Whether any finding counts at all; without one the label is never predicted,
    /// whatever the threshold (as in `LabelRules.Label.predicts`).
    public func counts(_ example: CalibrationExample) -> Bool {
        example.tallies.contains { $0.value.count > 0 && multiplier(for: $0.key) > 0 }
    }

    /// The multiplied measure the threshold is compared with.
    public func score(_ example: CalibrationExample) -> Double {
        example.tallies.keys.sorted().reduce(0) { sum, rule in
            let m = multiplier(for: rule)
            return m > 0 ? sum + m * example.tallies[rule]!.value : sum
        }
    }

    public func predicts(_ example: CalibrationExample) -> Bool {
        counts(example) && score(example) >= threshold
    }
}

/// What calibration maximises on the training folds.
public enum CalibrationObjective: String, Sendable, CaseIterable {
    /// F1 of the label (positive class) only.
    case f1 = "f1"
    /// Mean of the F1 of the label and of its absence: rewards getting both right, so a
    /// model cannot win by predicting the label everywhere.
    case macroF1 = "macro-f1"

    public func value(_ counts: Evaluator.Counts) -> Double {
        switch self {
        case .f1: return counts.f1
        case .macroF1: return counts.macroF1
        }
    }

    public var title: String {
        switch self {
        case .f1: return "F1"
        case .macroF1: return "macro-F1"
        }
    }
}

extension Evaluator.Counts {
    /// Adds one prediction against its gold label.
    public mutating func add(predicted: Bool, gold: Bool) {
        switch (predicted, gold) {
        case (true, true): tp += 1
        case (true, false): fp += 1
        case (false, true): fn += 1
        case (false, false): tn += 1
        }
    }

    public static func + (a: Evaluator.Counts, b: Evaluator.Counts) -> Evaluator.Counts {
        Evaluator.Counts(tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn)
    }

    public var total: Int { tp + fp + fn + tn }
}
