import SlantRules
import SlantText

/// The stable JSON form of `slant score` (documented field by field in the README).
public enum ScoreJSON {
    public static func document(_ articles: [ScoredArticle], rubric: Rubric) -> JSONValue {
        .object([
            ("rubric", rubricJSON(rubric)),
            ("articles", .array(articles.map(article))),
        ])
    }

    public static func rubricJSON(_ rubric: Rubric) -> JSONValue {
        .object([("name", .string(rubric.name)), ("version", .string(rubric.version)), ("sha256", .string(rubric.sha256))])
    }

    public static func article(_ a: ScoredArticle) -> JSONValue {
        .object([
            ("source", .string(a.article.source)),
            ("sha256", .string(Digest.sha256(a.article.text))),
            ("title", a.article.title.map(JSONValue.string) ?? .null),
            ("words", .int(a.score.words)),
            ("scores", scores(a.score)),
            ("density", density(a.score)),
            ("counts", counts(a.score)),
            ("flagged_paragraphs", .int(a.flaggedParagraphs.count)),
            ("sourcing", sourcing(a.sourcing)),
            ("paragraphs", .array(a.paragraphs.map(paragraph))),
        ])
    }

    static func scores(_ s: Score) -> JSONValue {
        var fields: [(String, JSONValue)] = Family.allCases.map { ($0.rawValue, .double(s.weighted[$0] ?? 0)) }
        fields.append(("editorializing", .double(s.editorializing)))
        return .object(fields)
    }

    static func density(_ s: Score) -> JSONValue {
        .object(Family.allCases.map { ($0.rawValue, .double(s.density[$0] ?? 0)) })
    }

    static func counts(_ s: Score) -> JSONValue {
        .object(Family.allCases.map { ($0.rawValue, .int(s.counts[$0] ?? 0)) })
    }

    static func sourcing(_ s: Sourcing) -> JSONValue {
        .object([
            ("claims", .int(s.claims)),
            ("claims_attributed", .int(s.claimsAttributed)),
            ("attributed_share", s.attributedShare.map(JSONValue.double) ?? .null),
            ("attributions", .object(SourceType.allCases.map { ($0.rawValue, .int(s.attributions[$0] ?? 0)) })),
            ("unnamed_share", s.unnamedShare.map(JSONValue.double) ?? .null),
            ("scare_quotes", .int(s.scareQuotes)),
        ])
    }

    static func paragraph(_ p: ScoredParagraph) -> JSONValue {
        .object([
            ("index", .int(p.paragraph.index)),
            ("start", .int(p.paragraph.span.start)),
            ("end", .int(p.paragraph.span.end)),
            ("kind", .string(p.paragraph.kind.rawValue)),
            ("words", .int(p.paragraph.wordCount)),
            ("scores", scores(p.score)),
            ("flagged", .bool(p.score.flagged)),
            ("findings", .array(p.findings.map(finding))),
        ])
    }

    public static func finding(_ f: Finding) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("rule", .string(f.rule)),
            ("family", .string(f.family.rawValue)),
            ("start", .int(f.span.start)),
            ("end", .int(f.span.end)),
            ("text", .string(f.text)),
            ("message", .string(f.message)),
            ("weight", .double(f.weight)),
            ("voice", .string(f.voice.rawValue)),
        ]
        if let entry = f.entry { fields.append(("entry", .string(entry))) }
        if let lexicon = f.lexicon { fields.append(("lexicon", .string(lexicon))) }
        if let t = f.sourceType { fields.append(("source_type", .string(t.rawValue))) }
        if let s = f.source { fields.append(("source", .string(s))) }
        return .object(fields)
    }
}
