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
        #expect(folded.scalarBytes == folded.scalars.map { $0 < 0x80 ? UInt8($0) : 0x80 }
                                      + [UInt8](repeating: 0x80, count: FoldedText.scalarBytesPadding))
        #expect(FoldedText("").bytes.isEmpty && FoldedText("").scalars.isEmpty)
        #expect(FoldedText("").scalarBytes == [UInt8](repeating: 0x80, count: FoldedText.scalarBytesPadding))
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

    /// The byte offset of every scalar and the scalar of every byte, walked one scalar at
    /// a time: what `OffsetMap` must agree with.
    static func reference(_ text: String) -> (starts: [Int], scalarOfByte: [Int]) {
        var starts: [Int] = [], scalarOfByte: [Int] = []
        var byte = 0
        for (k, scalar) in text.unicodeScalars.enumerated() {
            starts.append(byte)
            for _ in 0..<UTF8.width(scalar) { scalarOfByte.append(k) }
            byte += UTF8.width(scalar)
        }
        return (starts, scalarOfByte)
    }

    /// Random text: ASCII words with other scalars mixed in at `density` (0 to 1) — sparse
    /// like news text, or dense like CJK — so both of the map's modes and their switch-over
    /// are exercised.
    static func randomText(length: Int, density: Double, state: inout UInt64) -> String {
        let others = ["’", "“", "”", "—", "é", "ß", "👍🏽", "🌊", "🇯🇵", "中", "文", "語", "مرحبا", "e\u{301}", "न\u{94D}", "\u{10400}", "\u{7FF}", "\u{800}", "\u{FFFF}"]
        let ascii = ["the", " ", "said", ".", "\n", "A", "x", ",", "\t", "12"]
        var text = ""
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        while text.unicodeScalars.count < length {
            if Double(next() % 10_000) < density * 10_000 {
                text += others[Int(next()) % others.count]
            } else {
                text += ascii[Int(next()) % ascii.count]
            }
        }
        return text
    }

    @Test(arguments: [0.0, 0.002, 0.01, 0.03, 0.08, 0.2, 0.5, 1.0])
    func offsetMapAgreesWithScalarWalkOnRandomText(_ density: Double) {
        var state: UInt64 = 0x5EED ^ UInt64(density * 1000)
        for length in [0, 1, 2, 5, 7, 8, 9, 31, 63, 64, 65, 100, 200, 700, 3000] {
            let text = Self.randomText(length: length, density: density, state: &state)
            let bytes = Array(text.utf8)
            let map = OffsetMap(utf8: bytes)
            let (starts, scalarOfByte) = Self.reference(text)
            #expect(map.scalarCount == starts.count)
            #expect(map.byteCount == bytes.count)
            #expect(map.isASCII == bytes.allSatisfy { $0 < 0x80 })
            if length == 3000 { #expect(map.usesCheckpoints == (density >= 0.08)) }
            for (k, byte) in starts.enumerated() where map.byteOffset(ofScalar: k) != byte {
                Issue.record("byteOffset(ofScalar: \(k)) != \(byte), density \(density), length \(length)")
                break
            }
            for (b, k) in scalarOfByte.enumerated() where map.scalarOffset(ofByte: b) != k {
                Issue.record("scalarOffset(ofByte: \(b)) != \(k), density \(density), length \(length)")
                break
            }
            // Both ends of spans, short and long, at once.
            let ends = starts + [bytes.count]
            for lower in stride(from: 0, through: starts.count, by: 3) {
                for width in [0, 1, 2, 9, 70, 500] where lower + width <= starts.count {
                    let both = map.byteOffsets(ofScalars: lower, lower + width)
                    #expect(both.lower == ends[lower] && both.upper == ends[lower + width])
                }
            }
            #expect(map.byteOffsets(ofScalars: -4, starts.count + 9) == (0, bytes.count))
            // Ends and beyond are clamped, but for a byte past the end of ASCII text (callers
            // never ask, and the answer has always been the byte itself).
            for past in [0, 1, 5, 1000] {
                #expect(map.byteOffset(ofScalar: starts.count + past) == bytes.count)
                #expect(map.scalarOffset(ofByte: bytes.count + past) == (map.isASCII ? bytes.count + past : starts.count))
                #expect(map.byteOffset(ofScalar: -past) == 0)
                #expect(map.scalarOffset(ofByte: -past) == 0)
            }
        }
    }

    /// Bytes a `String` would never hold are mapped as before: every byte but a
    /// continuation byte starts a scalar.
    /// The map made from `ScannedText`'s table answers as the one made from the bytes, in
    /// the same mode; text too dense for a table leaves `offsetTable` nil.
    @Test func offsetMapFromTheDecoderMatchesTheByteScan() {
        var texts = Self.samples + ["", "a", "é", "😀", "x😀", String(repeating: "ascii only ", count: 40)]
        var rng = SystemRandomNumberGenerator()
        let pool = Array("abc d\n\"'.“”’—é東京😂🇺🇸\u{A0}قالअ्".unicodeScalars)
        for density in [0.0, 0.005, 0.02, 0.05, 0.2, 1.0] {
            for length in [10, 63, 64, 65, 200, 1000, 3000] {
                var s = String.UnicodeScalarView()
                for _ in 0..<length {
                    s.append(Double.random(in: 0..<1, using: &rng) < density ? pool.randomElement(using: &rng)! : "e")
                }
                texts.append(String(s))
            }
        }
        for text in texts {
            let bytes = Array(text.utf8)
            let plain = OffsetMap(utf8: bytes)
            let scanned = ScannedText(text)
            guard let (table, entries) = scanned.offsetTable else {
                #expect(plain.usesCheckpoints, "\(text.debugDescription)")
                continue
            }
            let map = OffsetMap(utf8: bytes, sparseTable: table, entries: entries)
            #expect(!plain.usesCheckpoints && !map.usesCheckpoints, "\(text.debugDescription)")
            #expect(map.scalarCount == plain.scalarCount && map.isASCII == plain.isASCII)
            for b in -1...bytes.count + 1 where map.scalarOffset(ofByte: b) != plain.scalarOffset(ofByte: b) {
                Issue.record("scalarOffset(ofByte: \(b)) in \(text.debugDescription)")
            }
            for k in -1...plain.scalarCount + 1 where map.byteOffset(ofScalar: k) != plain.byteOffset(ofScalar: k) {
                Issue.record("byteOffset(ofScalar: \(k)) in \(text.debugDescription)")
            }
            for k in stride(from: 0, through: plain.scalarCount, by: 7) {
                let upper = min(plain.scalarCount, k + 13)
                #expect(map.byteOffsets(ofScalars: k, upper) == plain.byteOffsets(ofScalars: k, upper))
            }
        }
        #expect(ScannedText(String(repeating: "東", count: 500)).offsetTable == nil)
    }

    @Test func offsetMapCountsNonContinuationBytesOfInvalidUTF8() {
        let cases: [[UInt8]] = [
            [0x80, 0x41, 0x42], [0x41, 0xE2, 0x80, 0x41, 0x42, 0x43], [0x41, 0xC3], [0xE0, 0x80, 0x41, 0x80],
            Array(repeating: 0x41, count: 70) + [0xC3, 0xA9, 0x80, 0x80] + Array(repeating: 0x42, count: 70),
        ]
        for bytes in cases {
            let map = OffsetMap(utf8: bytes)
            let starts = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 }
            #expect(map.scalarCount == starts.count)
            for b in 1..<bytes.count {
                let before = bytes[..<b].filter { $0 & 0xC0 != 0x80 }.count
                #expect(map.scalarOffset(ofByte: b) == before - (bytes[b] & 0xC0 == 0x80 ? 1 : 0))
            }
            for (k, byte) in starts.enumerated() where k > 0 { #expect(map.byteOffset(ofScalar: k) == byte) }
        }
    }

    /// `text(in:)` and `scalar(at:)` slice at code points, clamping spans that leave the text.
    @Test func articleTextAndScalarMatchTheScalarWalk() {
        var state: UInt64 = 77
        for density in [0.0, 0.01, 0.3, 1.0] {
            let text = Self.randomText(length: 400, density: density, state: &state)
            let article = Article(text: text)
            let scalars = Array(article.text.unicodeScalars)
            let n = scalars.count
            #expect(article.length == n)
            for _ in 0..<300 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let a = Int(state >> 40 % UInt64(n + 20)) - 10, width = Int(state >> 20 & 63)
                let span = TextSpan(start: a, end: a + width)
                let lo = min(max(0, span.start), n), hi = min(n, max(lo, span.end))
                #expect(article.text(in: span) == String(String.UnicodeScalarView(scalars[lo..<hi])))
                #expect(article.scalar(at: a) == (a >= 0 && a < n ? scalars[a] : nil))
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
