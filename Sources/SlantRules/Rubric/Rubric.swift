/// A complete rubric: rules, lexicons and the scoring settings, as loaded from a folder.
public struct Rubric: Sendable {
    public var name: String
    public var version: String
    public var description: String
    /// SHA-256 over every file of the rubric, so a score names exactly the rules that made it.
    public var sha256: String
    public var directory: String
    public var scoring: ScoringSettings
    public var rules: [Rule]
    public var lexicons: [String: Lexicon]
    /// How `slant eval` predicts corpus labels from findings.
    public var labelRules: LabelRules
    public var warnings: [RubricWarning]

    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}

/// How findings become scores. See README "Scoring" for the formula.
public struct ScoringSettings: Sendable {
    /// Multiplier of each family's weighted density in the editorializing sum.
    public var familyWeights: [Family: Double] { didSet { familyWeightLanes = Self.lanes(familyWeights) } }
    /// The same multipliers one lane per family (1 where unset), read for every paragraph.
    private(set) var familyWeightLanes: SIMD8<Double>
    /// Density denominators never drop below this many words, so one word in a
    /// three-word paragraph does not read as 33 per 100.
    public var minWords: Int
    /// The sum at which the index reaches 63 (1 − 1/e); larger means gentler.
    public var scale: Double
    /// A paragraph is flagged at or above this index.
    public var flagThreshold: Double

    public init(familyWeights: [Family: Double], minWords: Int, scale: Double, flagThreshold: Double) {
        self.familyWeights = familyWeights
        familyWeightLanes = Self.lanes(familyWeights)
        self.minWords = minWords
        self.scale = scale
        self.flagThreshold = flagThreshold
    }

    private static func lanes(_ weights: [Family: Double]) -> SIMD8<Double> {
        var lanes = SIMD8<Double>(repeating: 1)
        for family in Family.allCases { lanes[family.lane] = weights[family] ?? 1 }
        return lanes
    }
}
