/// Fits a label's rule multipliers and threshold to labelled examples.
///
/// Coordinate ascent over a small grid: starting from the rubric's current multipliers,
/// each rule in turn (in id order) gets the grid value that, with the best threshold for
/// it, scores highest on the objective; rounds repeat until none improves. It is
/// deterministic, needs no tuning, and every step can be explained ("doubling
/// hedge.modal raised macro-F1 from … to …"), which matters more here than squeezing out
/// the last point: the result is a rubric people read and edit.
public struct CalibrationFitter: Sendable {
    public var objective: CalibrationObjective
    /// Multipliers tried for each rule. A small set of round numbers keeps the written
    /// rubric readable and limits how closely the fit can follow noise.
    public var grid: [Double]
    /// Multipliers to start from (the label's current `rule_weights`).
    public var initial: [String: Double]
    public var maxRounds: Int

    public static let defaultGrid: [Double] = [0, 0.25, 0.5, 1, 1.5, 2, 3]

    public init(objective: CalibrationObjective = .macroF1, grid: [Double] = CalibrationFitter.defaultGrid,
                initial: [String: Double] = [:], maxRounds: Int = 20) {
        self.objective = objective
        self.grid = grid
        self.initial = initial
        self.maxRounds = maxRounds
    }

    /// The fitted model. Rules that fire in none of `examples` cannot be fitted and keep
    /// their initial multiplier.
    public func fit(_ examples: [CalibrationExample]) -> CalibrationModel {
        let rules = Set(examples.flatMap { $0.tallies.keys }).sorted()
        let matrix = Matrix(examples, rules: rules)
        var weights = rules.map { initial[$0] ?? 1 }
        var best = matrix.bestThreshold(weights, objective)
        for _ in 0..<maxRounds {
            var improved = false
            for r in rules.indices {
                for value in grid where value != weights[r] {
                    var trial = weights
                    trial[r] = value
                    let choice = matrix.bestThreshold(trial, objective)
                    // Strictly better only, so ties keep what the rubric had.
                    if choice.objective > best.objective + 1e-12 {
                        weights = trial
                        best = choice
                        improved = true
                    }
                }
            }
            if !improved { break }
        }
        var ruleWeights = initial
        for (r, rule) in rules.enumerated() { ruleWeights[rule] = weights[r] }
        return CalibrationModel(ruleWeights: ruleWeights, threshold: best.threshold)
    }

    /// The examples as rows of (rule column, value, count), columns in rule-id order, so a
    /// score adds up in the same order as `CalibrationModel.score` and gives the same number.
    struct Matrix {
        var rows: [[(column: Int, value: Double, count: Int)]]
        var gold: [Bool]

        init(_ examples: [CalibrationExample], rules: [String]) {
            let column = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1, $0) })
            rows = examples.map { e in
                e.tallies.keys.sorted().map { (column: column[$0]!, value: e.tallies[$0]!.value, count: e.tallies[$0]!.count) }
            }
            gold = examples.map(\.gold)
        }

        func scores(_ weights: [Double]) -> [Double?] {
            rows.map { row in
                var sum = 0.0
                var counted = false
                for cell in row where weights[cell.column] > 0 {
                    sum += weights[cell.column] * cell.value
                    if cell.count > 0 { counted = true }
                }
                return counted ? sum : nil
            }
        }

        func bestThreshold(_ weights: [Double], _ objective: CalibrationObjective) -> CalibrationThreshold.Choice {
            CalibrationThreshold.best(scores: scores(weights), gold: gold, objective: objective)
        }
    }
}
