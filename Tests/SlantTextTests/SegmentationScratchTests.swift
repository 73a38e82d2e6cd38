import Testing
@testable import SlantText

/// The segmenter's reused working space and the word count it hands each paragraph must
/// give exactly what fresh arrays and a count over the tokens give.
@Suite struct SegmentationScratchTests {
    static let texts = [
        "The first paragraph ends here. Dr. Okafor said “no.” Then it went on!\n\nShort one.",
        "One.\n\nTwo sentences here. And a third? Yes! Mr. J. R. Smith left at 3 p.m. The end.",
        "東京で会議が開かれた。首相は「経済は回復している」と述べた。\n\n“Quoted,” she said — 1,000 fans 🎉.",
        "", "   ", "x", "Comments (12)\n\n— · —\n\nHeadline Without Stop",
    ]

    @Test func paragraphWordCountMatchesItsTokens() {
        for text in Self.texts {
            for paragraph in Article(text: text).paragraphs {
                #expect(paragraph.wordCount == paragraph.tokens.filter(\.isWordLike).count, "\(text.debugDescription)")
            }
        }
    }

    @Test func wordCountFollowsTokensWhenTheyChange() {
        var paragraph = Article(text: "Three plain words, and more.").paragraphs[0]
        #expect(paragraph.wordCount == 5)
        paragraph.tokens.removeLast(2)
        #expect(paragraph.wordCount == 4)
        paragraph.tokens[0].kind = .punctuation
        #expect(paragraph.wordCount == 3)
        paragraph.tokens = []
        #expect(paragraph.wordCount == 0)
        let made = Paragraph(index: 0, span: TextSpan(start: 0, end: 3), kind: .prose, sentences: [],
                             tokens: [Token(span: TextSpan(start: 0, end: 1), kind: .word),
                                      Token(span: TextSpan(start: 1, end: 2), kind: .symbol),
                                      Token(span: TextSpan(start: 2, end: 3), kind: .number)], quotes: [])
        #expect(made.wordCount == 2)
    }

    @Test func reusedSentenceScratchMatchesFreshArrays() {
        // Paragraphs with many sentences, then few, then many again, so stale entries would show.
        var scratch: [Sentence] = []
        for text in Self.texts + Self.texts.reversed() {
            for paragraph in Article(text: text).paragraphs {
                let all = Array(text.unicodeScalars)
                let p = all[paragraph.span.start..<paragraph.span.end]
                let closes = paragraph.quotes.compactMap { $0.isClosed ? $0.span.end - 1 : nil }.sorted()
                let fresh = SentenceSplitter.split(p, tokens: paragraph.tokens, quoteCloses: closes)
                let reused = SentenceSplitter.split(p, tokens: paragraph.tokens, quoteCloses: closes, scratch: &scratch)
                #expect(reused == fresh, "\(text.debugDescription)")
                #expect(reused == paragraph.sentences, "\(text.debugDescription)")
            }
        }
    }

    /// The tokenizer's list of terminator tokens must be exactly the punctuation tokens on
    /// which `isTerminator` holds, in order, with one scratch reused across paragraphs of
    /// every length (so a stale count or entry would show).
    @Test func tokenizerListsTheTerminatorTokens() {
        let pool = Array("abc XYZ 019 .,;:!?'\"-&()$\n“”‘’—…éß東。！？‼⁉．👍🏽\u{A0}قال".unicodeScalars)
        var rng = SystemRandomNumberGenerator()
        var scratch = TokenScratch(capacity: 0)
        for _ in 0..<3000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &rng) { s.append(pool.randomElement(using: &rng)!) }
            let all = Array("§ ".unicodeScalars) + Array(s)
            let p = all[2...]
            let marks = TokenizerReferenceTests.marks(p)
            let tokens = Tokenizer.tokenize(p, quoteMarks: marks, offset: 2, scratch: &scratch).tokens
            let expected = tokens.indices.filter { tokens[$0].kind == .punctuation && SentenceSplitter.isTerminator(all[tokens[$0].span.start]) }
            #expect(Array(scratch.terminators) == expected, "\(String(s).debugDescription)")
            var sentences: [Sentence] = []
            #expect(SentenceSplitter.split(p, tokens: tokens, quoteCloses: [], terminators: scratch.terminators, scratch: &sentences)
                    == SentenceSplitter.split(p, tokens: tokens, quoteCloses: []), "\(String(s).debugDescription)")
        }
    }

    /// With a stop after the paragraph the tokenizer reads one code point past it; the
    /// tokens must be those it makes without.
    @Test func stopAfterTheParagraphChangesNoToken() {
        let pool = Array("abcXYZ019 .,;:!?'\"-&()$\n\t“”‘’—…éß東。👍🏽\u{A0}".unicodeScalars)
        var rng = SystemRandomNumberGenerator()
        for round in 0..<2000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...30, using: &rng) { s.append(pool.randomElement(using: &rng)!) }
            // Words right up to the end, in every other round.
            if round % 2 == 0 { s.append(contentsOf: "end9".unicodeScalars) }
            for stop in [" ", "\n", ".", "\""] as [Unicode.Scalar] {
                let all = Array("§ ".unicodeScalars) + Array(s) + [stop, "x"]
                let p = all[2..<(all.count - 2)]
                var plain = TokenScratch(capacity: 0), stopped = TokenScratch(capacity: 0)
                let expected = Tokenizer.tokenize(p, quoteMarks: [], offset: 2, scratch: &plain)
                let fast = Tokenizer.tokenize(p, quoteMarks: [], offset: 2, stopFollows: true, scratch: &stopped)
                #expect(fast.tokens == expected.tokens && fast.words == expected.words, "\(String(s).debugDescription)")
            }
        }
        let text = "Words run to the end of each line\nand on\n\nto the last word"
        // Paragraphs followed by a line feed against the last, followed by nothing, then by "!".
        var closed = Article(text: text + "!").paragraphs.map(\.tokens)
        closed[closed.count - 1].removeLast()
        #expect(Article(text: text).paragraphs.map(\.tokens) == closed)
    }

    @Test func prefixCopyIsExact() {
        let tokens = (0..<10).map { Token(span: TextSpan(start: $0, end: $0 + 1), kind: .word) }
        for n in [0, 1, 5, 10] {
            let copy = tokens.copyOfPrefix(n)
            #expect(copy == Array(tokens[0..<n]))
        }
    }
}
