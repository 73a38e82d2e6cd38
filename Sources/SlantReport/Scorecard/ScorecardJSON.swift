import SlantRules
import SlantText

/// `slant scorecard --format json`: the scorecard as data (shape documented in the
/// README). Findings use the same object as `slant score --format json`, with the
/// notes that judged them added.
public enum ScorecardJSON {
    public static func render(_ c: Scorecard) -> String { document(c).pretty() + "\n" }

    public static func document(_ c: Scorecard) -> JSONValue {
        .object([
            ("format", .string("slant-scorecard")),
            ("version", .int(1)),
            ("slant_version", .string(c.slantVersion)),
            ("rubric", .object([("name", .string(c.rubric.name)), ("version", .string(c.rubric.version)), ("sha256", .string(c.rubric.sha256))])),
            ("source", .string(c.source)),
            ("title", c.title.map(JSONValue.string) ?? .null),
            ("sha256", .string(c.textSha256)),
            ("words", .int(c.words)),
            ("editorializing", .double(c.index)),
            ("band", .string(c.band.name)),
            ("bands", bands(c.bands)),
            ("flag_threshold", .double(c.flagThreshold)),
            ("families", .array(c.families.map(family))),
            ("sourcing", ScoreJSON.sourcing(c.sourcing)),
            ("scored_paragraphs", .int(c.scoredParagraphs)),
            ("flagged_paragraphs", .int(c.flagged.count)),
            ("paragraphs", .array(c.paragraphs.map(paragraphSummary))),
            ("flagged", .array(c.flagged.map { flagged($0, c) })),
            ("reviews", c.reviews.map(reviews) ?? .null),
            ("reviews_unavailable", c.reviewsUnavailable.map(JSONValue.string) ?? .null),
        ])
    }

    public static func bands(_ bands: [ScorecardBand]) -> JSONValue {
        .array(bands.map { .object([("name", .string($0.name)), ("from", .double($0.lower)), ("to", .double($0.upper))]) })
    }

    static func family(_ f: Scorecard.FamilyFigures) -> JSONValue {
        .object([
            ("family", .string(f.family.rawValue)),
            ("findings", .int(f.findings)),
            ("author", .int(f.author)),
            ("quoted", .int(f.quoted)),
            ("weighted", .double(f.weighted)),
            ("density", .double(f.density)),
        ])
    }

    static func paragraphSummary(_ p: Scorecard.ParagraphCard) -> JSONValue {
        .object([
            ("index", .int(p.paragraph.index)),
            ("kind", .string(p.paragraph.kind.rawValue)),
            ("start", .int(p.paragraph.span.start)),
            ("end", .int(p.paragraph.span.end)),
            ("words", .int(p.words)),
            ("editorializing", .double(p.index)),
            ("band", .string(p.band.name)),
            ("flagged", .bool(p.flagged)),
            ("findings", .int(p.findings.count)),
            ("notes", .int(p.notes.count)),
        ])
    }

    static func flagged(_ p: Scorecard.ParagraphCard, _ c: Scorecard) -> JSONValue {
        .object([
            ("index", .int(p.paragraph.index)),
            ("start", .int(p.paragraph.span.start)),
            ("end", .int(p.paragraph.span.end)),
            ("words", .int(p.words)),
            ("editorializing", .double(p.index)),
            ("band", .string(p.band.name)),
            ("text", .string(c.scored.article.text(in: p.paragraph.span))),
            ("findings", .array(p.findings.map { card in
                guard case .object(var fields) = ScoreJSON.finding(card.finding) else { return .null }
                fields.append(("notes", .array(card.notes.map(note))))
                return .object(fields)
            })),
            ("notes", .array(p.notes.map(note))),
        ])
    }

    static func reviews(_ r: Scorecard.Reviews) -> JSONValue {
        let verdicts = { (counts: [ScorecardNote.Verdict: Int]) -> JSONValue in
            .object(ScorecardNote.Verdict.allCases.map { ($0.rawValue, .int(counts[$0] ?? 0)) })
        }
        return .object([
            ("reviewers", .array(r.reviewers.map(JSONValue.string))),
            ("findings_judged", .int(r.findingsJudged)),
            ("findings_by_verdict", verdicts(r.findingsByVerdict)),
            ("paragraph_verdicts", verdicts(r.paragraphVerdicts)),
            ("orphaned", .int(r.orphaned.count)),
            ("unmatched_finding_notes", .int(r.unmatchedFindingNotes)),
            ("notes", .array(r.notes.map(note))),
        ])
    }

    static func note(_ n: ScorecardNote) -> JSONValue {
        .object([
            ("reviewer", .string(n.reviewer)),
            ("verdict", n.verdict.map { .string($0.rawValue) } ?? .null),
            ("label", n.label.map(JSONValue.string) ?? .null),
            ("text", .string(n.text)),
            ("target", .string(n.target.rawValue)),
            ("rule", n.rule.map(JSONValue.string) ?? .null),
            ("quote", .string(n.quote)),
            ("start", n.span.map { .int($0.start) } ?? .null),
            ("end", n.span.map { .int($0.end) } ?? .null),
            ("anchor", .string(n.anchor.rawValue)),
        ])
    }
}
