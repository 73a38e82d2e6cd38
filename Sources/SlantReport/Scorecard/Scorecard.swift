import SlantRules
import SlantText

/// Everything one article's scorecard shows, computed once so that the text, Markdown,
/// JSON and HTML renderers cannot disagree: the headline figures, the flagged
/// paragraphs worst first with their findings, reviewer verdicts and notes placed on
/// the scored text, and what is needed to reproduce the scores.
public struct Scorecard: Sendable {
    /// A family's figures for the whole article.
    public struct FamilyFigures: Sendable, Hashable {
        public var family: Family
        /// Findings, author's voice and quoted alike.
        public var findings: Int
        /// Findings in the author's voice (the ones that count).
        public var author: Int
        public var quoted: Int { findings - author }
        /// Sum of author-voice weights, and that per 100 words.
        public var weighted: Double
        public var density: Double
    }

    /// A finding with the reviewer notes that judged it.
    public struct FindingCard: Sendable {
        public var finding: Finding
        public var notes: [ScorecardNote]
    }

    /// A paragraph with its figures, findings and every note placed in it.
    public struct ParagraphCard: Sendable {
        public var paragraph: Paragraph
        public var words: Int
        public var index: Double
        public var band: ScorecardBand
        public var flagged: Bool
        public var scored: Bool
        public var findings: [FindingCard]
        /// All notes anchored in this paragraph (paragraph, quote and finding notes), in text order.
        public var notes: [ScorecardNote]
    }

    /// What reviewers said, when the document is in the annotation store.
    public struct Reviews: Sendable {
        /// Every note, in text order (orphaned notes last).
        public var notes: [ScorecardNote]
        public var reviewers: [String]
        /// Distinct findings with at least one note of each verdict.
        public var findingsByVerdict: [ScorecardNote.Verdict: Int]
        /// Distinct findings with any verdict.
        public var findingsJudged: Int
        /// Paragraph notes by verdict.
        public var paragraphVerdicts: [ScorecardNote.Verdict: Int]
        /// Notes whose text is no longer in the article.
        public var orphaned: [ScorecardNote]
        /// Finding notes whose finding the current rubric no longer reports.
        public var unmatchedFindingNotes: Int
    }

    public struct RubricIdentity: Sendable, Hashable {
        public var name: String
        public var version: String
        public var sha256: String
    }

    public var scored: ScoredArticle
    public var rubric: RubricIdentity
    public var slantVersion: String
    /// SHA-256 of the article's plain text (as in `slant score --format json`).
    public var textSha256: String
    public var bands: [ScorecardBand]
    public var band: ScorecardBand
    public var flagThreshold: Double
    public var families: [FamilyFigures]
    /// Every paragraph, in text order.
    public var paragraphs: [ParagraphCard]
    /// Flagged paragraphs, highest index first (ties in text order).
    public var flagged: [ParagraphCard]
    /// Nil when there are no reviewer notes to show; `reviewsUnavailable` says why.
    public var reviews: Reviews?
    public var reviewsUnavailable: String?

    /// Paragraphs that are not flagged but carry reviewer notes, in text order: every
    /// format shows them after the flagged ones.
    public var notedUnflagged: [ParagraphCard] { paragraphs.filter { !$0.flagged && !$0.notes.isEmpty } }

    public var source: String { scored.article.source }
    public var title: String? { scored.article.title }
    public var index: Double { scored.score.editorializing }
    public var words: Int { scored.score.words }
    public var sourcing: Sourcing { scored.sourcing }
    public var scoredParagraphs: Int { paragraphs.filter(\.scored).count }
    public var findingCount: Int { scored.findings.count }

    public init(scored: ScoredArticle, rubric: Rubric, slantVersion: String, reviews: ScorecardReviewSource) {
        self.scored = scored
        self.rubric = RubricIdentity(name: rubric.name, version: rubric.version, sha256: rubric.sha256)
        self.slantVersion = slantVersion
        textSha256 = Digest.sha256(scored.article.text)
        flagThreshold = rubric.scoring.flagThreshold
        bands = ScorecardBand.bands(for: rubric.scoring)
        band = ScorecardBand.band(for: scored.score.editorializing, in: bands)

        let findings = scored.findings
        families = Family.allCases.map { f in
            FamilyFigures(family: f, findings: scored.score.counts[f] ?? 0,
                          author: findings.filter { $0.family == f && $0.voice == .author }.count,
                          weighted: scored.score.weighted[f] ?? 0, density: scored.score.density[f] ?? 0)
        }

        var notes: [ScorecardNote] = []
        switch reviews {
        case .store(let n): notes = n.sorted(by: Self.textOrder)
        case .unavailable(let reason): reviewsUnavailable = reason
        }
        let placement = NotePlacement(scored: scored, notes: notes)
        let bands = self.bands
        paragraphs = scored.paragraphs.map { p in
            ParagraphCard(paragraph: p.paragraph, words: p.paragraph.wordCount, index: p.score.editorializing,
                          band: ScorecardBand.band(for: p.score.editorializing, in: bands), flagged: p.score.flagged,
                          scored: p.scored,
                          findings: p.findings.map { FindingCard(finding: $0, notes: placement.notes(on: $0)) },
                          notes: placement.notes(inParagraph: p.paragraph.index))
        }
        flagged = paragraphs.filter(\.flagged).sorted { a, b in
            a.index != b.index ? a.index > b.index : a.paragraph.index < b.paragraph.index
        }
        if case .store = reviews {
            self.reviews = placement.summary(allNotes: notes)
        }
    }

    /// Text order: by anchored position (orphaned last), then reviewer, then note id.
    static func textOrder(_ a: ScorecardNote, _ b: ScorecardNote) -> Bool {
        let ka = (a.span?.start ?? Int.max, a.span?.end ?? Int.max), kb = (b.span?.start ?? Int.max, b.span?.end ?? Int.max)
        if ka != kb { return ka < kb }
        if a.reviewer != b.reviewer { return a.reviewer < b.reviewer }
        return a.uid < b.uid
    }
}

/// Puts each note in the paragraph that contains its anchored text and, for a finding
/// note, on the finding with the same rule and span in the scored text.
struct NotePlacement {
    var byParagraph: [Int: [ScorecardNote]] = [:]
    var byFinding: [FindingKey: [ScorecardNote]] = [:]
    var unmatchedFindingNotes = 0

    struct FindingKey: Hashable {
        var rule: String
        var span: TextSpan
    }

    init(scored: ScoredArticle, notes: [ScorecardNote]) {
        let findingKeys = Set(scored.findings.map { FindingKey(rule: $0.rule, span: $0.span) })
        for note in notes {
            guard let span = note.span else { continue }
            let paragraph = scored.paragraphs.first { $0.paragraph.span.contains(span.start) }
                ?? scored.paragraphs.last { $0.paragraph.span.start <= span.start }
            if let p = paragraph { byParagraph[p.paragraph.index, default: []].append(note) }
            guard note.target == .finding else { continue }
            let key = FindingKey(rule: note.rule ?? "", span: span)
            if findingKeys.contains(key) { byFinding[key, default: []].append(note) } else { unmatchedFindingNotes += 1 }
        }
    }

    func notes(on finding: Finding) -> [ScorecardNote] { byFinding[FindingKey(rule: finding.rule, span: finding.span)] ?? [] }

    func notes(inParagraph index: Int) -> [ScorecardNote] { byParagraph[index] ?? [] }

    func summary(allNotes: [ScorecardNote]) -> Scorecard.Reviews {
        var byVerdict: [ScorecardNote.Verdict: Int] = [:]
        for (_, notes) in byFinding {
            for v in Set(notes.compactMap(\.verdict)) { byVerdict[v, default: 0] += 1 }
        }
        var paragraphVerdicts: [ScorecardNote.Verdict: Int] = [:]
        for n in allNotes where n.target == .paragraph && n.span != nil {
            if let v = n.verdict { paragraphVerdicts[v, default: 0] += 1 }
        }
        return Scorecard.Reviews(
            notes: allNotes, reviewers: Array(Set(allNotes.map(\.reviewer))).sorted(),
            findingsByVerdict: byVerdict,
            findingsJudged: byFinding.values.filter { $0.contains { $0.verdict != nil } }.count,
            paragraphVerdicts: paragraphVerdicts, orphaned: allNotes.filter { $0.span == nil },
            unmatchedFindingNotes: unmatchedFindingNotes)
    }
}
