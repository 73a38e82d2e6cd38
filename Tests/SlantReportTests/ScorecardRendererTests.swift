import Foundation
import Testing
@testable import SlantReport
@testable import SlantRules
import SlantText

/// Text, Markdown and JSON scorecards: content, order, escaping and determinism.
@Suite struct ScorecardRendererTests {
    static let hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(1)> </style>"

    func card(notes: [ScorecardNote]? = nil) -> Scorecard {
        Fixture.card(Fixture.scored(Fixture.text, findings: ScorecardModelTests.loaded), notes: notes)
    }

    func notes() -> [ScorecardNote] {
        [Fixture.note("disastrous", in: Fixture.text, target: .finding, rule: "test.rule", verdict: .agree, reviewer: "Ana",
                      note: "Loaded.\n# not a heading\n- not a list", uid: "1"),
         Fixture.note("The council met", in: Fixture.text, target: .quote, verdict: .disagree, reviewer: "Ben", note: "Fine as it is.", uid: "2")]
    }

    @Test func textHasTheHeadlineFiguresAndReviewerNotes() {
        let out = ScorecardText.render(card(notes: notes()))
        #expect(out.hasPrefix("Scorecard: A headline about the bridge\n"))
        #expect(out.contains("Editorializing index \(ScorecardWording.number(card().index))/100 — \(card().band.name)"))
        #expect(out.contains("loaded_language"))
        #expect(out.contains("1 of 1 claims attributed") || out.contains("claims attributed") || out.contains("no checkable claims"))
        #expect(out.contains("» Ana: agree"))
        #expect(out.contains("    Loaded.\n"), "note text as written, indented:\n\(out)")
        #expect(out.contains("Reviewer notes on other paragraphs"))
        #expect(out.contains("Ben: disagree on «The council met»"))
        #expect(out.contains("rubric \(Fixture.rubric.name) \(Fixture.rubric.version) (sha256 \(Fixture.rubric.sha256)), Slant 9.9.9"))
    }

    @Test func textSaysWhenThereAreNoReviewerNotes() {
        let out = ScorecardText.render(card())
        #expect(out.contains("reviewers     no reviewer notes (no annotation store)"), "\(out)")
        #expect(!out.contains("\n  » ") && !out.contains("Reviewer notes on other paragraphs"))
    }

    @Test func markdownIsDeterministicAndOrdered() {
        let a = ScorecardMarkdown.render(card(notes: notes())), b = ScorecardMarkdown.render(card(notes: notes().reversed()))
        #expect(a == b, "same notes in any order give the same file")
        #expect(a.hasPrefix(ScorecardMarkdown.marker + "\n# Scorecard: A headline about the bridge\n"))
        #expect(a.contains("\n## Families\n"))
        #expect(a.contains("| loaded_language | 3 | 3 | 0 | 6 |"), "\(a)")
        #expect(a.contains("\n## Flagged paragraphs, worst first\n"))
        #expect(a.contains("### ¶1 — index"))
        #expect(a.contains("`test.txt`"))
        #expect(a.contains("sha256 `\(Fixture.rubric.sha256)`"))
        #expect(a.contains("  - Ana: **agree** — Loaded.\n    \\# not a heading\n    \\- not a list\n"), "\(a)")
        #expect(!a.contains("/tmp/") && !a.contains(FileManager.default.currentDirectoryPath + "/"), "no absolute paths")
    }

    @Test func markdownEscapesArticleAndNotes() {
        let text = "Shameful <b>bold</b> | pipes *stars* \(Self.hostile) and more words to read here."
        let scored = Fixture.scored(text, findings: [.init(text: "Shameful", family: .loadedLanguage), .init(text: "<script>", family: .scareQuote)])
        let c = Fixture.card(scored, notes: [Fixture.note("Shameful", in: text, reviewer: "Eve <i>", note: Self.hostile)])
        let md = ScorecardMarkdown.render(c)
        for raw in ["<script>", "<img", "</style>", "<b>", "<i>"] { #expect(!md.contains(raw), "\(raw) unescaped in:\n\(md)") }
        #expect(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(md.contains("\\| pipes \\*stars\\*"))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let c = card(notes: notes())
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ScorecardJSON.render(c).utf8)) as? [String: Any])
        #expect(json["format"] as? String == "slant-scorecard")
        #expect(json["slant_version"] as? String == "9.9.9")
        #expect((json["rubric"] as? [String: Any])?["sha256"] as? String == Fixture.rubric.sha256)
        #expect(json["source"] as? String == "test.txt")
        #expect(json["band"] as? String == c.band.name)
        #expect((json["bands"] as? [[String: Any]])?.map { $0["name"] as? String } == ScorecardBand.names)
        let families = try #require(json["families"] as? [[String: Any]])
        #expect(families.map { $0["family"] as? String } == Family.allCases.map(\.rawValue))
        #expect(json["sourcing"] is [String: Any])
        #expect((json["paragraphs"] as? [Any])?.count == 3)
        let flagged = try #require(json["flagged"] as? [[String: Any]])
        #expect(flagged.count == c.flagged.count)
        let findings = try #require(flagged.first?["findings"] as? [[String: Any]])
        let disastrous = try #require(findings.first { $0["text"] as? String == "disastrous" })
        let verdicts = try #require(disastrous["notes"] as? [[String: Any]])
        #expect(verdicts.first?["verdict"] as? String == "agree")
        let reviews = try #require(json["reviews"] as? [String: Any])
        #expect(reviews["reviewers"] as? [String] == ["Ana", "Ben"])
        #expect((reviews["findings_by_verdict"] as? [String: Int])?["agree"] == 1)
        #expect((reviews["notes"] as? [Any])?.count == 2)
        #expect(json["reviews_unavailable"] is NSNull)

        let bare = try #require(try JSONSerialization.jsonObject(with: Data(ScorecardJSON.render(card()).utf8)) as? [String: Any])
        #expect(bare["reviews"] is NSNull)
        #expect(bare["reviews_unavailable"] as? String == "no annotation store")
    }
}
