/// `slant calibrate`: fit one label's rule multipliers and threshold on labelled units,
/// and measure the result by cross-validation only.
///
/// The steps are split so the CLI can score units on all cores in between:
/// `label(named:in:)` and `select(…)` check the request before any scoring,
/// `Evaluator.findings(for:engine:)` scores each unit once, and `run(…)` fits and measures.
public enum Calibration {
    public struct Options: Sendable {
        public var folds: Int
        public var seed: UInt64
        public var objective: CalibrationObjective
        public var grid: [Double]

        public init(folds: Int = 5, seed: UInt64 = 1, objective: CalibrationObjective = .macroF1,
                    grid: [Double] = CalibrationFitter.defaultGrid) {
            self.folds = folds
            self.seed = seed
            self.objective = objective
            self.grid = grid
        }
    }

    /// The units to calibrate on: those of the files in which the label occurs. A file
    /// that never uses the label was not annotated for it (as in `slant eval`), so its
    /// units are not taken as negatives.
    public struct Selection: Sendable {
        public var files: [String]
        public var skippedFiles: [String]
        public var units: [GoldUnit]
    }

    /// How often a rule the label counts fired in the data: what its multiplier could be
    /// fitted from.
    public struct RuleUse: Sendable, Equatable {
        public var rule: String
        /// Units in which it fired, and how many of those carry the label.
        public var units: Int
        public var labelled: Int
    }

    public struct Outcome: Sendable {
        public var label: LabelRules.Label
        public var options: Options
        public var files: [String]
        public var skippedFiles: [String]
        public var units: Int
        public var positives: Int
        /// The rubric as it is, on the same units (what `slant eval` reports).
        public var current: Evaluator.Counts
        /// Held-out figures of models fitted without the fold they are measured on.
        public var crossValidation: CalibrationCrossValidation<CalibrationModel>
        /// Fitted on every unit; only its parameters are reported.
        public var fitted: CalibrationModel
        /// Every rule the label counts, in id order.
        public var rules: [RuleUse]

        /// The label with the fitted parameters, as it will be written.
        public var calibratedLabel: LabelRules.Label {
            var l = label
            l.threshold = fitted.threshold
            l.ruleWeights = fitted.ruleWeights
            return l
        }
    }

    public static func label(named name: String, in rubric: Rubric) throws -> LabelRules.Label {
        guard let label = rubric.labelRules.labels[name] else {
            throw CalibrationError.unknownLabel(name, known: rubric.labelRules.labels.keys.sorted())
        }
        return label
    }

    /// The units of the files that use the label; fails when no unit has it, every unit
    /// has it, or there are fewer units than folds.
    public static func select(label: String, files: [(path: String, units: [GoldUnit])], folds: Int) throws -> Selection {
        guard folds >= 2 else { throw CalibrationError.tooFewFolds(folds) }
        let used = files.filter { $0.units.contains { $0.labels.contains(label) } }
        guard !used.isEmpty else {
            throw CalibrationError.labelAbsent(label, files: files.map(\.path), units: files.reduce(0) { $0 + $1.units.count })
        }
        let units = used.flatMap(\.units)
        if units.allSatisfy({ $0.labels.contains(label) }) { throw CalibrationError.labelEverywhere(label, units: units.count) }
        if units.count < folds { throw CalibrationError.tooFewUnits(units: units.count, folds: folds) }
        return Selection(files: used.map(\.path), skippedFiles: files.filter { f in !used.contains { $0.path == f.path } }.map(\.path),
                         units: units)
    }

    /// Fits and cross-validates. `findings[i]` are the findings of `selection.units[i]`.
    public static func run(selection: Selection, findings: [[Finding]], label: LabelRules.Label,
                           rubric: Rubric, options: Options) -> Outcome {
        precondition(findings.count == selection.units.count, "one list of findings per unit")
        var current = Evaluator.Counts()
        var examples: [CalibrationExample] = []
        for (i, (unit, found)) in zip(selection.units, findings).enumerated() {
            let gold = unit.labels.contains(label.name)
            current.add(predicted: label.predicts(found), gold: gold)
            examples.append(CalibrationExample(index: i, gold: gold, findings: found, label: label))
        }
        let fitter = CalibrationFitter(objective: options.objective, grid: options.grid, initial: label.ruleWeights)
        let folds = CalibrationFolds.make(gold: examples.map(\.gold), folds: options.folds, seed: options.seed)
        let cv = CalibrationCrossValidation(examples: examples, folds: folds, fit: fitter.fit)
        return Outcome(label: label, options: options, files: selection.files, skippedFiles: selection.skippedFiles,
                       units: examples.count, positives: examples.filter(\.gold).count, current: current,
                       crossValidation: cv, fitted: fitter.fit(examples), rules: ruleUses(label: label, rubric: rubric, examples: examples))
    }

    /// The rules the label can count (by family or id), with how often each fired.
    static func ruleUses(label: LabelRules.Label, rubric: Rubric, examples: [CalibrationExample]) -> [RuleUse] {
        let ids = rubric.rules.filter { label.families.contains($0.family) || label.rules.contains($0.id) }.map(\.id)
        return Set(ids).sorted().map { id in
            let fired = examples.filter { ($0.tallies[id]?.count ?? 0) > 0 }
            return RuleUse(rule: id, units: fired.count, labelled: fired.filter(\.gold).count)
        }
    }
}
