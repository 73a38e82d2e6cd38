import Testing
import SlantText
@testable import SlantRules

/// The scoring loop answers some questions in place or by a shortcut; these tests hold
/// each answer to the plain one it replaced.
@Suite struct InPlaceAnswersTests {
    /// The list-building `longestFirst` as it was written before it worked in place.
    static func plainLongestFirst(_ hits: [LexiconHit]) -> [LexiconHit] {
        var kept: [LexiconHit] = []
        for hit in hits.sorted(by: { $0.span.start != $1.span.start ? $0.span.start < $1.span.start : $0.span.length > $1.span.length }) {
            if let last = kept.last, last.span.overlaps(hit.span) {
                if hit.span.length > last.span.length { kept[kept.count - 1] = hit }
                continue
            }
            kept.append(hit)
        }
        return kept
    }

    @Test func keepingTheLongestInPlaceAgreesWithTheListBuildingWay() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let n = Int.random(in: 0...12, using: &rng)
            let hits = (0..<n).map { i in
                let start = Int.random(in: 0...30, using: &rng)
                return LexiconHit(slot: i % 3, termIndex: i, weight: 1, span: TextSpan(start: start, end: start + Int.random(in: 1...8, using: &rng)))
            }
            var inPlace = hits
            LexiconCheck.keepLongest(&inPlace)
            #expect(inPlace == Self.plainLongestFirst(hits))
            #expect(LexiconCheck.longestFirst(hits[...]) == inPlace)
        }
    }

    @Test func sortingFindingsInPlaceAgreesWithSortingACopy() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let findings = (0..<Int.random(in: 0...10, using: &rng)).map { i in
                let start = Int.random(in: 0...6, using: &rng)
                return Finding(rule: "r\(i)", family: .loadedLanguage, span: TextSpan(start: start, end: start + 1), text: "x",
                               message: "m", weight: 1, voice: .author, paragraph: 0)
            }
            let from = Int.random(in: 0...findings.count, using: &rng)
            var sorted = findings
            sorted.sortByPosition(from: from)
            let expected = Array(findings[..<from]) + findings[from...].sorted { $0.span < $1.span }
            #expect(sorted.map(\.rule) == expected.map(\.rule))
        }
    }

    /// Skipping the sort of findings already in order gives what the stable sort gave,
    /// ties of position and rule included (told apart by their text).
    @Test func sortingFindingsByPositionAndRuleSkipsOnlyWhatIsInOrder() {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<500 {
            var findings = (0..<Int.random(in: 0...10, using: &rng)).map { i in
                let start = Int.random(in: 0...4, using: &rng)
                return Finding(rule: "r\(Int.random(in: 0...2, using: &rng))", family: .loadedLanguage,
                               span: TextSpan(start: start, end: start + Int.random(in: 1...2, using: &rng)), text: "t\(i)",
                               message: "m", weight: 1, voice: .author, paragraph: 0)
            }
            // Half the rounds start in order, as a single check's findings do.
            if round % 2 == 0 { findings.sort { $0.span != $1.span ? $0.span < $1.span : $0.rule < $1.rule } }
            var sorted = findings
            sorted.sortByPositionAndRule()
            let expected = findings.enumerated().sorted { a, b in
                a.element.span != b.element.span ? a.element.span < b.element.span
                    : a.element.rule != b.element.rule ? a.element.rule < b.element.rule : a.offset < b.offset
            }.map(\.element)
            #expect(sorted.map(\.text) == expected.map(\.text))
        }
    }

    @Test func scareQuoteCuesEndTheWordsAsHasSuffixSays() {
        let words = ["the word", "the so-called", "so called", "", "x", "dubbed", "the words", "a term", "e\u{301}word", "known as",
                     "was known as", "mean", "meanings", "KELVIN \u{212A}", "spelt", "the title", "titled"]
        let cues = ["word", "words", "known as", "so-called", "means", "spelt", "titled", "title", "k", "", "as"]
        for w in words {
            for cue in cues {
                let plain = w == cue || (w.hasSuffix(cue) && w.hasSuffix(" " + cue))
                #expect(ScareQuoteCheck.endsWith(w, last: ScareQuoteCheck.lastByte(w), ScareQuoteCheck.Cue(cue)) == plain, "\(w) ends with \(cue)")
            }
        }
    }

    @Test func relativePronounsAreNoLongerThanTheShortcutAssumes() {
        for word in AttributionCheck.relativeOnlyWords {
            #expect(word.unicodeScalars.count <= AttributionCheck.relativeOnlyLongest)
            #expect(AttributionCheck.relativeOnly.contains(word))
        }
    }

    /// Sentence flags held as bits answer as the `[Bool]` they replaced, past 64 sentences too.
    @Test func sentenceFlagsAnswerAsABoolList() {
        var flags = SentenceFlags()
        var plain = [Bool](repeating: false, count: 130)
        for i in [0, 1, 5, 63, 64, 65, 100, 129] {
            flags.insert(i)
            plain[i] = true
        }
        for i in plain.indices { #expect(flags.contains(i) == plain[i], "sentence \(i)") }
        #expect(!flags.contains(-1))
        #expect(!SentenceFlags().contains(0))
    }

    /// Hit lists lent to the checks come back with their room, and the borrower's variable
    /// no longer shares them.
    @Test func borrowedHitListsComeBackEmptyWithTheirRoom() {
        let article = Article(text: "Officials said 👍 говорит.")
        let shared = ArticleContext(article: article, folded: FoldedText(article.text),
                                    hits: LexiconHits(bySlot: [], lexiconIDs: [], terms: []), allPatternMatches: [])
        var list = shared.borrowHitList()
        #expect(list.isEmpty)
        for i in 0..<10 { list.append(LexiconHit(slot: 0, termIndex: i, weight: 1, span: TextSpan(start: i, end: i + 1))) }
        let room = list.capacity
        shared.giveBack(&list)
        #expect(list.isEmpty)
        var again = shared.borrowHitList()
        #expect(again.count == 10 && again.capacity >= room)
        var other = shared.borrowHitList() // none spare: a new one
        #expect(other.isEmpty)
        shared.giveBack(&again)
        shared.giveBack(&other)
    }

    /// Filling a borrowed list that still holds an earlier paragraph's hits gives the same
    /// hits as a fresh list.
    @Test func longestHitsIntoAReusedListMatchesAFreshList() {
        let engine = EngineTests.engine
        let article = Article(text: "Officials said the 😡 disastrous plan was a shameful mess, the mayor claimed.")
        let folded = FoldedText(article.text)
        let hits = engine.matcher.hits(in: folded)
        let shared = ArticleContext(article: article, folded: folded, hits: hits, allPatternMatches: [])
        let ctx = ParagraphContext(shared, paragraph: article.paragraphs[0], ordinal: 0, tokenBase: 0)
        let slots = Array(hits.bySlot.indices)
        var fresh: [LexiconHit] = []
        ctx.longestHits(inSlots: slots, into: &fresh)
        #expect(!fresh.isEmpty)
        var reused = (0..<7).map { LexiconHit(slot: 0, termIndex: $0, weight: 2, span: TextSpan(start: $0, end: $0 + 3)) }
        ctx.longestHits(inSlots: slots, into: &reused)
        #expect(reused == fresh)
        ctx.longestHits(inSlots: [], into: &reused)
        #expect(reused.isEmpty)
    }

    /// The slot masks rule out only slots with nothing in a paragraph: for every scored
    /// paragraph and slot, the mask's bit is what `hasHits` and `hasMatches` answer.
    @Test func slotMasksAgreeWithTheSlotBySlotAnswers() {
        let engine = EngineTests.engine
        let text = """
        # Officials said the plan failed

        Officials said the 😡 disastrous plan was a shameful mess, the mayor claimed.

        Subscribe to our newsletter for more.

        Он сказал, что “experts” reportedly doubt it. You should ask why?
        """
        let article = Article(text: text)
        let folded = FoldedText(article.text)
        let hits = engine.matcher.hits(in: folded)
        // Matches of three made-up pattern slots: every word, every other word, and spans
        // that straddle paragraph ends or lie between paragraphs.
        let words = article.paragraphs.flatMap(\.tokens).filter(\.isWordLike).map(\.span)
        let straddling = zip(article.paragraphs, article.paragraphs.dropFirst()).map { TextSpan(start: $0.span.end - 2, end: $1.span.start + 2) }
        let between = zip(article.paragraphs, article.paragraphs.dropFirst()).map { TextSpan(start: $0.span.end, end: $1.span.start) }
        let matches = [words, words.enumerated().filter { $0.offset % 2 == 0 }.map(\.element), (straddling + between).sorted()]
        let shared = ArticleContext(article: article, folded: folded, hits: hits, allPatternMatches: matches)
        var ordinal = 0, tokenBase = 0, checked = 0
        for paragraph in article.paragraphs where paragraph.kind.isScored {
            let ctx = ParagraphContext(shared, paragraph: paragraph, ordinal: ordinal, tokenBase: tokenBase)
            for slot in hits.bySlot.indices {
                #expect(ctx.hitMask.intersects(SlotMask([slot])) == ctx.hasHits(inSlot: slot), "paragraph \(ordinal), lexicon slot \(slot)")
                checked += 1
            }
            for slot in matches.indices {
                #expect(ctx.matchMask.intersects(SlotMask([slot])) == ctx.hasMatches(ofSlot: slot, in: paragraph.span),
                        "paragraph \(ordinal), pattern slot \(slot)")
            }
            ordinal += 1
            tokenBase += paragraph.tokens.count
        }
        #expect(ordinal >= 2 && checked > 0)
        // A slot beyond the bits sets them all, so the mask never rules it out.
        #expect(SlotMask([70]).intersects(SlotMask([3])))
        #expect(!SlotMask([-1]).intersects(SlotMask([0, 1, 2])))
    }
}
