import SlantRules
import SlantText

/// `slant scorecard --format text`: the scorecard for a terminal or a plain e-mail.
public enum ScorecardText {
    public static func render(_ c: Scorecard) -> String {
        typealias W = ScorecardWording
        var out = "Scorecard: \(W.oneLine(c.title ?? c.source))\n"
        out += "\(c.source) · \(c.words) words\n\n"
        out += "Editorializing index \(W.number(c.index))/100 — \(c.band.name)\n"
        out += row("flagged", W.flagged(c))
        out += row("sourcing", W.claims(c.sourcing))
        out += row("attributions", W.attributions(c.sourcing))
        out += row("scare quotes", "\(c.sourcing.scareQuotes)")
        out += row("reviewers", W.reviewers(c))
        out += "\nFamilies             findings  author  quoted  weighted  per 100 words\n"
        for f in c.families {
            out += "  " + f.family.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)
            out += String(f.findings).leftPad(9) + String(f.author).leftPad(8) + String(f.quoted).leftPad(8)
            out += W.number2(f.weighted).leftPad(10) + W.number2(f.density).leftPad(15) + "\n"
        }
        out += "\nFlagged paragraphs, worst first\n"
        if c.flagged.isEmpty { out += "  none\n" }
        for p in c.flagged { out += paragraph(p, c) }
        let elsewhere = c.notedUnflagged
        if !elsewhere.isEmpty {
            out += "\nReviewer notes on other paragraphs\n"
            for p in elsewhere {
                out += "  ¶\(p.paragraph.index) (index \(W.number(p.index)))\n"
                for n in p.notes { out += note(n, indent: "    ") }
            }
        }
        if let r = c.reviews, !r.orphaned.isEmpty {
            out += "\nOrphaned notes (their text is no longer in the article)\n"
            for n in r.orphaned { out += note(n, indent: "  ") }
        }
        out += "\nReproduce: rubric \(c.rubric.name) \(c.rubric.version) (sha256 \(c.rubric.sha256)), Slant \(c.slantVersion), "
        out += "article text sha256 \(c.textSha256)\n"
        return out
    }

    static func row(_ label: String, _ value: String) -> String {
        "  " + label.padding(toLength: 14, withPad: " ", startingAt: 0) + value + "\n"
    }

    static func paragraph(_ p: Scorecard.ParagraphCard, _ c: Scorecard) -> String {
        typealias W = ScorecardWording
        var out = "\n¶\(p.paragraph.index) — index \(W.number(p.index)), \(p.band.name) (\(p.words) words)\n"
        for line in c.scored.article.text(in: p.paragraph.span).split(separator: "\n", omittingEmptySubsequences: false) {
            out += "  │ \(line)\n"
        }
        for card in p.findings {
            let f = card.finding
            out += "  - \(f.family.rawValue) \(f.rule) «\(W.oneLine(f.text))»: \(f.message)\(f.voice == .quoted ? " (quoted)" : "")\n"
            for n in card.notes { out += note(n, indent: "      ", head: "\(n.reviewer): \(n.verdictText)\(n.label.map { " [\($0)]" } ?? "")") }
        }
        let others = p.notes.filter { n in !p.findings.contains { $0.notes.contains(n) } }
        for n in others { out += note(n, indent: "  ") }
        return out
    }

    static func note(_ n: ScorecardNote, indent: String, head: String? = nil) -> String {
        var out = indent + "» " + (head ?? ScorecardWording.noteHead(n)) + "\n"
        for line in n.text.split(separator: "\n", omittingEmptySubsequences: false) where !n.text.isEmpty {
            out += indent + "    " + line + "\n"
        }
        return out
    }
}
