import Foundation
import Testing
@testable import SlantReport
@testable import SlantRules
import SlantText

/// The HTML scorecard: self-contained, escaped, overlaps and voices shown.
@Suite struct ScorecardHTMLTests {
    static let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "</style>"]

    func html(_ text: String, findings: [Fixture.Hand], notes: [ScorecardNote]? = nil) -> String {
        ScorecardHTML.render(Fixture.card(Fixture.scored(text, findings: findings), notes: notes))
    }

    @Test func articleTextAndNotesAreEscaped() {
        let text = "The shameful plan: \(Self.payloads.joined(separator: " ")) was a farce, and more words here."
        let note = "Careful: " + Self.payloads.joined(separator: "\n")
        let out = html(text, findings: [.init(text: "shameful", family: .loadedLanguage), .init(text: "<script>", family: .scareQuote)],
                       notes: [Fixture.note("shameful", in: text, reviewer: "Eve\"><script>x</script>", note: note)])
        #expect(!out.contains("<script"), "no script element at all")
        #expect(!out.contains("<img"))
        #expect(!out.contains("onerror=alert(1)>"))
        #expect(out.components(separatedBy: "</style>").count == 2, "only the stylesheet's own </style>")
        #expect(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(out.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(out.contains("&lt;/style&gt;"))
        #expect(out.contains("Eve&quot;&gt;&lt;script&gt;x&lt;/script&gt;"))
    }

    @Test func isSelfContainedAndResponsive() {
        let out = html(Fixture.text, findings: ScorecardModelTests.loaded)
        #expect(out.hasPrefix("<!DOCTYPE html>"))
        #expect(out.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(out.contains("<meta charset=\"utf-8\">"))
        #expect(out.contains("@media print"))
        #expect(out.contains("@media (max-width:600px)"))
        #expect(!out.contains("<script"))
        #expect(!out.contains("<link"))
        #expect(!out.contains("http://") && !out.contains("https://"), "nothing is fetched")
        #expect(!out.contains("src="))
    }

    @Test func highlightsCarryFamilyClassesAndTooltips() {
        let text = "Crime has doubled because of the reckless council, officials say, in a “disgrace” of a week."
        let out = html(text, findings: [
            .init(text: "Crime has doubled because of the reckless council", family: .unsourcedClaim, rule: "unsourced-claim"),
            .init(text: "reckless", family: .loadedLanguage, rule: "loaded.emotive"),
            .init(text: "disgrace", family: .loadedLanguage, voice: .quoted, rule: "loaded.emotive"),
        ])
        #expect(out.contains("<span class=\"hl a-unsourced_claim\" title=\"unsourced_claim · unsourced-claim: unsourced_claim message for Crime has doubled because of the reckless council\">Crime has doubled because of the </span>"), "\(out)")
        #expect(out.contains("<span class=\"hl a-loaded_language a-unsourced_claim\" title=\"unsourced_claim · unsourced-claim: unsourced_claim message for Crime has doubled because of the reckless council&#10;loaded_language · loaded.emotive: loaded_language message for reckless\">reckless</span>"), "\(out)")
        #expect(out.contains("<span class=\"hl q-loaded_language\" title=\"loaded_language · loaded.emotive: loaded_language message for disgrace (quoted speech, not counted)\">disgrace</span>"))
        // The legend shows every family and both voices.
        for f in Family.allCases { #expect(out.contains("class=\"sw sw-\(f.rawValue)\"")) }
        #expect(out.contains("Dashed underline"))
        #expect(out.contains("<meta name=\"slant-highlights\" content=\"loaded_language=#ffb0b0 unsourced_claim=#ffe38a\">"), "quoted-only families are not background highlights")
    }

    @Test func eachScoredParagraphHasAnIndexBarAndNotesBesideIt() {
        let notes = [Fixture.note("The council met", in: Fixture.text, target: .quote, verdict: .disagree, reviewer: "Ben", note: "Fine as <it> is.")]
        let out = html(Fixture.text, findings: ScorecardModelTests.loaded, notes: notes)
        let card = Fixture.card(Fixture.scored(Fixture.text, findings: ScorecardModelTests.loaded))
        for p in card.paragraphs where p.scored {
            #expect(out.contains("<i style=\"width:\(ScorecardHTML.css(p.index))%\"></i>"), "bar of ¶\(p.paragraph.index)")
        }
        let p2 = out.components(separatedBy: "id=\"p2\"")[1].components(separatedBy: "</section>")[0]
        #expect(p2.contains("<div class=\"notes\">"))
        #expect(p2.contains("Fine as &lt;it&gt; is."))
        #expect(p2.contains("<span class=\"verdict\">disagree</span>"))
        #expect(out.contains("id=\"p0\"") && out.contains("heading"))
    }

    @Test func emojiAndNonLatinTextSurviveIntact() {
        let text = "Harbourmaster 👍🏽 wrote 「安全第一」 and «أهلاً» with a shameful 🌊 tone to Юрий."
        let out = html(text, findings: [.init(text: "shameful", family: .loadedLanguage), .init(text: "「安全第一」", family: .scareQuote)])
        #expect(out.contains("Harbourmaster 👍🏽 wrote <span class=\"hl a-scare_quote\""))
        #expect(out.contains(">「安全第一」</span> and «أهلاً» with a <span class=\"hl a-loaded_language\""))
        #expect(out.contains(">shameful</span> 🌊 tone to Юрий."))
    }

    @Test func legendSwatchesAreNotTheHighlightColour() {
        for f in Family.allCases {
            let c = ScorecardHTMLStyle.colors(f)
            #expect(c.swatch != c.highlight, "the screenshot check tells them apart")
            #expect(ScorecardHTMLStyle.css.contains(".a-\(f.rawValue){background:\(c.highlight)}"))
        }
        let highlights = Family.allCases.map { ScorecardHTMLStyle.colors($0).highlight }
        #expect(Set(highlights).count == highlights.count, "one colour per family")
    }
}
