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
    /// Findings counted and weighed per family, added one by one.
    struct Tally {
        var counts = SIMD8<Int>(), weighted = SIMD8<Double>(), mask = SIMD8<Int>()

        /// Adds the finding at `f`, read in place: taking a `Finding` by value copied it
        /// (`Finding.counts` is spelled out for the same reason).
        @inline(__always) mutating func add(_ f: UnsafePointer<Finding>) {
            let k = f.pointee.family.lane
            counts[k] += 1
            if f.pointee.voice == .author && f.pointee.weight != 0 { weighted[k] += f.pointee.weight; mask[k] = 1 }
        }
    }

    public static func score(_ findings: [Finding], words: Int, settings: ScoringSettings) -> Score {
        var tally = Tally()
        findings.withUnsafeBufferPointer { found in for i in found.indices { tally.add(found.baseAddress! + i) } }
        return score(tally, words: words, settings: settings)
    }

    static func score(_ tally: Tally, words: Int, settings: ScoringSettings) -> Score {
        let denominator = Double(max(words, settings.minWords))
        let density = 100 * tally.weighted / denominator
        var sum = 0.0
        for k in 0..<Family.allCases.count { sum += settings.familyWeightLanes[k] * density[k] }
        let index = 100 * (1 - exp(-sum / settings.scale))
        let rounded = (index * 10).rounded() / 10
        return Score(words: words, countLanes: tally.counts, weightedLanes: tally.weighted, weightedMask: tally.mask, densityLanes: density,
                     editorializing: rounded, flagged: words > 0 && rounded >= settings.flagThreshold)
    }
}

extension Family {
    /// Position in `allCases`: the lane of the family in a Score, and its order.
    @inline(__always) var lane: Int {
        switch self {
        case .loadedLanguage: 0
        case .unsourcedClaim: 1
        case .scareQuote: 2
        case .attribution: 3
        case .opinion: 4
        case .hedging: 5
        }
    }
}
