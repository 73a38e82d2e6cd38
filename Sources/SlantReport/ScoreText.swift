import Foundation
import SlantRules
import SlantText

/// Lint-style text for `slant score`: one line per finding (`file:line:col family rule
/// message`), the text in context with the match highlighted, then a summary per
/// scored paragraph and per article.
public enum ScoreText {
    public static func render(_ a: ScoredArticle, color: Bool) -> String {
        let style = Style(enabled: color)
        let lines = LineIndex(a.article.text)
        var out = ""
        for p in a.paragraphs where !p.findings.isEmpty {
            for f in p.findings {
                let (line, col) = lines.location(of: f.span.start)
                let voice = f.voice == .quoted ? " (quoted)" : ""
                out += "\(a.article.source):\(line):\(col) \(style.family(f.family)) \(f.rule) \(f.message)\(voice)\n"
                out += "    " + context(f, in: a.article, style: style) + "\n"
            }
        }
        out += "\n"
        for p in a.paragraphs where p.scored && (p.score.flagged || !p.findings.isEmpty) {
            let (line, _) = lines.location(of: p.paragraph.span.start)
            let flag = p.score.flagged ? style.bold(" FLAGGED") : ""
            out += "  ¶\(p.paragraph.index) (line \(line), \(p.paragraph.wordCount) words): index \(format(p.score.editorializing))\(flag) — \(familySummary(p.score))\n"
        }
        out += summary(a, style: style)
        return out
    }

    public static func summary(_ a: ScoredArticle, style: Style = Style(enabled: false)) -> String {
        let s = a.sourcing
        let share = s.attributedShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "n/a"
        let mix = SourceType.allCases.map { "\($0.rawValue) \(s.attributions[$0] ?? 0)" }.joined(separator: ", ")
        return """
        \(style.bold(a.article.source)): editorializing \(format(a.score.editorializing))/100, \(a.flaggedParagraphs.count) flagged of \(a.paragraphs.filter(\.scored).count) scored paragraphs, \(a.score.words) words
          families: \(familySummary(a.score))
          sourcing: \(s.claimsAttributed)/\(s.claims) claims attributed (\(share)); attributions: \(mix); scare quotes \(s.scareQuotes)

        """
    }

    static func familySummary(_ s: Score) -> String {
        let parts = Family.allCases.compactMap { f -> String? in
            guard let n = s.counts[f], n > 0 else { return nil }
            return "\(f.rawValue) \(n)"
        }
        return parts.isEmpty ? "no findings" : parts.joined(separator: ", ")
    }

    static func context(_ f: Finding, in article: Article, style: Style) -> String {
        let (before, after) = article.context(of: f.span, width: 30)
        let oneLine = { (s: String) in s.replacingOccurrences(of: "\n", with: " ") }
        return "…" + oneLine(before) + style.highlight(oneLine(f.text)) + oneLine(after) + "…"
    }

    static func format(_ d: Double) -> String {
        d == d.rounded() ? String(Int(d)) : String((d * 10).rounded() / 10)
    }

    /// ANSI styling, or plain text when colour is off.
    public struct Style {
        public var enabled: Bool
        public init(enabled: Bool) { self.enabled = enabled }
        func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        public func bold(_ s: String) -> String { wrap(s, "1") }
        public func highlight(_ s: String) -> String { enabled ? wrap(s, "1;4;31") : "«\(s)»" }
        public func family(_ f: Family) -> String {
            let code: String
            switch f {
            case .loadedLanguage: code = "31"
            case .unsourcedClaim: code = "33"
            case .scareQuote: code = "35"
            case .attribution: code = "36"
            case .opinion: code = "34"
            case .hedging: code = "90"
            }
            return wrap(f.rawValue, code)
        }
    }
}
