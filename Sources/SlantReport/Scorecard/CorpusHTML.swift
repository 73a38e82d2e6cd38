import SlantRules

/// `slant scorecard --corpus --format html`: one self-contained page with the corpus
/// figures, the distribution over bands and a table of articles, worst first.
public enum CorpusHTML {
    typealias W = ScorecardWording

    public static func render(_ r: CorpusReport) -> String {
        let e = HTMLEscape.escape
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Slant \(e(r.slantVersion))">
        <title>Slant corpus report: \(r.rows.count) articles</title>
        <style>
        \(ScorecardHTMLStyle.css)\(css)</style>
        </head>
        <body>
        <div class="wrap">
        <header>
        <p class="kicker">Slant corpus report</p>
        <h1>\(r.rows.count) article\(r.rows.count == 1 ? "" : "s"), \(r.words) words</h1>
        <p class="meta">rubric \(e(r.rubric.name)) \(e(r.rubric.version)) · Slant \(e(r.slantVersion))</p>
        </header>
        <section class="summary">
        <dl class="figs">
        <dt>Index</dt><dd>\(e(CorpusText.summaryLine(r)))</dd>
        <dt>Editorializing</dt><dd>\(r.editorializingArticles) of \(r.rows.count) articles (index ≥ \(W.number(r.flagThreshold)))</dd>
        <dt>Claims</dt><dd>\(r.claimsAttributed) of \(r.claims) attributed (\(W.percent(r.sourcedShare)))</dd>
        <dt>Attributions</dt><dd>\(e(SourceType.allCases.map { "\($0.rawValue) \(r.attributions[$0] ?? 0)" }.joined(separator: ", "))) (\(W.percent(r.anonymousShare)) anonymous)</dd>
        \(r.failures.isEmpty ? "" : "<dt>Not scored</dt><dd>\(r.failures.map(e).joined(separator: "<br>"))</dd>")
        </dl>
        <div class="dist ui">

        """
        let most = max(1, r.bandCounts.map(\.articles).max() ?? 1)
        for (band, n) in r.bandCounts {
            out += "<div class=\"drow b\(band.level)\"><span class=\"dname\">\(e(band.name)) <small>\(W.number(band.lower))–\(W.number(band.upper))</small></span>"
            out += "<span class=\"bar\"><i style=\"width:\(ScorecardHTML.css(100 * Double(n) / Double(most)))%\"></i></span><span class=\"dnum\">\(n)</span></div>\n"
        }
        out += "</div>\n<table class=\"fam\"><tr><th>family</th><th>findings</th><th>per 100 words</th></tr>\n"
        for f in Family.allCases {
            out += "<tr><td>\(f.rawValue.replacingOccurrences(of: "_", with: " "))</td><td>\(r.counts[f] ?? 0)</td><td>\(W.number2(r.density[f] ?? 0))</td></tr>\n"
        }
        out += "</table>\n</section>\n<div class=\"tablewrap\"><table class=\"corpus ui\">\n<thead><tr><th>#</th><th>article</th><th>index</th><th>words</th>"
        out += Family.allCases.map { "<th title=\"\($0.rawValue) per 100 words\">\(CorpusText.short($0))</th>" }.joined()
        out += "<th>sourced</th><th>anon.</th></tr></thead>\n<tbody>\n"
        for (i, row) in r.rows.enumerated() {
            out += "<tr class=\"b\(row.band.level)\"><td>\(i + 1)</td><td class=\"art\"><span dir=\"auto\">\(e(W.oneLine(row.title ?? row.source)))</span>"
            out += "<small>\(e(row.source))</small></td>"
            out += "<td class=\"idx\" title=\"\(e(row.band.name))\"><span class=\"bar\"><i style=\"width:\(ScorecardHTML.css(row.index))%\"></i></span>\(W.number(row.index))</td>"
            out += "<td>\(row.words)</td>" + Family.allCases.map { "<td>\(W.number2(row.density[$0] ?? 0))</td>" }.joined()
            out += "<td>\(W.percent(row.sourcedShare))</td><td>\(W.percent(row.anonymousShare))</td></tr>\n"
        }
        out += "</tbody>\n</table></div>\n<footer>Rubric \(e(r.rubric.name)) \(e(r.rubric.version)), sha256 <code>\(e(r.rubric.sha256))</code> · Slant \(e(r.slantVersion)). "
        out += "Densities are weighted findings per 100 words; sourced is the share of claims with an attribution; anon. the share of attributions to anonymous sources.</footer>\n"
        out += "</div>\n</body>\n</html>\n"
        return out
    }

    static let css = """
    .dist{font-size:13px}
    .drow{display:grid;grid-template-columns:minmax(0,190px) 1fr 32px;gap:8px;align-items:center;margin:2px 0}
    .drow .bar,.idx .bar{display:block;height:10px;background:#ececef;border-radius:2px;overflow:hidden}
    .drow .bar>i,.idx .bar>i{display:block;height:100%}
    .dnum{text-align:right;font-variant-numeric:tabular-nums}
    .tablewrap{overflow-x:auto;margin-top:14px}
    .corpus{border-collapse:collapse;width:100%;font-size:13px}
    .corpus th{text-align:right;font-weight:600;color:#5a5a60;border-bottom:1px solid #d8d8dc;padding:4px 6px;white-space:nowrap}
    .corpus td{text-align:right;padding:4px 6px;border-bottom:1px solid #eeeef0;font-variant-numeric:tabular-nums;vertical-align:top}
    .corpus th:nth-child(2),.corpus td.art{text-align:left}
    .corpus td.art small{display:block;color:#85858a;overflow-wrap:anywhere}
    .corpus td.idx{min-width:90px}
    .corpus tr .bar>i{background:#8fb996}
    \(ScorecardHTMLStyle.bandColors.enumerated().map { ".corpus tr.b\($0.offset) .bar>i,.drow.b\($0.offset) .bar>i{background:\($0.element)}" }.joined(separator: "\n"))
    @media print{.tablewrap{overflow:visible}.corpus tr{break-inside:avoid}}

    """
}
