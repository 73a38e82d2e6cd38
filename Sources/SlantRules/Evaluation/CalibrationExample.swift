/// One gold unit reduced to what calibration can change.
///
/// Calibration never re-runs the rules: it only changes how a label's findings are
/// added up (a multiplier per rule, and the threshold). So each unit is scored once and
/// kept as, per rule the label selects, the weight (or count) its findings add — the
/// same quantity `LabelRules.Label.measure` sums — plus the human label.
public struct CalibrationExample: Sendable, Equatable {
    /// What one rule's findings in this unit add to the label's measure, before any multiplier.
    public struct Tally: Sendable, Equatable {
        /// Sum of finding weights (measure: weight) or number of findings (measure: count).
        public var value: Double
        /// Number of findings; a rule with findings makes the label possible at all.
        public var count: Int

        public init(value: Double, count: Int) {
            self.value = value
            self.count = count
        }
    }

    /// Position among the units being calibrated: the identity folds are made of
    /// (corpus ids are not guaranteed unique).
    public var index: Int
    /// Whether the human annotators gave the unit the label.
    public var gold: Bool
    /// Only rules that fired in this unit.
    public var tallies: [String: Tally]

    public init(index: Int, gold: Bool, tallies: [String: Tally]) {
        self.index = index
        self.gold = gold
        self.tallies = tallies
    }

    /// The example for one unit's findings, counting what `label` counts (its families or
    /// rules, voice and source types), without the label's current multipliers.
    public init(index: Int, gold: Bool, findings: [Finding], label: LabelRules.Label) {
        var tallies: [String: Tally] = [:]
        for f in findings where label.matches(f) {
            var t = tallies[f.rule] ?? Tally(value: 0, count: 0)
            t.value += label.byWeight ? f.weight : 1
            t.count += 1
            tallies[f.rule] = t
        }
        self.init(index: index, gold: gold, tallies: tallies)
    }
}
