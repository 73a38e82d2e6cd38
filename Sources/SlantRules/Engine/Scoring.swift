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
    public static func score(_ findings: [Finding], words: Int, settings: ScoringSettings) -> Score {
        var counts: [Family: Int] = [:]
        var weighted: [Family: Double] = [:]
        for f in findings {
            counts[f.family, default: 0] += 1
            if f.counts { weighted[f.family, default: 0] += f.weight }
        }
        let denominator = Double(max(words, settings.minWords))
        var density: [Family: Double] = [:]
        var sum = 0.0
        for family in Family.allCases {
            let d = 100 * (weighted[family] ?? 0) / denominator
            density[family] = d
            sum += (settings.familyWeights[family] ?? 1) * d
        }
        let index = 100 * (1 - exp(-sum / settings.scale))
        let rounded = (index * 10).rounded() / 10
        return Score(words: words, counts: counts, weighted: weighted, density: density,
                     editorializing: rounded, flagged: words > 0 && rounded >= settings.flagThreshold)
    }
}
