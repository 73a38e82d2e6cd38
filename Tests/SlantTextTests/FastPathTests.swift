import Testing
@testable import SlantText

/// The segmenter's fast paths (packed word lists, the scanning decoder, the byte-wise
/// menu-row check) must answer exactly as the plain code they stand in for.
@Suite struct FastPathTests {
    @Test func packedWordListsAnswerAsTheirSets() {
        let list = WordList(["said", "log in", "u.s", "e.g", "acknowledged"])
        for (word, expected) in [("said", true), ("Said", true), ("SAID", true), ("sai", false), ("saids", false),
                                 ("log in", true), ("u.s", true), ("U.S", true), ("acknowledged", true), ("", false),
                                 ("said\u{301}", false), ("café", false), ("averyveryverylongword", false)] {
            let scalars = ArraySlice(Array(word.unicodeScalars))
            #expect(list.contains(scalars, TextSpan(start: 0, end: scalars.count)) == expected, "\(word)")
        }
        // A curly apostrophe folds to a straight one, and the packed lookup agrees.
        let gov = WordList(["gov't"])
        let curly = ArraySlice(Array("Gov\u{2019}t".unicodeScalars))
        #expect(gov.contains(curly, TextSpan(start: 0, end: curly.count)))
        #expect(PackedWord(ascii: "u.s".utf8)!.contains(0x2E))
        #expect(!PackedWord(ascii: "us".utf8)!.contains(0x2E))
    }

    /// Arrays made by `init(filled:count:)` are those of `init(repeating:count:)`.
    @Test func filledArraysAreRepeatedArrays() {
        for count in [0, 1, 7, 300] {
            #expect([Int](filled: 5, count: count) == [Int](repeating: 5, count: count))
            #expect([Bool](filled: true, count: count) == [Bool](repeating: true, count: count))
            #expect([[TextSpan]](filled: [TextSpan(start: 1, end: 2)], count: count) == [[TextSpan]](repeating: [TextSpan(start: 1, end: 2)], count: count))
            #expect([String](filled: "說👍", count: count) == [String](repeating: "說👍", count: count))
        }
    }

    /// The empty word (the word before a paragraph's first token) has the packed key of an
    /// empty slot, so its answer is kept apart; it must still be the set's.
    @Test func emptyWordIsAnsweredAsTheSetWould() {
        let empty = PackedWord(lo: 0, hi: 0)
        #expect(!WordList(["said", "told"]).contains(empty))
        #expect(WordList(["said", ""]).contains(empty))
        #expect(WordList(["said", ""]).contains(PackedWord(ascii: "said".utf8)!))
        #expect(!WordList(["café", "said"]).contains(empty))
        #expect(WordList(["café", ""]).contains(empty))
    }

    @Test func scannedTextFindsLineFeedsAndQuoteCandidates() {
        let text = "He said \"no\".\n\n“Yes,” she\u{A0}said — 'fine' «oui» 「はい」\nend 0123456789abcdef\"\n"
        let scanned = ScannedText(text)
        let scalars = Array(text.unicodeScalars)
        #expect(scanned.scalars == scalars)
        #expect(scanned.lineFeeds == scalars.indices.filter { scalars[$0] == "\n" })
        #expect(scanned.quoteCandidates == scalars.indices.filter { QuoteFinder.isCandidate(scalars[$0].value) })
        #expect(Segmenter.blocks(scalars) == Segmenter.blocks(scalars, lineFeeds: scanned.lineFeeds))
    }

    @Test func scannedTextMatchesPlainDecodingOnMixedText() {
        // Multi-byte sequences at every position of an eight-byte chunk, line feeds and
        // marks on either side of them, and texts ending mid-chunk.
        let pool = Array("abcdefgh 012.\n\"'#&“”‘’«»「」—é東😂🇺🇸\u{A0}अ्".unicodeScalars)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...48, using: &rng) { s.append(pool.randomElement(using: &rng)!) }
            let text = String(s)
            let scanned = ScannedText(text)
            let scalars = Array(text.unicodeScalars)
            #expect(scanned.scalars == scalars, "\(text.debugDescription)")
            #expect(scanned.lineFeeds == scalars.indices.filter { scalars[$0] == "\n" })
            #expect(scanned.quoteCandidates == scalars.indices.filter { QuoteFinder.isCandidate(scalars[$0].value) })
        }
    }

    @Test func scannedTextSixteenByteChunksMatchPlainDecoding() {
        // Runs of ASCII long enough for the sixteen-byte loop, with a line feed or a straight
        // mark at each of its sixteen positions, in either of its two words, and a multi-byte
        // code point (emoji, CJK, Arabic) after it at each offset, so both loops hand over.
        let run = Array("Abcdefghijklmnopqrstuvwxyz0123456789 The mayor said it was over.".unicodeScalars)
        for special in ["\n", "\"", "'", "#", "&"] {
            for at in 0..<20 {
                for tail in ["", "😂", "東京", "قال", "é"] {
                    var s = String.UnicodeScalarView()
                    for (k, c) in run.prefix(at + 17).enumerated() { s.append(k == at ? special.unicodeScalars.first! : c) }
                    s.append(contentsOf: tail.unicodeScalars)
                    s.append(contentsOf: run)
                    let text = String(s)
                    let scanned = ScannedText(text)
                    let scalars = Array(text.unicodeScalars)
                    #expect(scanned.scalars == scalars, "\(text.debugDescription)")
                    #expect(scanned.lineFeeds == scalars.indices.filter { scalars[$0] == "\n" }, "\(text.debugDescription)")
                    #expect(scanned.quoteCandidates == scalars.indices.filter { QuoteFinder.isCandidate(scalars[$0].value) },
                            "\(text.debugDescription)")
                }
            }
        }
        #expect(ScannedText("").scalars.isEmpty)
    }

    @Test func quotationMarkCharactersMatchTheirScalars() {
        for v in [0x22, 0x27, 0xAB, 0xBB, 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0x300C, 0x300D, 0x300E, 0x300F] {
            let s = Unicode.Scalar(UInt32(v))!
            var quote = Quote(span: TextSpan(start: 0, end: 3), inner: TextSpan(start: 1, end: 2), openScalar: s, closeScalar: s,
                              words: 1, depth: 0, reported: false)
            #expect(quote.openMark == Character(s), "U+\(String(v, radix: 16))")
            #expect(quote.closeMark == Character(s) && quote.isClosed)
            quote.closeMark = nil
            #expect(quote.closeScalar == nil && !quote.isClosed)
            quote.openMark = "\u{201C}"
            quote.closeMark = "\u{201D}"
            #expect(quote.openScalar == "\u{201C}" && quote.closeScalar == "\u{201D}")
        }
        let article = Article(text: "She said “it is «done»” and left.")
        #expect(article.paragraphs[0].quotes.map(\.openMark) == ["“", "«"])
        #expect(article.paragraphs[0].quotes.map(\.closeMark) == ["”", "»"])
    }

    @Test func verbShapesNeverTurnAwayAReportingVerb() {
        let shapes = SpeechAttachment.verbShapes
        let list = SpeechAttachment.reportingVerbList
        // Every verb, in any case, fits; a word that does not fit is never in the list.
        var words = SpeechAttachment.reportingVerbs.flatMap { [$0, $0.uppercased(), $0.prefix(1).uppercased() + $0.dropFirst()] }
        words += ["the", "sad", "saied", "says\u{301}", "Säid", "\u{212A}", "tells", "reporters", "city", "SAID", "añadió",
                  "东京", "x", "according", "accordingly", "acknowledged", "acknowledgedly", "e\u{301}", "’said", "said’"]
        for word in words {
            let all = Array(("§ " + word).unicodeScalars)
            let p = all[2...]
            let span = TextSpan(start: 2, end: all.count)
            let fits = SpeechAttachment.mayBeVerb(p, span, shapes: shapes)
            let isVerb = list.contains(p, span.shifted(by: -2))
            #expect(fits || !isVerb, "\(word)")
            if SpeechAttachment.reportingVerbs.contains(word.lowercased()) { #expect(fits, "\(word)") }
        }
        #expect(!SpeechAttachment.mayBeVerb(ArraySlice(Array("the".unicodeScalars)), TextSpan(start: 0, end: 3), shapes: shapes))
    }

    @Test func reusedFoldingScratchMatchesFreshArrays() {
        // Longer and shorter paragraphs in turn, so stale bytes would show.
        let texts = ["Share this story, “NOW” ΣΑΣ", "x", "Read MORE at our site — Ünïcödé and 😂 emoji", "", "ab", "東京 Kelvin \u{212A}"]
        var scratch = ParagraphClassifier.Scratch(longest: texts.map { $0.unicodeScalars.count }.max()!)
        for text in texts + texts.reversed() {
            let p = ArraySlice(Array(text.unicodeScalars))
            ParagraphClassifier.foldedUTF8(p, into: &scratch)
            #expect(scratch.folded == ParagraphClassifier.foldedUTF8(p), "\(text)")
        }
    }

    @Test func asciiMenuRowsMatchTheStringPath() {
        for row in ["Share | Tweet | Email", "Comments (12)", "log\tin / sign up", "copy link, save", "Share | news", "| |", "  Print  "] {
            let p = ArraySlice(Array(row.unicodeScalars))
            let words = Tokenizer.tokenize(p, quoteMarks: []).filter(\.isWordLike).count
            let viaBytes = ParagraphClassifier.asciiMenuRow(ParagraphClassifier.foldedUTF8(p))
            let text = String(String.UnicodeScalarView(p.map(Folding.fold)))
            let parts = text.split(whereSeparator: { "|•·/,".contains($0) }).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            let viaStrings = !parts.isEmpty && parts.allSatisfy { part in
                var t = part
                if let paren = t.firstIndex(of: "(") { t = String(t[..<paren]).trimmingSpaces() }
                return ParagraphClassifier.boilerplateWords.contains(t)
            }
            #expect(viaBytes == viaStrings, "\(row) (\(words) words)")
        }
        #expect(ParagraphClassifier.asciiMenuRow(ParagraphClassifier.foldedUTF8(ArraySlice(Array("Share • Tweet".unicodeScalars)))) == nil)
    }

    @Test func foldedBytesMatchFolding() {
        let text = "Hello, WORLD! Ünïcödé ΣΑΣ Kelvin \u{212A} tab\there “quotes” 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ @[`{"
        let p = ArraySlice(Array(text.unicodeScalars))
        var expected: [UInt8] = []
        for c in p {
            let v = c.value
            if v < 0x80 { expected.append(UInt8(v >= 0x41 && v <= 0x5A ? v | 0x20 : v)) } // a tab stays a tab
            else { UTF8.encode(Folding.fold(c)) { expected.append($0) } }
        }
        #expect(ParagraphClassifier.foldedUTF8(p) == expected)
    }
}

/// The General Punctuation shortcuts in `ScalarClass` against the Unicode tables.
@Suite struct GeneralPunctuationTests {
    @Test func bitmapAndUpperCaseMatchTheTables() {
        for v in UInt32(0x2000)...0x206F {
            let s = Unicode.Scalar(v)!
            #expect(ScalarClass.isPunctuation(s) == ScalarClass.unicodeIsPunctuation(s), "U+\(String(v, radix: 16))")
            #expect(ScalarClass.isUpper(s) == s.properties.isUppercase, "U+\(String(v, radix: 16))")
        }
        for s in ["—", "“", "…", "€", "©", "«", "。", "\u{200D}", "A", "É", "σ", "Σ"].flatMap(\.unicodeScalars) {
            #expect(ScalarClass.isPunctuation(s) == ScalarClass.unicodeIsPunctuation(s))
            #expect(ScalarClass.isUpper(s) == s.properties.isUppercase)
        }
    }
}
