import SlantRules
import SlantText

/// `slant scorecard --format html`: one self-contained page (inline CSS, no scripts, no
/// network) with the article text, its findings highlighted by family, a bar of each
/// paragraph's index down the margin and the reviewer notes beside their paragraphs.
///
/// Everything taken from the article or a note goes through `HTMLEscape`, so an
/// article containing `<script>` shows it as text.
public enum ScorecardHTML {
    typealias W = ScorecardWording
    typealias Style = ScorecardHTMLStyle

    public static func render(_ c: Scorecard) -> String {
        let e = HTMLEscape.escape
        let title = c.title ?? c.source
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Slant \(e(c.slantVersion))">
        <meta name="slant-highlights" content="\(highlightsMeta(c))">
        <title>Scorecard: \(e(W.oneLine(title)))</title>
        <style>
        \(Style.css)</style>
        </head>
        <body>
        <div class="wrap">
        <header>
        <p class="kicker">Slant scorecard</p>
        <h1 dir="auto">\(e(W.oneLine(title)))</h1>
        <p class="meta">\(e(c.source)) · \(c.words) words · rubric \(e(c.rubric.name)) \(e(c.rubric.version))</p>
        </header>

        """
        out += summary(c)
        out += flagList(c)
        out += "<main class=\"article\">\n"
        let scalars = Array(c.scored.article.text.unicodeScalars)
        for p in c.paragraphs { out += paragraph(p, c, scalars) }
        out += "</main>\n"
        out += orphans(c)
        out += footer(c)
        out += "</div>\n</body>\n</html>\n"
        return out
    }

    /// Families with author-voice highlights and their colours, for screenshot checks:
    /// `loaded_language=#ffb0b0 scare_quote=#e3b5ff`.
    static func highlightsMeta(_ c: Scorecard) -> String {
        let present = Set(c.scored.findings.filter { $0.voice == .author && !$0.span.isEmpty }.map(\.family))
        return Family.allCases.filter(present.contains).map { "\($0.rawValue)=\(Style.colors($0).highlight)" }.joined(separator: " ")
    }

    static func summary(_ c: Scorecard) -> String {
        let e = HTMLEscape.escape
        var out = "<section class=\"summary\">\n<div class=\"score b\(c.band.level)\">\n"
        out += "<div class=\"num\">\(W.number(c.index))<small>/100</small></div>\n"
        out += "<span class=\"bandname\">\(e(c.band.name))</span>\n"
        out += "<div class=\"ui\">editorializing index</div>\n"
        out += "<div class=\"scale\" title=\"\(HTMLEscape.attribute(c.bands.map { "\($0.name): \(W.number($0.lower))–\(W.number($0.upper))" }.joined(separator: "\n")))\">"
        for b in c.bands { out += "<span class=\"s\(b.level)\" style=\"width:\(css(b.upper - b.lower))%\"></span>" }
        out += "<span class=\"mark\" style=\"left:\(css(min(max(c.index, 0), 100)))%\"></span></div>\n"
        out += "<div class=\"scale-labels\"><span>0 neutral</span><span>\(W.number(c.flagThreshold)) flagged</span><span>100</span></div>\n"
        out += "</div>\n<dl class=\"figs\">\n"
        out += "<dt>Flagged</dt><dd>\(c.flagged.count) of \(c.scoredParagraphs) paragraphs (index ≥ \(W.number(c.flagThreshold)))</dd>\n"
        out += "<dt>Claims</dt><dd>\(e(W.claims(c.sourcing)))</dd>\n"
        out += "<dt>Attributions</dt><dd>\(e(W.attributions(c.sourcing)))</dd>\n"
        out += "<dt>Scare quotes</dt><dd>\(c.sourcing.scareQuotes)</dd>\n"
        out += "<dt>Reviewers</dt><dd>\(e(W.reviewers(c)))</dd>\n"
        out += "</dl>\n"
        out += "<div>\n<table class=\"fam\">\n<tr><th>family (legend)</th><th>findings</th><th>quoted</th><th>per 100 words</th></tr>\n"
        for f in c.families {
            out += "<tr><td><span class=\"sw sw-\(f.family.rawValue)\">\(f.family.rawValue.replacingOccurrences(of: "_", with: " "))</span></td>"
            out += "<td>\(f.findings)</td><td>\(f.quoted)</td><td>\(W.number2(f.density))</td></tr>\n"
        }
        out += "</table>\n<p class=\"legend-note\">Solid background: the author's voice (counted). "
        out += "<span class=\"sq-loaded_language\">Dashed underline</span>: inside quoted speech (not counted). Hover a highlight for the rule.</p>\n"
        out += "</div>\n</section>\n"
        return out
    }

    /// The flagged paragraphs, worst first, as links to them.
    static func flagList(_ c: Scorecard) -> String {
        guard !c.flagged.isEmpty else { return "<p class=\"flaglist\">No flagged paragraphs.</p>\n" }
        let links = c.flagged.map { "<a href=\"#p\($0.paragraph.index)\">¶\($0.paragraph.index) \(W.number($0.index))</a>" }
        return "<p class=\"flaglist\">Flagged, worst first: " + links.joined(separator: " ") + "</p>\n"
    }

    static func paragraph(_ p: Scorecard.ParagraphCard, _ c: Scorecard, _ scalars: [Unicode.Scalar]) -> String {
        let e = HTMLEscape.escape
        let kind = p.paragraph.kind.rawValue
        var out = "<section class=\"para k-\(kind)\(p.flagged ? " flagged" : "")\" id=\"p\(p.paragraph.index)\">\n"
        if p.scored {
            let tip = "¶\(p.paragraph.index): index \(W.number(p.index)), \(p.band.name)\(p.flagged ? " (flagged)" : ""), \(p.words) words"
            out += "<div class=\"gauge b\(p.band.level)\" title=\"\(HTMLEscape.attribute(tip))\"><span class=\"bar\"><i style=\"width:\(css(p.index))%\"></i></span>"
            out += "<span class=\"gnum\">¶\(p.paragraph.index) · \(W.number(p.index))\(p.flagged ? " <span class=\"flag\">flagged</span>" : "")</span></div>\n"
        } else {
            out += "<div class=\"gauge\" title=\"\(e(kind)): not scored\"><span class=\"gnum\">¶\(p.paragraph.index) · \(e(kind))</span></div>\n"
        }
        out += "<p class=\"ptext\" dir=\"auto\">"
        for segment in ScorecardSegments.split(p.paragraph.span, findings: p.findings.map(\.finding), scalars: scalars) {
            out += span(segment)
        }
        out += "</p>\n"
        if !p.findings.isEmpty || !p.notes.isEmpty {
            out += "<div class=\"notes\">\n"
            for n in p.notes { out += note(n) }
            if !p.findings.isEmpty {
                out += "<details class=\"flist\"><summary>\(p.findings.count) finding\(p.findings.count == 1 ? "" : "s")</summary>\(findingList(p))</details>\n"
            }
            out += "</div>\n"
        }
        if !p.findings.isEmpty { out += "<div class=\"print-findings\">\(findingList(p))</div>\n" }
        out += "</section>\n"
        return out
    }

    /// One run of text: plain, or a highlight whose classes name every family covering it.
    static func span(_ s: ScorecardSegment) -> String {
        let text = HTMLEscape.escape(s.text)
        guard !s.findings.isEmpty else { return text }
        var classes = ["hl"]
        classes += s.authorFamilies.map { "a-\($0.rawValue)" }
        classes += s.quotedFamilies.map { "q-\($0.rawValue)" }
        let tip = s.findings.map(tooltip).joined(separator: "\n")
        return "<span class=\"\(classes.joined(separator: " "))\" title=\"\(HTMLEscape.attribute(tip))\">\(text)</span>"
    }

    static func tooltip(_ f: Finding) -> String {
        "\(f.family.rawValue) · \(f.rule): \(f.message)\(f.voice == .quoted ? " (quoted speech, not counted)" : "")"
    }

    static func findingList(_ p: Scorecard.ParagraphCard) -> String {
        let e = HTMLEscape.escape
        var out = "<ol>"
        for card in p.findings {
            let f = card.finding
            out += "<li><span class=\"sw sw-\(f.family.rawValue)\">\(e(f.family.rawValue))</span> \(e(f.rule)): \(e(f.message))"
            out += f.voice == .quoted ? " (quoted)" : ""
            for n in card.notes { out += " — \(e(n.reviewer)): \(e(n.verdictText))" }
            out += "</li>"
        }
        return out + "</ol>"
    }

    /// A note beside its paragraph: who, the verdict, what it is on (paragraph notes need
    /// no target; finding notes name the rule in the tooltip) and the text as written.
    static func note(_ n: ScorecardNote) -> String {
        let e = HTMLEscape.escape
        var out = "<div class=\"note v-\(n.verdictText)\(n.text.isEmpty ? " brief" : "")\"><div class=\"nhead\"><b>\(e(n.reviewer))</b> <span class=\"verdict\">\(e(n.verdictText))</span>"
        if let l = n.label { out += " <span class=\"ntarget\">[\(e(l))]</span>" }
        switch n.target {
        case .paragraph: break
        case .finding:
            out += " <span class=\"ntarget\" title=\"\(HTMLEscape.attribute("finding " + (n.rule ?? "?")))\">on «\(e(W.excerpt(n.quote, limit: 40)))»</span>"
        case .quote: out += " <span class=\"ntarget\">on «\(e(W.excerpt(n.quote, limit: 40)))»</span>"
        }
        if n.anchor != .exact { out += " <span class=\"ntarget\">(\(n.anchor.rawValue))</span>" }
        out += "</div>"
        if !n.text.isEmpty { out += "<div class=\"ntext\" dir=\"auto\">\(e(n.text))</div>" }
        return out + "</div>\n"
    }

    static func orphans(_ c: Scorecard) -> String {
        guard let r = c.reviews, !r.orphaned.isEmpty else { return "" }
        var out = "<section class=\"orphans notes\">\n<h2>Orphaned notes</h2>\n<p>Their text is no longer in the article.</p>\n"
        for n in r.orphaned { out += note(n) }
        return out + "</section>\n"
    }

    static func footer(_ c: Scorecard) -> String {
        let e = HTMLEscape.escape
        var out = "<footer>\n"
        out += "Reproduce: rubric \(e(c.rubric.name)) \(e(c.rubric.version)), sha256 <code>\(e(c.rubric.sha256))</code> · "
        out += "Slant \(e(c.slantVersion)) · article text sha256 <code>\(e(c.textSha256))</code><br>\n"
        out += "Bands: " + c.bands.map { "\(e($0.name)) \(W.number($0.lower))–\(W.number($0.upper))" }.joined(separator: " · ")
        out += ". Offsets are Unicode code points into the article's plain text.\n</footer>\n"
        return out
    }

    /// A CSS number: at most two decimals, never exponent notation.
    static func css(_ d: Double) -> String {
        let r = (max(0, d) * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
