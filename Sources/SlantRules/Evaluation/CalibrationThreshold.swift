/// The best threshold for fixed multipliers, found exactly rather than on a grid.
///
/// Only the order of the units' scores matters, so the candidates are the cuts between
/// consecutive distinct scores (plus "predict none"). Each cut is represented by a short
/// decimal strictly between the two scores it separates, so the threshold written to
/// the rubric reads well (0.8, not 0.7500000001) and a rounding difference in how the
/// engine adds the same weights cannot move a unit across it.
public enum CalibrationThreshold {
    public struct Choice: Sendable, Equatable {
        public var threshold: Double
        public var objective: Double
        public var counts: Evaluator.Counts
    }

    /// Scores closer than this are one value: sums of the same weights in another
    /// order can differ in the last bits.
    static let tolerance = 1e-9

    /// `scores[i]` is nil when unit `i` has no counted finding (never predicted).
    /// Ties in the objective go to the higher threshold (fewer units flagged).
    public static func best(scores: [Double?], gold: [Bool], objective: CalibrationObjective) -> Choice {
        let positives = gold.filter { $0 }.count
        // Candidates from the highest score down; after cut j every unit scoring at
        // least distinct[j] is predicted.
        let order = scores.indices.filter { scores[$0] != nil }.sorted { scores[$0]! > scores[$1]! }
        var counts = Evaluator.Counts(tp: 0, fp: 0, fn: positives, tn: gold.count - positives)
        let top = order.first.map { scores[$0]! }
        var best = Choice(threshold: above(top ?? 0), objective: objective.value(counts), counts: counts)
        var i = 0
        while i < order.count {
            let level = scores[order[i]]!
            // Every unit within tolerance of this level goes positive together.
            while i < order.count, level - scores[order[i]]! <= tolerance * max(1, abs(level)) {
                if gold[order[i]] { counts.tp += 1; counts.fn -= 1 } else { counts.fp += 1; counts.tn -= 1 }
                i += 1
            }
            let value = objective.value(counts)
            if value > best.objective {
                let next = i < order.count ? scores[order[i]]! : nil
                best = Choice(threshold: below(level, next: next), objective: value, counts: counts)
            }
        }
        return best
    }

    /// A threshold no unit reaches.
    static func above(_ top: Double) -> Double {
        between(top, top + max(1, abs(top)))
    }

    /// A threshold every unit scoring `level` reaches and the next lower score does not.
    /// Below the lowest score any value up to it would do; half of it keeps new units
    /// with a weaker signal than any seen from being flagged by a threshold of 0.
    static func below(_ level: Double, next: Double?) -> Double {
        if let next { return between(next, level) }
        return level > 0 ? between(level / 2, level) : between(level - 1, level)
    }

    /// The number with the fewest decimals strictly inside (lo, hi), keeping a margin of
    /// the tolerance from both ends; near the middle when there is a choice.
    static func between(_ lo: Double, _ hi: Double) -> Double {
        let margin = tolerance * max(1, abs(lo), abs(hi))
        let mid = (lo + hi) / 2
        var scale = 1.0
        for _ in 0...12 {
            let candidate = (mid * scale).rounded() / scale
            if candidate > lo + margin && candidate < hi - margin { return candidate }
            scale *= 10
        }
        return mid
    }
}
