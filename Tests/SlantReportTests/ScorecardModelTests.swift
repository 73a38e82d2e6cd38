import Testing
@testable import SlantReport
@testable import SlantRules
import SlantText

/// The scorecard model: headline figures, worst-first ordering and where notes go.
@Suite struct ScorecardModelTests {
    static let loaded: [Fixture.Hand] = [
        .init(text: "disastrous", family: .loadedLanguage),
        .init(text: "shameful", family: .loadedLanguage),
        .init(text: "farce", family: .loadedLanguage),
        .init(text: "critics say", family: .attribution, rule: "attribution", weight: 0),
        .init(text: "Crime has doubled since 2019.", family: .unsourcedClaim, rule: "unsourced-claim"),
        .init(text: "budget", family: .hedging, weight: 0.2),
    ]

    @Test func flaggedParagraphsAreWorstFirst() {
        let text = """
        One loaded and shameful line, shameful and disastrous and a farce, I think.

        A calm report of the meeting on Tuesday, where the budget was discussed at length by all.

        Shameful, disastrous, a farce: the worst, most shameful, most disastrous plan of all.
        """
        let scored = Fixture.scored(text, findings: [
            .init(text: "shameful", family: .loadedLanguage),
            .init(text: "disastrous", family: .loadedLanguage),
            .init(text: "Shameful", family: .loadedLanguage),
            .init(text: "disastrous", family: .loadedLanguage, from: 150),
            .init(text: "farce", family: .loadedLanguage, from: 150),
            .init(text: "shameful", family: .loadedLanguage, from: 200),
            .init(text: "disastrous", family: .loadedLanguage, from: 200),
        ])
        let card = Fixture.card(scored)
        #expect(card.flagged.count >= 2)
        #expect(card.flagged.first?.paragraph.index == 2, "the paragraph with most findings is worst")
        #expect(card.flagged.map(\.index) == card.flagged.map(\.index).sorted(by: >))
        #expect(card.flagged.allSatisfy { $0.index >= Fixture.rubric.scoring.flagThreshold })
        #expect(!card.flagged.contains { $0.paragraph.index == 1 })
    }

    @Test func familiesSplitAuthorAndQuotedFindings() {
        let text = "“A disgrace,” said Amal. It was a shameful and disastrous week for the town council."
        let scored = Fixture.scored(text, findings: [
            .init(text: "disgrace", family: .loadedLanguage, voice: .quoted),
            .init(text: "shameful", family: .loadedLanguage),
            .init(text: "disastrous", family: .loadedLanguage),
        ])
        let card = Fixture.card(scored)
        let loaded = card.families.first { $0.family == .loadedLanguage }
        #expect(loaded?.findings == 3)
        #expect(loaded?.author == 2)
        #expect(loaded?.quoted == 1)
        #expect(loaded?.weighted == 4, "quoted findings do not count")
        #expect(card.families.map(\.family) == Family.allCases)
    }

    @Test func notesArePlacedOnTheirParagraphAndFinding() {
        let scored = Fixture.scored(Fixture.text, findings: Self.loaded)
        let text = Fixture.text
        let notes = [
            Fixture.note("disastrous", in: text, target: .finding, rule: "test.rule", verdict: .agree, reviewer: "Ana", uid: "1"),
            Fixture.note("disastrous", in: text, target: .finding, rule: "test.rule", verdict: .disagree, reviewer: "Ben", uid: "2"),
            Fixture.note("farce", in: text, target: .finding, rule: "test.rule", verdict: .disagree, reviewer: "Ana", uid: "3"),
            Fixture.note("shameful", in: text, target: .finding, rule: "gone.rule", verdict: .agree, reviewer: "Ana", uid: "4"),
            Fixture.note("The council met", in: text, target: .quote, verdict: nil, reviewer: "Ben", note: "Fine.", uid: "5"),
            Fixture.note("The mayor's disastrous plan", in: text, target: .paragraph, verdict: .agree, reviewer: "Ben", uid: "6"),
            Fixture.note("vanished words", in: text + "vanished words", target: .quote, verdict: .unsure, anchor: .orphaned, uid: "7"),
        ]
        let card = Fixture.card(scored, notes: notes.reversed())
        let p1 = card.paragraphs[1]
        #expect(p1.notes.map(\.uid) == ["6", "1", "2", "4", "3"], "text order, then reviewer")
        let disastrous = p1.findings.first { $0.finding.text == "disastrous" }
        #expect(disastrous?.notes.map(\.reviewer) == ["Ana", "Ben"])
        #expect(p1.findings.first { $0.finding.text == "shameful" }?.notes.isEmpty == true, "a note on another rule's finding is not this finding's")
        #expect(card.paragraphs[2].notes.map(\.uid) == ["5"])
        let r = try! #require(card.reviews)
        #expect(r.reviewers == ["Ana", "Ben"])
        #expect(r.findingsJudged == 2)
        #expect(r.findingsByVerdict[.agree] == 1)
        #expect(r.findingsByVerdict[.disagree] == 2)
        #expect(r.paragraphVerdicts[.agree] == 1)
        #expect(r.orphaned.map(\.uid) == ["7"])
        #expect(r.unmatchedFindingNotes == 1)
        #expect(r.notes.last?.uid == "7", "orphaned notes come last")
    }

    @Test func withoutAStoreThereIsNoReviewerSection() {
        let card = Fixture.card(Fixture.scored(Fixture.text, findings: Self.loaded))
        #expect(card.reviews == nil)
        #expect(card.reviewsUnavailable == "no annotation store")
        #expect(ScorecardWording.reviewers(card) == "no reviewer notes (no annotation store)")
        let empty = Fixture.card(Fixture.scored(Fixture.text, findings: Self.loaded), notes: [])
        #expect(ScorecardWording.reviewers(empty) == "no reviewer notes (none yet in the annotation store)")
    }

    @Test func identityReproducesTheScore() {
        let card = Fixture.card(Fixture.scored(Fixture.text, findings: Self.loaded))
        #expect(card.rubric.name == Fixture.rubric.name)
        #expect(card.rubric.sha256 == Fixture.rubric.sha256)
        #expect(card.slantVersion == "9.9.9")
        #expect(card.textSha256 == Digest.sha256(Fixture.text))
        #expect(card.band == ScorecardBand.band(for: card.index, in: card.bands))
    }
}
