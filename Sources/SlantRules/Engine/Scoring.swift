import Foundation

/// Turns findings into scores. Pure arithmetic, documented in the README:
///
///     weighted_f  = Σ weight of author-voice findings of family f
///     density_f   = 100 × weighted_f / max(words, min_words)
///     E           = Σ_f family_weight_f × density_f
///     index       = 100 × (1 − e^(−E / scale))
///
/// The exponential keeps the index in 0–100 and makes the first findings in a
/// paragraph move it most, so one loaded word in a long report stays low while a
/// paragraph dense with them approaches 100.
public enum Scoring {
    /// Families in a fixed order, so the sums run over arrays: hashing a dictionary key
    /// per finding was a tenth of all scoring time.
    static let families = Family.allCases
    @inline(__always) static func position(_ family: Family) -> Int { families.firstIndex(of: family)! }

    public static func score(_ findings: [Finding], words: Int, settings: ScoringSettings) -> Score {
        let n = families.count
        var countList = [Int](repeating: 0, count: n)
        var weightedList = [Double](repeating: 0, count: n)
        var counted = [Bool](repeating: false, count: n)
        for f in findings {
            let k = position(f.family)
            countList[k] += 1
            if f.counts { weightedList[k] += f.weight; counted[k] = true }
        }
        let denominator = Double(max(words, settings.minWords))
        var counts: [Family: Int] = [:], weighted: [Family: Double] = [:], density: [Family: Double] = [:]
        density.reserveCapacity(n)
        var sum = 0.0
        for (k, family) in families.enumerated() {
            if countList[k] > 0 { counts[family] = countList[k] }
            if counted[k] { weighted[family] = weightedList[k] }
            let d = 100 * weightedList[k] / denominator
            density[family] = d
            sum += (settings.familyWeights[family] ?? 1) * d
        }
        let index = 100 * (1 - exp(-sum / settings.scale))
        let rounded = (index * 10).rounded() / 10
        return Score(words: words, counts: counts, weighted: weighted, density: density,
                     editorializing: rounded, flagged: words > 0 && rounded >= settings.flagThreshold)
    }
}
