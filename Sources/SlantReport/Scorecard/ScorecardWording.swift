import Foundation
import SlantRules

/// The sentences every scorecard format shares, written once so text, Markdown and
/// HTML say the same thing in the same words.
enum ScorecardWording {
    /// One decimal, integers without ".0" (as `slant score` prints the index).
    static func number(_ d: Double) -> String { ScoreText.format((d * 10).rounded() / 10) }

    /// Two decimals at most, for densities and weights.
    static func number2(_ d: Double) -> String {
        let r = (d * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static func percent(_ share: Double?) -> String {
        share.map { "\(Int(($0 * 100).rounded()))%" } ?? "n/a"
    }

    static func headline(_ c: Scorecard) -> String {
        "editorializing index \(number(c.index))/100 — \(c.band.name)"
    }

    static func flagged(_ c: Scorecard) -> String {
        "\(c.flagged.count) of \(c.scoredParagraphs) scored paragraphs flagged (index ≥ \(number(c.flagThreshold)))"
    }

    static func claims(_ s: Sourcing) -> String {
        s.claims == 0 ? "no checkable claims found"
            : "\(s.claimsAttributed) of \(s.claims) claims attributed (\(percent(s.attributedShare))); \(s.claims - s.claimsAttributed) not"
    }

    static func attributions(_ s: Sourcing) -> String {
        let mix = SourceType.allCases.map { "\($0.rawValue) \(s.attributions[$0] ?? 0)" }.joined(separator: ", ")
        return s.totalAttributions == 0 ? "none" : "\(mix) (\(percent(s.unnamedShare)) anonymous or agentless)"
    }

    /// What reviewers said, in one line; "no reviewer notes (why)" when there are none.
    static func reviewers(_ c: Scorecard) -> String {
        guard let r = c.reviews, !r.notes.isEmpty else {
            return "no reviewer notes" + (c.reviewsUnavailable.map { " (\($0))" } ?? (c.reviews != nil ? " (none yet in the annotation store)" : ""))
        }
        var line = "\(r.notes.count) note\(r.notes.count == 1 ? "" : "s") by \(r.reviewers.joined(separator: ", "))"
        line += "; " + findingVerdicts(c, r)
        if !r.paragraphVerdicts.isEmpty {
            line += "; paragraph verdicts: " + ScorecardNote.Verdict.allCases.map { "\($0.rawValue) \(r.paragraphVerdicts[$0] ?? 0)" }.joined(separator: ", ")
        }
        if !r.orphaned.isEmpty { line += "; \(r.orphaned.count) orphaned" }
        return line
    }

    static func findingVerdicts(_ c: Scorecard, _ r: Scorecard.Reviews) -> String {
        guard r.findingsJudged > 0 else { return "no findings judged" }
        var s = "reviewers agreed with \(r.findingsByVerdict[.agree] ?? 0) finding\((r.findingsByVerdict[.agree] ?? 0) == 1 ? "" : "s")"
        s += " and disagreed with \(r.findingsByVerdict[.disagree] ?? 0)"
        if let u = r.findingsByVerdict[.unsure], u > 0 { s += " (unsure about \(u))" }
        s += " — \(r.findingsJudged) of \(c.findingCount) findings judged"
        if r.unmatchedFindingNotes > 0 { s += "; \(r.unmatchedFindingNotes) judged finding(s) no longer reported" }
        return s
    }

    /// "Mara Lind: agree [loaded_language]" plus where the note is when it is not on a paragraph.
    static func noteHead(_ n: ScorecardNote) -> String {
        var s = "\(n.reviewer): \(n.verdictText)"
        if let l = n.label { s += " [\(l)]" }
        switch n.target {
        case .paragraph: s += " on the paragraph"
        case .finding: s += " on finding \(n.rule ?? "?") «\(excerpt(n.quote))»"
        case .quote: s += " on «\(excerpt(n.quote))»"
        }
        if n.anchor != .exact { s += " (\(n.anchor.rawValue))" }
        return s
    }

    /// At most `limit` characters on one line.
    static func excerpt(_ s: String, limit: Int = 60) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }

    static func oneLine(_ s: String) -> String { s.replacingOccurrences(of: "\n", with: " ") }
}
