import Foundation
import Testing
import SlantText
@testable import SlantRules

/// PatternSet's fast paths (PatternPaths, the word-edge tables) must find exactly what the
/// backtracking machine finds: `referenceMatches` is the machine at every allowed start.
@Suite struct PatternPathsTests {
    /// Pieces of random texts: single scalars of every kind the matcher distinguishes
    /// (ASCII letters, digits, apostrophes, spaces, non-ASCII letters, digits of another
    /// script, joiners and marks that count as word scalars, emoji) and rubric words.
    static let pieces: [String] = [
        "a", "b", "c", "e", "i", "m", "s", "u", "w", "y", "x", "_", "5", "0", "9", "٣", "%", "$", "€", "£", "!", "?", ".",
        " ", " ", "  ", "\n", "\t", "\u{00A0}", "\u{2009}", "'", "’", "-", "—", "é", "ß", "你", "😀", "\u{200D}", "\u{0301}", "É",
        "we", "we're", "we've", "we'd", "i'm", "i'd", "i've", "i", "me", "my", "us", "our", "ours", "ourselves", "let's",
        "you", "your", "yours", "you'll", "you're", "should", "must", "ought to", "need to", "needs to", "has to", "have to",
        "will rise", "will fall", "will be forced", "will not survive", "percent", "per cent", "million", "billion",
        "aab", "abc", "ab", "ba", "cab", "e.g.",
    ]

    /// Pieces of random patterns, all inside the syntax SimplePattern accepts (the
    /// generator may still combine them into something it refuses, which is skipped).
    static let atoms: [String] = [
        "a", "b", "c", "e", "i", "s", "w", "y", "'", " ", "5", "%", "$", "€", "—", "😀", "٣", "_", "-",
        #"\d"#, #"\s"#, #"\w"#, #"\D"#, #"\S"#, #"\W"#, #"\b"#, #"\b"#, #"\b"#, #"\b"#, #"\."#, #"\?"#, #"\!"#, ".", #"\n"#, #"\t"#,
        "[abc]", "[a-c]", "[^a]", #"[^\s]"#, #"[\d%]"#, "[$€£]", "[A-C]", "[-a]", "[é-ë]",
        "we", "you", "will ", "percent", "ought to", "i'm",
    ]
    static let quantifiers = ["", "", "", "", "?", "?", "*", "+", "{2}", "{1,2}", "{0,3}", "{2,}"]

    static func randomPattern(_ g: inout SplitMix64, depth: Int = 0) -> String {
        func pick(_ items: [String]) -> String { items[Int(g.next(below: UInt64(items.count)))] }
        let alternatives = depth > 1 || g.next(below: 3) != 0 ? 1 : 2 + Int(g.next(below: 4))
        // Alternatives often share their first atoms, as in the rubric's `i'm|i've|i'd`:
        // paths that agree up to the scalar where one of them fails.
        var shared = ""
        if alternatives > 1 && g.next(below: 2) == 0 {
            for _ in 0..<(1 + Int(g.next(below: 2))) { shared += pick(atoms) }
        }
        var options: [String] = []
        for _ in 0..<alternatives {
            var sequence = shared
            for _ in 0..<(1 + Int(g.next(below: 3))) {
                let atom = depth < 2 && g.next(below: 6) == 0 ? "(?:\(randomPattern(&g, depth: depth + 1)))" : pick(atoms)
                // Only single atoms and groups take quantifiers; a boundary never does.
                let single = atom.hasPrefix("(") || atom.hasPrefix("[") || atom.unicodeScalars.count == 1 || (atom.hasPrefix("\\") && atom.count == 2)
                sequence += atom + (single && atom != #"\b"# ? pick(quantifiers) : "")
            }
            options.append(sequence)
        }
        return options.joined(separator: "|")
    }

    static func randomText(_ g: inout SplitMix64) -> [UInt32] {
        var text = ""
        for _ in 0..<Int(g.next(below: 40)) { text += pieces[Int(g.next(below: UInt64(pieces.count)))] }
        return text.unicodeScalars.map(\.value)
    }

    static func rubricPatterns() throws -> [String] {
        let rubric = try RubricLoader.load(path: EngineTests.root.appendingPathComponent("Rubrics").path)
        return rubric.rules.flatMap { rule -> [String] in
            switch rule.kind {
            case .pattern(let p): return p.patterns.map(\.source)
            case .claim(let c): return c.signals.compactMap(\.pattern?.source)
            default: return []
            }
        }
    }

    @Test func randomPatternsMatchLikeTheMachine() throws {
        var g = SplitMix64(seed: 0x5EED_0F_9A77)
        let rubric = try Self.rubricPatterns().compactMap(SimplePattern.init)
        var unrolled = 0, machine = 0, matched = 0
        for round in 0..<1_500 {
            var patterns: [SimplePattern] = []
            var sources: [String] = []
            // Mostly small sets, sometimes more than one group of 64; some rubric patterns mixed in.
            let count = round % 50 == 0 ? 70 : 1 + Int(g.next(below: 6))
            while patterns.count < count {
                let source = g.next(below: 8) == 0 ? nil : Self.randomPattern(&g)
                guard let p = source.map({ SimplePattern($0) }) ?? rubric[Int(g.next(below: UInt64(rubric.count)))] else { continue }
                patterns.append(p)
                sources.append(source ?? "(rubric)")
                if p.paths != nil { unrolled += 1 } else { machine += 1 }
            }
            let set = PatternSet(patterns)
            for _ in 0..<8 {
                let text = Self.randomText(&g)
                var exhausted: [Bool] = [], expectedExhausted: [Bool] = []
                let got = set.matches(in: text, exhausted: &exhausted)
                let expected = set.referenceMatches(in: text, exhausted: &expectedExhausted)
                for k in patterns.indices where got[k] != expected[k] {
                    Issue.record("pattern \(sources[k]) on \(String(String.UnicodeScalarView(text.compactMap(Unicode.Scalar.init)))): \(got[k]) ≠ \(expected[k])")
                }
                #expect(exhausted == expectedExhausted)
                matched += expected.reduce(0) { $0 + $1.count }
            }
        }
        // The test means something only if both kinds of pattern were tried and matched often.
        #expect(unrolled > 3_000 && machine > 1_000 && matched > 20_000, "\(unrolled) unrolled, \(machine) in the machine, \(matched) matches")
    }

    @Test func bundledPatternsAreUnrolled() throws {
        for source in try Self.rubricPatterns() {
            let pattern = try #require(SimplePattern(source))
            // `!+` loops, so it stays in the machine; every other rubric pattern is a finite set of paths.
            #expect((pattern.paths == nil) == (source == "!+"), "\(source)")
        }
    }

    /// The scan runs through words without the table when no pattern of a group may start
    /// on a letter or a space after a word scalar: patterns that all open with `\b` (or start
    /// on no letter), like the rubric's. Long words and words at the text's end exercise
    /// the four-at-a-time letter skip at every offset.
    @Test func wordSkippingScanMatchesTheMachine() throws {
        var g = SplitMix64(seed: 0x0005_C1B5_0A7D)
        let rubric = try Self.rubricPatterns().compactMap(SimplePattern.init)
        let words = ["abcdefghijklmnop", "understanding", "ourselvesx", "willing", "youth", "mustard", "i", "we", "a1b", "z_z", "x9", "é", "ab\u{0301}c"]
        var skipping = 0
        for _ in 0..<1_500 {
            var patterns: [SimplePattern] = []
            while patterns.count < 1 + Int(g.next(below: 5)) {
                if g.next(below: 2) == 0 {
                    patterns.append(rubric[Int(g.next(below: UInt64(rubric.count)))])
                } else if let p = SimplePattern(#"\b"# + Self.randomPattern(&g)) ?? SimplePattern(#"\d"# + Self.randomPattern(&g)) {
                    patterns.append(p)
                }
            }
            let set = PatternSet(patterns)
            if set.skipsWords[0] { skipping += 1 }
            for _ in 0..<6 {
                var text = ""
                for _ in 0..<Int(g.next(below: 30)) {
                    text += g.next(below: 3) == 0 ? words[Int(g.next(below: UInt64(words.count)))] : Self.pieces[Int(g.next(below: UInt64(Self.pieces.count)))]
                }
                let scalars = text.unicodeScalars.map(\.value)
                var exhausted: [Bool] = [], expectedExhausted: [Bool] = []
                let got = set.matches(in: scalars, exhausted: &exhausted)
                #expect(got == set.referenceMatches(in: scalars, exhausted: &expectedExhausted), "\(text)")
            }
        }
        #expect(skipping > 500, "\(skipping) sets skipped words")
        // The bundled rubric's patterns allow it.
        #expect(PatternSet(rubric).skipsWords == [true])
    }

    @Test func endOfLettersStopsAtTheFirstOtherScalar() {
        var g = SplitMix64(seed: 0xE0D0_F1E7)
        let alphabet: [UInt32] = [0x60, 0x61, 0x62, 0x7A, 0x7B, 0x41, 0x20, 0x30, 0xE9, 0x1F600, 0x161, 0x81]
        for _ in 0..<5_000 {
            let text = (0...Int(g.next(below: 20))).map { _ in g.next(below: 4) == 0 ? alphabet[Int(g.next(below: UInt64(alphabet.count)))] : 0x61 + UInt32(g.next(below: 26)) }
            for start in 0...text.count {
                var expected = start
                while expected < text.count && (0x61...0x7A).contains(text[expected]) { expected += 1 }
                // A byte each, padded, as `FoldedText.scalarBytes` has them.
                let bytes = text.map { $0 < 0x80 ? UInt8($0) : 0x80 } + [UInt8](repeating: 0x80, count: FoldedText.scalarBytesPadding)
                let got = bytes.withUnsafeBufferPointer { PatternSet.endOfLetters($0.baseAddress!, from: start) }
                #expect(got == expected, "\(text) from \(start)")
            }
        }
    }

    /// Sets answer for Latin letters and punctuation beyond ASCII from bits made when the
    /// table is (PathTable.beyondBits): every code point they cover, and those just past
    /// them, must answer as the machine's ScalarSet does.
    @Test func setsBeyondASCIIAnswerAsTheMachine() throws {
        let classes = [#"\s"#, #"\d"#, #"\w"#, #"\S"#, #"\D"#, #"\W"#, "[°-±]", "[^a]", #"[\d%]"#, #"[^\s]"#, "[—–€]", "[‐-―]", "."]
        let points = Array(0x80..<0x300) + Array(0x2000..<0x2100) + [0x300, 0x301, 0x1FFF, 0x2100, 0x3000, 0x0663, 0x1F600, 0x4F60]
        for source in classes {
            let pattern = try #require(SimplePattern("a" + source + "b"))
            #expect(pattern.paths != nil, "\(source) is unrolled")
            let set = PatternSet([pattern])
            var text: [UInt32] = []
            for v in points { text += [0x61, UInt32(v), 0x62, 0x20] }
            var exhausted: [Bool] = [], expectedExhausted: [Bool] = []
            let got = set.matches(in: text, exhausted: &exhausted)
            #expect(got == set.referenceMatches(in: text, exhausted: &expectedExhausted), "\(source)")
        }
    }

    @Test func budgetStillRunsOutInTheMachine() throws {
        // A pattern that loops runs in the machine and shares the article's budget, even in a set with unrolled ones.
        let patterns = try [#"(a|a)*b"#, #"\b(?:a|b)\b"#, #"a{2}"#].map { try #require(SimplePattern($0)) }
        let set = PatternSet(patterns)
        let text = Array(String(repeating: "a", count: 30_000).unicodeScalars.map(\.value))
        var exhausted: [Bool] = [], expectedExhausted: [Bool] = []
        let got = set.matches(in: text, exhausted: &exhausted)
        #expect(got == set.referenceMatches(in: text, exhausted: &expectedExhausted))
        #expect(exhausted == [true, false, false] && expectedExhausted == exhausted)
        #expect(got[2].count == 15_000)
    }
}
