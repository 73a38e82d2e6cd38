import Testing
@testable import SlantText

/// The two-byte and four-byte transition tables, and the word-at-a-time offset and fold
/// paths, agree with plain one-at-a-time versions.
@Suite struct ByteAutomatonTableTests {
    /// Every (pattern, start, end) occurrence, by trying every pattern at every position.
    static func naive(_ patterns: [[UInt8]], _ text: [UInt8]) -> Set<[Int]> {
        var found = Set<[Int]>()
        for (id, p) in patterns.enumerated() where !p.isEmpty && p.count <= text.count {
            for start in 0...(text.count - p.count) where text[start..<start + p.count].elementsEqual(p) {
                found.insert([id, start, start + p.count])
            }
        }
        return found
    }

    static func scanned(_ automaton: ByteAutomaton, _ text: [UInt8]) -> [[Int]] {
        var found: [[Int]] = []
        automaton.scan(text) { found.append([$0, $1, $2]) }
        return found
    }

    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
    }

    @Test func compactAndWideTablesAgreeWithANaiveMatcher() {
        let pieces = ["a", "b", "c", "é", "É", "—", "🌊", "👍🏽", " ", "’", "中"]
        var random = Random(state: 7)
        func string(_ length: Int) -> String { (0..<length).map { _ in pieces[random.next(pieces.count)] }.joined() }
        var seen = Set<String>()
        var patterns: [[UInt8]] = []
        while patterns.count < 60 {
            let p = string(1 + random.next(4))
            if seen.insert(p).inserted { patterns.append(Array(p.utf8)) }
        }
        let compact = ByteAutomaton(patterns: patterns)
        let wide = ByteAutomaton(patterns: patterns, compactStateLimit: 0)
        #expect(compact.isCompact && !wide.isCompact)
        for length in [0, 1, 5, 64, 500] {
            let text = Array(string(length).utf8)
            let a = Self.scanned(compact, text), b = Self.scanned(wide, text)
            #expect(a == b)
            #expect(Set(a) == Self.naive(patterns, text))
            #expect(a.count == Set(a).count)
            #expect(a.map { $0[2] } == a.map { $0[2] }.sorted()) // in order of end position
            #expect(compact.firstMatch(in: text).map { [$0.pattern, $0.start, $0.end] } == a.first)
            #expect(wide.firstMatch(in: text).map { [$0.pattern, $0.start, $0.end] } == a.first)
        }
    }

    /// Past 32,767 states a two-byte entry cannot hold the next state; the automaton must
    /// fall back to four-byte entries and still find everything.
    @Test func automataTooBigForTwoBytesUseTheWideTable() {
        var random = Random(state: 99)
        let letters = Array("abcdefghijklmnopqrstuvwxyzé".unicodeScalars)
        var seen = Set<String>()
        var patterns: [[UInt8]] = []
        while patterns.count < 6000 {
            var p = ""
            for _ in 0..<(7 + random.next(4)) { p.unicodeScalars.append(letters[random.next(letters.count)]) }
            if seen.insert(p).inserted { patterns.append(Array(p.utf8)) }
        }
        let automaton = ByteAutomaton(patterns: patterns)
        #expect(!automaton.isCompact)
        // Text made of some of the patterns, glued by random letters.
        var text: [UInt8] = []
        for k in 0..<300 {
            text += patterns[(k * 37) % patterns.count]
            text += Array(String(letters[random.next(letters.count)]).utf8)
        }
        let found = Self.scanned(automaton, text)
        #expect(found.count >= 300)
        #expect(Set(found) == Self.naive(patterns, text))
    }

    /// Eight ASCII bytes fold at once as each folds through `Folding.fold`, in every lane.
    @Test func wordFoldMatchesTheScalarFold() {
        for b in 0..<128 {
            for lane in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "Q"), count: 8)
                bytes[lane] = UInt8(b)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let folded = withUnsafeBytes(of: Folding.foldASCII(word)) { Array($0) }
                let expected = bytes.map { UInt8(Folding.fold(Unicode.Scalar($0)).value) }
                #expect(folded == expected, "byte \(b) in lane \(lane)")
            }
        }
    }

    /// The word-at-a-time fold gives the same bytes, code points and offsets wherever the
    /// non-ASCII scalars fall relative to the eight-byte words.
    @Test func foldedTextMatchesScalarFoldingAtEveryAlignment() {
        let base = "The MAYOR\tSaid “Don’t” — ÉTÉ 🌊 END of the Story, 123 ΣΑΣ.\n"
        for prefix in 0..<9 {
            let text = String(repeating: "X", count: prefix) + String(repeating: base, count: 3)
            let folded = FoldedText(text)
            #expect(folded.bytes == Folding.foldedUTF8(text))
            #expect(folded.scalars == text.unicodeScalars.map { Folding.fold($0).value })
            #expect(folded.offsets.scalarCount == text.unicodeScalars.count)
        }
        let ascii = String(repeating: "Hello WORLD\t", count: 20)
        #expect(FoldedText(ascii).bytes == Folding.foldedUTF8(ascii))
    }

    /// Sixteen ASCII bytes fold a round: a non-ASCII scalar (two, three or four bytes) at
    /// every position of a round and its neighbours, and every length of ASCII tail.
    @Test func foldedTextAroundSixteenByteRounds() {
        for other in ["é", "Σ", "“", "—", "😀", "\u{212A}"] {
            for at in 0..<40 {
                for tail in [0, 1, 7, 8, 9, 15, 16, 17] {
                    let head = String(String(repeating: "aB\tZ", count: 10).prefix(at))
                    let text = head + other + String(repeating: "Q", count: tail)
                    let folded = FoldedText(text)
                    #expect(folded.bytes == Folding.foldedUTF8(text), "\(other) at \(at), tail \(tail)")
                    #expect(folded.scalars == text.unicodeScalars.map { Folding.fold($0).value })
                    #expect(folded.scalarBytes == folded.scalars.map { $0 < 0x80 ? UInt8($0) : 0x80 }
                                                  + [UInt8](repeating: 0x80, count: FoldedText.scalarBytesPadding))
                }
            }
        }
    }

    /// Scalar lookups in long text far from ASCII (three bytes a scalar) cross many blocks.
    @Test func offsetsInLongMultiByteText() {
        let text = String(repeating: "日本語の文章、", count: 300) + "end" + String(repeating: "😀x", count: 100)
        let bytes = Array(text.utf8)
        let map = OffsetMap(utf8: bytes)
        var byte = 0
        for (k, scalar) in text.unicodeScalars.enumerated() {
            #expect(map.byteOffset(ofScalar: k) == byte)
            #expect(map.scalarOffset(ofByte: byte) == k)
            // A byte inside a scalar belongs to that scalar.
            for inside in 1..<UTF8.width(scalar) { #expect(map.scalarOffset(ofByte: byte + inside) == k) }
            byte += UTF8.width(scalar)
        }
        #expect(map.byteOffset(ofScalar: map.scalarCount) == bytes.count)
    }
}
