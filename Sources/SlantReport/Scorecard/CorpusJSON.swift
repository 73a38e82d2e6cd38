import SlantRules

/// `slant scorecard --corpus --format json` (shape documented in the README).
public enum CorpusJSON {
    public static func render(_ r: CorpusReport) -> String { document(r).pretty() + "\n" }

    public static func document(_ r: CorpusReport) -> JSONValue {
        .object([
            ("format", .string("slant-corpus")),
            ("version", .int(1)),
            ("slant_version", .string(r.slantVersion)),
            ("rubric", .object([("name", .string(r.rubric.name)), ("version", .string(r.rubric.version)), ("sha256", .string(r.rubric.sha256))])),
            ("bands", ScorecardJSON.bands(r.bands)),
            ("flag_threshold", .double(r.flagThreshold)),
            ("articles", .array(r.rows.map(row))),
            ("totals", totals(r)),
            ("failures", .array(r.failures.map(JSONValue.string))),
        ])
    }

    static func row(_ row: CorpusRow) -> JSONValue {
        .object([
            ("source", .string(row.source)),
            ("title", row.title.map(JSONValue.string) ?? .null),
            ("words", .int(row.words)),
            ("editorializing", .double(row.index)),
            ("band", .string(row.band.name)),
            ("flagged_paragraphs", .int(row.flaggedParagraphs)),
            ("scored_paragraphs", .int(row.scoredParagraphs)),
            ("density", families(row.density)),
            ("counts", counts(row.counts)),
            ("claims", .int(row.claims)),
            ("claims_attributed", .int(row.claimsAttributed)),
            ("sourced_share", optional(row.sourcedShare)),
            ("attributions", attributions(row.attributions)),
            ("anonymous_share", optional(row.anonymousShare)),
        ])
    }

    static func totals(_ r: CorpusReport) -> JSONValue {
        .object([
            ("articles", .int(r.rows.count)),
            ("words", .int(r.words)),
            ("mean", optional(r.mean)),
            ("median", optional(r.median)),
            ("min", optional(r.minimum)),
            ("max", optional(r.maximum)),
            ("bands", .object(r.bandCounts.map { ($0.band.name, .int($0.articles)) })),
            ("editorializing_articles", .int(r.editorializingArticles)),
            ("density", families(r.density)),
            ("counts", counts(r.counts)),
            ("claims", .int(r.claims)),
            ("claims_attributed", .int(r.claimsAttributed)),
            ("sourced_share", optional(r.sourcedShare)),
            ("attributions", attributions(r.attributions)),
            ("anonymous_share", optional(r.anonymousShare)),
        ])
    }

    static func optional(_ d: Double?) -> JSONValue { d.map(JSONValue.double) ?? .null }
    static func families(_ d: [Family: Double]) -> JSONValue { .object(Family.allCases.map { ($0.rawValue, .double(d[$0] ?? 0)) }) }
    static func counts(_ d: [Family: Int]) -> JSONValue { .object(Family.allCases.map { ($0.rawValue, .int(d[$0] ?? 0)) }) }
    static func attributions(_ d: [SourceType: Int]) -> JSONValue { .object(SourceType.allCases.map { ($0.rawValue, .int(d[$0] ?? 0)) }) }
}
