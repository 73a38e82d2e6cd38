import Testing
@testable import SlantText

@Suite struct OffsetTests {
    static let samples = [
        "plain ascii text",
        "Emoji 👍🏽 and 🌊 waves, flags 🇯🇵, family 👨‍👩‍👧.",
        "日本語の文章「安全第一」です。",
        "Hebrew שלום עולם and Arabic مرحبا بالعالم mixed.",
        "Combining e\u{301} and Devanagari नमस्ते.",
        String(repeating: "é", count: 200) + "x" + String(repeating: "😀", count: 70),
    ]

    @Test(arguments: samples)
    func byteAndScalarOffsetsRoundTrip(_ text: String) {
        let map = OffsetMap(utf8: Array(text.utf8))
        let scalars = Array(text.unicodeScalars)
        #expect(map.scalarCount == scalars.count)
        var byte = 0
        for (i, s) in scalars.enumerated() {
            #expect(map.byteOffset(ofScalar: i) == byte)
            #expect(map.scalarOffset(ofByte: byte) == i)
            byte += String(s).utf8.count
        }
        #expect(map.byteOffset(ofScalar: scalars.count) == text.utf8.count)
        #expect(map.scalarOffset(ofByte: text.utf8.count) == scalars.count)
    }

    @Test(arguments: samples)
    func articleSpansRoundTripToText(_ text: String) {
        let article = Article(text: text)
        let scalars = Array(text.unicodeScalars)
        for p in article.paragraphs {
            for token in p.tokens {
                let expected = String(String.UnicodeScalarView(scalars[token.span.start..<token.span.end]))
                #expect(article.text(in: token.span) == expected)
            }
        }
    }

    @Test func emojiIsOneSymbolTokenAndOffsetsCountCodePoints() {
        let article = Article(text: "Wow 👍🏽 great")
        let tokens = article.paragraphs[0].tokens
        #expect(tokens.map { article.text(in: $0.span) } == ["Wow", "👍🏽", "great"])
        // 👍🏽 is two code points, so "great" starts at 4 + 2 + 1.
        #expect(tokens[2].span == TextSpan(start: 7, end: 12))
        #expect(tokens[1].kind == .symbol)
    }

    @Test func rightToLeftTextKeepsLogicalOrderOffsets() {
        let text = "He wrote \"שלום\" on the sign."
        let article = Article(text: text)
        let quote = try! #require(article.paragraphs[0].quotes.first)
        #expect(article.text(in: quote.inner) == "שלום")
        #expect(quote.inner == TextSpan(start: 10, end: 14))
    }

    @Test func foldedTextKeepsCodePointOffsets() {
        let text = "The Mayor\u{00A0}said “Don’t” — ÉTÉ 🌊 END"
        let folded = FoldedText(text)
        let foldedString = String(decoding: folded.bytes, as: UTF8.self)
        #expect(foldedString == "the mayor said \"don't\" — été 🌊 end")
        #expect(foldedString.unicodeScalars.count == text.unicodeScalars.count)
        let range = foldedString.utf8.firstRange(of: "end".utf8)!
        let lower = foldedString.utf8.distance(from: foldedString.utf8.startIndex, to: range.lowerBound)
        let span = folded.span(ofBytes: lower, lower + 3)
        #expect(Article(text: text).text(in: span) == "END")
    }

    /// The one-pass fold writes the same bytes and code points as folding scalar by scalar,
    /// for every kind of UTF-8 sequence (Ⱥ's lower case is a byte longer than it).
    @Test func foldedTextMatchesScalarByScalarFolding() {
        let text = "A\tB ÀÉ Ⱥ ΣΑΣ Привет “q” ‘s’ 中文 🌊👍🏽 \u{2028}x\u{10400}"
        let folded = FoldedText(text)
        #expect(folded.bytes == Folding.foldedUTF8(text))
        #expect(folded.scalars == text.unicodeScalars.map { Folding.fold($0).value })
        #expect(folded.offsets.scalarCount == text.unicodeScalars.count)
        #expect(FoldedText("").bytes.isEmpty && FoldedText("").scalars.isEmpty)
    }

    /// Counting continuation bytes eight at a time agrees with counting scalars one by one,
    /// whatever the mix and wherever a block or word boundary falls.
    @Test func offsetMapAgreesWithANaiveCount() {
        let pieces = ["a", "é", "—", "🌊", " ", "中", "’"]
        var state: UInt64 = 12345
        for length in [0, 1, 7, 8, 9, 63, 64, 65, 130, 300] {
            var text = ""
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let bytes = Array(text.utf8)
            let map = OffsetMap(utf8: bytes)
            #expect(map.scalarCount == text.unicodeScalars.count)
            #expect(map.isASCII == bytes.allSatisfy { $0 < 0x80 })
            var byte = 0
            for (k, scalar) in text.unicodeScalars.enumerated() {
                #expect(map.byteOffset(ofScalar: k) == byte)
                #expect(map.scalarOffset(ofByte: byte) == k)
                byte += UTF8.width(scalar)
            }
        }
    }

    @Test func lineIndexCountsCodePoints() {
        let index = LineIndex("ab\n🌊c\n\nd")
        #expect(index.location(of: 0) == (1, 1))
        #expect(index.location(of: 4) == (2, 2))
        #expect(index.location(of: 7) == (4, 1))
    }
}
