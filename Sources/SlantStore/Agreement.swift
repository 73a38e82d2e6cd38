/// Inter-reviewer agreement, from notes alone (pure arithmetic).
///
/// - Paragraph verdicts: one unit per document and paragraph (the paragraph index
///   the note was written on); each reviewer's latest verdict there. Cohen's kappa for
///   every pair of reviewers over the units both judged; Krippendorff's alpha (nominal)
///   over all reviewers, which tolerates missing judgements.
/// - Rules: the engine is one more annotator — for every finding note, did the
///   reviewer agree with the rule? The share of agreeing verdicts per rule shows which
///   rules reviewers keep rejecting.
public enum Agreement {
    /// One verdict by one reviewer on one unit.
    public struct Judgement: Sendable, Hashable {
        public var unit: String
        public var reviewer: String
        public var value: String
        public init(unit: String, reviewer: String, value: String) { self.unit = unit; self.reviewer = reviewer; self.value = value }
    }

    public struct Pair: Sendable, Hashable {
        public var a: String
        public var b: String
        /// Units both judged.
        public var units: Int
        public var observed: Double?
        /// nil when undefined (no shared units, or chance agreement is 1).
        public var kappa: Double?
    }

    public struct RuleFigures: Sendable, Hashable {
        public var rule: String
        public var agree = 0
        public var disagree = 0
        public var unsure = 0
        /// agree / (agree + disagree); nil with no decided verdicts.
        public var agreedShare: Double? { agree + disagree == 0 ? nil : Double(agree) / Double(agree + disagree) }
    }

    public struct Report: Sendable {
        public var units: Int
        public var reviewers: [String]
        public var pairs: [Pair]
        public var alpha: Double?
        public var rules: [RuleFigures]
    }

    public static func report(_ notes: [NoteView]) -> Report {
        // Latest verdict per reviewer and unit.
        var latest: [String: (updated: String, judgement: Judgement)] = [:]
        var rules: [String: RuleFigures] = [:]
        for v in notes {
            guard let verdict = v.note.verdict else { continue }
            switch v.note.targetKind {
            case .paragraph:
                guard let p = v.note.paragraph else { continue }
                let unit = "\(v.documentKey)#\(p)"
                let key = unit + "\u{0}" + v.reviewer
                if let old = latest[key], old.updated > v.note.updated { continue }
                latest[key] = (v.note.updated, Judgement(unit: unit, reviewer: v.reviewer, value: verdict.rawValue))
            case .finding:
                guard let rule = v.note.targetRule else { continue }
                var r = rules[rule] ?? RuleFigures(rule: rule)
                switch verdict {
                case .agree: r.agree += 1
                case .disagree: r.disagree += 1
                case .unsure: r.unsure += 1
                }
                rules[rule] = r
            case .quote: continue
            }
        }
        let judgements = latest.values.map(\.judgement)
        let reviewers = Set(judgements.map(\.reviewer)).sorted()
        var pairs: [Pair] = []
        for (i, a) in reviewers.enumerated() {
            for b in reviewers[(i + 1)...] { pairs.append(cohen(judgements, a, b)) }
        }
        return Report(units: Set(judgements.map(\.unit)).count, reviewers: reviewers, pairs: pairs,
                      alpha: krippendorffNominal(judgements),
                      rules: rules.values.sorted { ($0.agreedShare ?? 2, $0.rule) < ($1.agreedShare ?? 2, $1.rule) })
    }

    /// Cohen's kappa between reviewers `a` and `b`: (pₒ − pₑ) / (1 − pₑ) over shared units.
    public static func cohen(_ judgements: [Judgement], _ a: String, _ b: String) -> Pair {
        var va: [String: String] = [:], vb: [String: String] = [:]
        for j in judgements {
            if j.reviewer == a { va[j.unit] = j.value }
            if j.reviewer == b { vb[j.unit] = j.value }
        }
        let shared = va.keys.filter { vb[$0] != nil }
        guard !shared.isEmpty else { return Pair(a: a, b: b, units: 0, observed: nil, kappa: nil) }
        let n = Double(shared.count)
        let po = Double(shared.filter { va[$0] == vb[$0] }.count) / n
        var ca: [String: Double] = [:], cb: [String: Double] = [:]
        for u in shared { ca[va[u]!, default: 0] += 1; cb[vb[u]!, default: 0] += 1 }
        let pe = ca.reduce(0.0) { $0 + ($1.value / n) * ((cb[$1.key] ?? 0) / n) }
        let kappa: Double? = pe >= 1 ? nil : (po - pe) / (1 - pe)
        return Pair(a: a, b: b, units: shared.count, observed: po, kappa: kappa)
    }

    /// Krippendorff's alpha for nominal data: 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k,
    /// from the coincidence matrix of units with at least two values. nil when undefined
    /// (fewer than two pairable values, or every value the same).
    public static func krippendorffNominal(_ judgements: [Judgement]) -> Double? {
        let byUnit = Dictionary(grouping: judgements, by: \.unit)
        var o: [String: [String: Double]] = [:]
        for (_, values) in byUnit where values.count >= 2 {
            let m = Double(values.count)
            for (i, x) in values.enumerated() {
                for (j, y) in values.enumerated() where i != j {
                    o[x.value, default: [:]][y.value, default: 0] += 1 / (m - 1)
                }
            }
        }
        var nc: [String: Double] = [:]
        for (c, row) in o { nc[c] = row.values.reduce(0, +) }
        let n = nc.values.reduce(0, +)
        guard n > 1 else { return nil }
        var disagreements = 0.0
        for (c, row) in o { for (k, v) in row where k != c { disagreements += v } }
        var expected = 0.0
        for (c, x) in nc { for (k, y) in nc where k != c { expected += x * y } }
        guard expected > 0 else { return nil }
        return 1 - (n - 1) * disagreements / expected
    }
}
