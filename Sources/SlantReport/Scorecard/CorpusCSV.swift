import SlantRules

/// `slant scorecard --corpus --format csv`: one record per article, then one `total`
/// record for the corpus (the `row` column tells them apart), as RFC 4180 CSV: CRLF line
/// ends, and fields with a comma, quote or line break quoted with quotes doubled; titles
/// and sources that start like a spreadsheet formula are prefixed with an apostrophe.
public enum CorpusCSV {
    public static var header: [String] {
        ["row", "rank", "source", "title", "words", "editorializing", "band", "flagged_paragraphs", "scored_paragraphs"]
            + Family.allCases.map { "density_\($0.rawValue)" }
            + ["claims", "claims_attributed", "sourced_share"]
            + SourceType.allCases.map { "attributions_\($0.rawValue)" }
            + ["anonymous_share"]
    }

    public static func render(_ r: CorpusReport) -> String {
        var records = [header]
        for (i, row) in r.rows.enumerated() {
            var fields = ["article", String(i + 1), text(row.source), text(row.title ?? ""), String(row.words), number(row.index), row.band.name,
                          String(row.flaggedParagraphs), String(row.scoredParagraphs)]
            fields += Family.allCases.map { number(row.density[$0] ?? 0) }
            fields += [String(row.claims), String(row.claimsAttributed), share(row.sourcedShare)]
            fields += SourceType.allCases.map { String(row.attributions[$0] ?? 0) }
            fields.append(share(row.anonymousShare))
            records.append(fields)
        }
        var total = ["total", "", "", "\(r.rows.count) articles", String(r.words), r.mean.map(number) ?? "", "",
                     String(r.rows.reduce(0) { $0 + $1.flaggedParagraphs }), String(r.rows.reduce(0) { $0 + $1.scoredParagraphs })]
        total += Family.allCases.map { number(r.density[$0] ?? 0) }
        total += [String(r.claims), String(r.claimsAttributed), share(r.sourcedShare)]
        total += SourceType.allCases.map { String(r.attributions[$0] ?? 0) }
        total.append(share(r.anonymousShare))
        records.append(total)
        return records.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field, quoted when it must be (RFC 4180 §2.6–2.7).
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A field of article text (source, title): one that starts like a formula (`=`, `+`,
    /// `-`, `@`, tab or carriage return) gets a leading apostrophe, so a spreadsheet
    /// shows a hostile title as text instead of running it (OWASP "CSV injection").
    public static func text(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        return "'" + s
    }

    static func number(_ d: Double) -> String { ScorecardWording.number2(d) }

    static func share(_ d: Double?) -> String { d.map { ScorecardWording.number2($0) } ?? "" }
}
