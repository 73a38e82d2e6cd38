/// How a rubric turns findings into the labels of human-annotated corpora, so the
/// engine can be measured against them. Kept in the rubric, as data, because it is a
/// modelling decision a newsroom may want to tune like any rule.
public struct LabelRules: Sendable {
    /// Predicts a unit-level label from the unit's findings.
    public struct Label: Sendable {
        public var name: String
        /// Findings of these families count…
        public var families: Set<Family>
        /// …or of these rules (either list may be empty).
        public var rules: Set<String>
        /// Only findings in the author's voice (true) or any voice (false).
        public var authorOnly: Bool
        /// Count findings (false) or add up their weights (true).
        public var byWeight: Bool
        /// The label is predicted when the count or weight reaches this.
        public var threshold: Double
        /// Attribution findings of these source types only (empty: all).
        public var sourceTypes: Set<SourceType>
        /// A multiplier per rule id (`rule_weights:`), as fitted by `slant calibrate`: how
        /// much each rule's findings count towards this label. Rules not listed count ×1,
        /// so a rubric without the key measures exactly as before; ×0 leaves a rule out.
        public var ruleWeights: [String: Double] = [:]

        public func matches(_ f: Finding) -> Bool {
            (families.contains(f.family) || rules.contains(f.rule))
                && (!authorOnly || f.voice == .author)
                && (sourceTypes.isEmpty || f.sourceType.map(sourceTypes.contains) == true)
        }

        public func multiplier(for rule: String) -> Double { ruleWeights[rule] ?? 1 }

        /// The findings that count: those the label selects, except rules weighted ×0.
        public func counted(_ findings: [Finding]) -> [Finding] {
            findings.filter { matches($0) && multiplier(for: $0.rule) > 0 }
        }

        /// The weight (or count) the threshold is compared with, each finding scaled by
        /// its rule's multiplier.
        public func measure(_ counted: [Finding]) -> Double {
            counted.reduce(0) { $0 + (byWeight ? $1.weight : 1) * multiplier(for: $1.rule) }
        }

        public func predicts(_ findings: [Finding]) -> Bool {
            let selected = counted(findings)
            return measure(selected) >= threshold && !selected.isEmpty
        }
    }

    /// Which findings stand for a corpus' span label (any overlap counts).
    public struct SpanLabel: Sendable {
        public var name: String
        public var families: Set<Family>
        public var rules: Set<String>
        /// Compare with the attributed source's span instead of the finding's own span.
        public var useSource: Bool
    }

    public var labels: [String: Label]
    public var spans: [String: SpanLabel]

    public init(labels: [String: Label] = [:], spans: [String: SpanLabel] = [:]) {
        self.labels = labels
        self.spans = spans
    }
}
