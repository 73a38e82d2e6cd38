import SlantRules

/// `slant scorecard --corpus --format text`: corpus figures, then one line per article.
public enum CorpusText {
    typealias W = ScorecardWording

    public static func render(_ r: CorpusReport) -> String {
        var out = "Corpus: \(r.rows.count) article\(r.rows.count == 1 ? "" : "s"), \(r.words) words — rubric \(r.rubric.name) \(r.rubric.version), Slant \(r.slantVersion)\n"
        out += "  index: " + summaryLine(r) + "\n"
        out += "  bands: " + r.bandCounts.map { "\($0.band.name) \($0.articles)" }.joined(separator: ", ") + "\n"
        out += "  editorializing articles (index ≥ \(W.number(r.flagThreshold))): \(r.editorializingArticles) of \(r.rows.count)\n"
        out += "  sourcing: \(r.claimsAttributed) of \(r.claims) claims attributed (\(W.percent(r.sourcedShare))); attributions "
        out += SourceType.allCases.map { "\($0.rawValue) \(r.attributions[$0] ?? 0)" }.joined(separator: ", ")
        out += " (\(W.percent(r.anonymousShare)) anonymous)\n"
        out += "  per 100 words: " + Family.allCases.map { "\($0.rawValue) \(W.number2(r.density[$0] ?? 0))" }.joined(separator: ", ") + "\n"
        if !r.failures.isEmpty { out += "  not scored: \(r.failures.count) (see the errors above)\n" }
        out += "\n rank  index  band                      words " + Family.allCases.map { short($0).leftPad(10) }.joined() + "  sourced   anon  source — title\n"
        for (i, row) in r.rows.enumerated() {
            out += String(i + 1).leftPad(5) + W.number(row.index).leftPad(7) + "  " + row.band.name.padding(toLength: 24, withPad: " ", startingAt: 0)
            out += String(row.words).leftPad(7)
            out += Family.allCases.map { W.number2(row.density[$0] ?? 0).leftPad(10) }.joined()
            out += W.percent(row.sourcedShare).leftPad(9) + W.percent(row.anonymousShare).leftPad(7)
            out += "  " + row.source + (row.title.map { " — " + W.oneLine($0) } ?? "") + "\n"
        }
        return out
    }

    static func summaryLine(_ r: CorpusReport) -> String {
        guard let mean = r.mean, let median = r.median, let lo = r.minimum, let hi = r.maximum else { return "no articles" }
        return "mean \(W.number(mean)), median \(W.number(median)), min \(W.number(lo)), max \(W.number(hi))"
    }

    /// Column headings short enough for a terminal.
    static func short(_ f: Family) -> String {
        switch f {
        case .loadedLanguage: return "loaded"
        case .unsourcedClaim: return "unsourced"
        case .scareQuote: return "scare"
        case .attribution: return "attrib"
        case .opinion: return "opinion"
        case .hedging: return "hedging"
        }
    }
}
