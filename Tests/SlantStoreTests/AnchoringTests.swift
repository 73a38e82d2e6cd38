import Testing
@testable import SlantStore

/// Re-anchoring a note's selector in an edited text: exact, moved, fuzzy, orphaned.
@Suite struct AnchoringTests {
    func selector(_ text: String, _ quote: String) -> (QuoteSelector, Int, Int) {
        let scalars = Array(text.unicodeScalars)
        let start = Anchoring.find(Array(quote.unicodeScalars), in: scalars).first!
        let end = start + quote.unicodeScalars.count
        return (QuoteSelectors.make(text: scalars, start: start, end: end), start, end)
    }

    func slice(_ text: String, _ r: Anchoring.Result) -> String? {
        guard let s = r.start, let e = r.end else { return nil }
        return QuoteSelectors.string(Array(text.unicodeScalars)[s..<e])
    }

    let original = "The council approved the bridge. Critics called the plan a disastrous waste of money. The mayor disagreed."

    @Test func unchangedTextIsExact() {
        let (sel, s, e) = selector(original, "disastrous waste")
        let r = Anchoring.reanchor(sel, from: s, e, in: original)
        #expect(r.status == .exact)
        #expect(r.start == s && r.end == e)
    }

    @Test func insertedTextBeforeMovesTheNote() {
        let (sel, s, e) = selector(original, "disastrous waste")
        let edited = "UPDATED: " + original
        let r = Anchoring.reanchor(sel, from: s, e, in: edited)
        #expect(r.status == .moved)
        #expect(r.start == s + 9)
        #expect(slice(edited, r) == "disastrous waste")
    }

    @Test func repeatedPhraseIsDisambiguatedByContext() {
        let text = "First, the plan is bad. Second, critics said the plan is bad for the town."
        let scalars = Array(text.unicodeScalars)
        let second = Anchoring.find(Array("the plan is bad".unicodeScalars), in: scalars)[1]
        let sel = QuoteSelectors.make(text: scalars, start: second, end: second + 15)
        // Shift everything so neither occurrence is at the old position, and put the first one nearer to it.
        let edited = "Note. " + text
        let r = Anchoring.reanchor(sel, from: 0, 15, in: edited)
        #expect(r.status == .moved)
        #expect(r.start == second + 6, "the occurrence whose prefix and suffix match, not the nearest")
    }

    @Test func editedQuoteIsFuzzy() {
        let (sel, s, e) = selector(original, "Critics called the plan a disastrous waste of money.")
        let edited = original.replacingOccurrences(of: "Critics called the plan a disastrous waste of money.",
                                                   with: "Critics called the plan a disastrous waste of public money.")
        let r = Anchoring.reanchor(sel, from: s, e, in: edited)
        #expect(r.status == .fuzzy)
        #expect(r.similarity >= 0.8 && r.similarity < 1)
        #expect(slice(edited, r)?.hasPrefix("Critics called") == true)
        #expect(slice(edited, r)?.hasSuffix("money.") == true)
    }

    @Test func removedTextIsOrphaned() {
        let (sel, s, e) = selector(original, "Critics called the plan a disastrous waste of money.")
        let edited = "The council approved the bridge. The mayor disagreed."
        let r = Anchoring.reanchor(sel, from: s, e, in: edited)
        #expect(r.status == .orphaned)
        #expect(r.start == nil && r.end == nil)
    }

    @Test func heavilyRewrittenQuoteIsOrphanedNotMisplaced() {
        let (sel, s, e) = selector(original, "a disastrous waste of money")
        let edited = original.replacingOccurrences(of: "a disastrous waste of money", with: "an expensive choice overall")
        #expect(Anchoring.reanchor(sel, from: s, e, in: edited).status == .orphaned)
    }

    @Test func offsetsAreCodePointsWithEmojiAndCJK() {
        let text = "東京の市長は👍🏽「大失敗」と述べた。Critics called it a fiasco."
        let (sel, s, e) = selector(text, "「大失敗」")
        #expect(s == 8, "東京の市長は = 6 code points, 👍🏽 = 2 (emoji + skin tone)")
        #expect(e == 13, "「大失敗」 = 5 code points")
        // Insert another emoji with a modifier (2 code points) and a CJK character before the quote.
        let edited = "🇯🇵新" + text
        let r = Anchoring.reanchor(sel, from: s, e, in: edited)
        #expect(r.status == .moved)
        #expect(r.start == s + 3 && r.end == e + 3, "🇯🇵 is two code points, 新 one")
        #expect(slice(edited, r) == "「大失敗」")
        // Edit inside the quote: still found, fuzzy, with code-point offsets.
        let (sel2, s2, e2) = selector(text, "Critics called it a fiasco.")
        let edited2 = text.replacingOccurrences(of: "a fiasco", with: "a fiasko")
        let r2 = Anchoring.reanchor(sel2, from: s2, e2, in: edited2)
        #expect(r2.status == .fuzzy)
        #expect(r2.start == s2)
        #expect(slice(edited2, r2) == "Critics called it a fiasko.")
    }

    @Test func fuzzyMatchFindsTheBestWindow() {
        let text = Array("xxabcdefyy".unicodeScalars)
        let found = FuzzyMatch.candidates(of: Array("abcxef".unicodeScalars), in: text, maxDistance: 1)
        #expect(found.contains(FuzzyMatch.Candidate(start: 2, end: 8, distance: 1)), "\(found)")
        #expect(FuzzyMatch.candidates(of: Array("zzzz".unicodeScalars), in: text, maxDistance: 1).isEmpty)
    }
}
