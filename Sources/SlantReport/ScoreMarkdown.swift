import Foundation
import SlantRules
import SlantText

/// Markdown for `slant score --format markdown`: a table of flagged paragraphs and a
/// list of findings, ready to paste into a review ticket.
public enum ScoreMarkdown {
    public static func render(_ a: ScoredArticle, rubric: Rubric) -> String {
        var out = "## \(escape(a.article.title ?? a.article.source))\n\n"
        out += "`\(a.article.source)` · rubric \(rubric.name) \(rubric.version) · editorializing **\(ScoreText.format(a.score.editorializing))/100** · "
        out += "\(a.flaggedParagraphs.count) flagged paragraph(s) · \(a.score.words) words\n\n"
        let s = a.sourcing
        out += "| family | findings | weighted | per 100 words |\n|---|---:|---:|---:|\n"
        for f in Family.allCases {
            out += "| \(f.rawValue) | \(a.score.counts[f] ?? 0) | \(ScoreText.format(((a.score.weighted[f] ?? 0) * 100).rounded() / 100)) | \(ScoreText.format(((a.score.density[f] ?? 0) * 100).rounded() / 100)) |\n"
        }
        let share = s.attributedShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "n/a"
        out += "\nSourcing: \(s.claimsAttributed) of \(s.claims) claims attributed (\(share)); attributions "
        out += SourceType.allCases.map { "\($0.rawValue) \(s.attributions[$0] ?? 0)" }.joined(separator: ", ")
        out += "; scare quotes \(s.scareQuotes).\n"
        for p in a.paragraphs where !p.findings.isEmpty {
            out += "\n### ¶\(p.paragraph.index) — index \(ScoreText.format(p.score.editorializing))\(p.score.flagged ? " (flagged)" : "")\n\n"
            out += "> \(escape(a.article.text(in: p.paragraph.span)).replacingOccurrences(of: "\n", with: " "))\n\n"
            for f in p.findings {
                let voice = f.voice == .quoted ? " *(quoted)*" : ""
                out += "- **\(f.family.rawValue)** `\(f.rule)` \(f.span.start)–\(f.span.end): \(escape(f.message))\(voice)\n"
            }
        }
        return out
    }

    /// Escapes characters Markdown would read as markup or HTML.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "|", "*", "_", "`", "[", "]", "\\": out += "\\\(c)"
            default: out.append(c)
            }
        }
        return out
    }
}
