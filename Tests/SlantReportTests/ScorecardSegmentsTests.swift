import Testing
@testable import SlantReport
@testable import SlantRules
import SlantText

/// Splitting paragraphs at finding boundaries: overlaps, emoji and non-Latin text.
@Suite struct ScorecardSegmentsTests {
    func split(_ scored: ScoredArticle, paragraph: Int) -> [ScorecardSegment] {
        let p = scored.paragraphs[paragraph]
        return ScorecardSegments.split(p.paragraph.span, findings: p.findings, scalars: Array(scored.article.text.unicodeScalars))
    }

    @Test func overlappingFindingsSplitAtEveryBoundary() {
        let text = "Crime has doubled because of the reckless council, officials say."
        let scored = Fixture.scored(text, findings: [
            .init(text: "Crime has doubled because of the reckless council", family: .unsourcedClaim),
            .init(text: "reckless", family: .loadedLanguage),
            .init(text: "reckless council", family: .opinion),
        ])
        let segments = split(scored, paragraph: 0)
        #expect(segments.map(\.text) == ["Crime has doubled because of the ", "reckless", " council", ", officials say."])
        #expect(segments.map(\.text).joined() == text)
        #expect(segments[0].authorFamilies == [.unsourcedClaim])
        #expect(segments[1].authorFamilies == [.loadedLanguage, .unsourcedClaim, .opinion].sorted())
        #expect(segments[2].authorFamilies == [.unsourcedClaim, .opinion].sorted())
        #expect(segments[3].findings.isEmpty)
    }

    @Test func emojiAndNonLatinTextAreSlicedByCodePoints() {
        // 👍🏽 is two code points (and one Character); 東京 and Ελένη precede the findings.
        let text = "Kenji 👍🏽 in 東京 met Ελένη, and the shameful 🌊 plan «collapsed» badly."
        let scored = Fixture.scored(text, findings: [
            .init(text: "shameful", family: .loadedLanguage),
            .init(text: "«collapsed»", family: .scareQuote),
            .init(text: "👍🏽", family: .opinion),
        ])
        let segments = split(scored, paragraph: 0)
        #expect(segments.map(\.text).joined() == text)
        let byText = Dictionary(segments.map { ($0.text, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byText["shameful"]?.authorFamilies == [.loadedLanguage])
        #expect(byText["«collapsed»"]?.authorFamilies == [.scareQuote])
        #expect(byText["👍🏽"]?.authorFamilies == [.opinion], "\(segments.map(\.text))")
        let thumbs = Fixture.span(of: "👍🏽", in: text)
        #expect(thumbs.length == 2, "offsets count code points")
    }

    @Test func quotedFindingsAreKeptApartFromTheAuthorsVoice() {
        let text = "“This is a disgrace,” said Amal Haddad, in a shameful week."
        let scored = Fixture.scored(text, findings: [
            .init(text: "disgrace", family: .loadedLanguage, voice: .quoted),
            .init(text: "shameful", family: .loadedLanguage),
        ])
        let segments = split(scored, paragraph: 0)
        let disgrace = segments.first { $0.text == "disgrace" }
        let shameful = segments.first { $0.text == "shameful" }
        #expect(disgrace?.quotedFamilies == [.loadedLanguage])
        #expect(disgrace?.authorFamilies.isEmpty == true)
        #expect(shameful?.authorFamilies == [.loadedLanguage])
    }

    @Test func findingsAreClippedToTheParagraphAndEmptyOnesIgnored() {
        let scalars = Array("abcdefghij".unicodeScalars)
        let f = Finding(rule: "r", family: .hedging, span: TextSpan(start: 0, end: 6), text: "abcdef", message: "m", weight: 1, voice: .author, paragraph: 0)
        var empty = f
        empty.span = TextSpan(start: 4, end: 4)
        let segments = ScorecardSegments.split(TextSpan(start: 3, end: 8), findings: [f, empty], scalars: scalars)
        #expect(segments.map(\.text) == ["def", "gh"])
        #expect(segments[0].findings.count == 1)
        #expect(segments[1].findings.isEmpty)
    }
}
