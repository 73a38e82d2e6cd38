import Testing
@testable import SlantText

/// The skipping cue matcher must answer exactly as the byte automaton's code-point scan.
@Suite struct CueSkipMatcherTests {
    static func automaton(_ a: ByteAutomaton, _ p: [Unicode.Scalar]) -> Bool {
        p.withUnsafeBufferPointer { a.containsMatch(inLowercasedUTF8Of: $0, foldingNonASCII: PackedWord.foldOutOfLine) }
    }

    static func skipping(_ m: CueSkipMatcher, _ p: [Unicode.Scalar]) -> Bool {
        p.withUnsafeBufferPointer { m.containsMatch(inLowercasedUTF8Of: $0, foldingNonASCII: PackedWord.foldOutOfLine) }
    }

    /// A deterministic generator (SplitMix64), so a failure can be replayed from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let noise = ["a", "e", " ", "  ", "x", "the ", "Q", "1", ",", ".", "(", "\t", "\n", "-", "|", "THE", "r", "s", "on"]
    static let nonASCII = ["\u{A0}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2018}", "😂", "🇺🇸", "東京", "記事", "é", "É", "©",
                           "\u{212A}", "Σ", "\u{301}", "—", "…", "Ⓐ"]

    /// Random text of cue fragments, whole cues (some upper-cased, some with a space turned
    /// into a no-break space or a letter into a look-alike), ASCII noise and non-ASCII.
    static func randomText(_ cues: [String], _ rng: inout SplitMix) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...14, using: &rng) {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0, 1:
                var cue = cues.randomElement(using: &rng)!
                if Bool.random(using: &rng) { cue = cue.uppercased() }
                if Int.random(in: 0..<4, using: &rng) == 0 { cue = cue.replacing(" ", with: "\u{A0}") }
                if Int.random(in: 0..<6, using: &rng) == 0 { cue = cue.replacing("k", with: "\u{212A}") }
                text += cue
            case 2, 3:
                // A cue's prefix or suffix: overlaps, near misses, and whole cues across pieces.
                let cue = Array(cues.randomElement(using: &rng)!)
                let cut = Int.random(in: 0...cue.count, using: &rng)
                text += String(Bool.random(using: &rng) ? cue[..<cut] : cue[cut...])
            case 4, 5, 6:
                text += noise.randomElement(using: &rng)!
            case 7:
                text += String(repeating: "lorem ipsum dolor sit amet ", count: Int.random(in: 0...3, using: &rng))
            default:
                text += nonASCII.randomElement(using: &rng)!
            }
        }
        return text
    }

    @Test func randomTextsAgreeOnTheClassifierCues() {
        let cues = ParagraphClassifier.boilerplateCues
        let matcher = ParagraphClassifier.cueMatcher
        let automaton = ParagraphClassifier.cues
        let seed = UInt64.random(in: 0...UInt64.max)
        var hits = 0
        for round in 0..<20_000 {
            var rng = SplitMix(state: seed &+ UInt64(round))
            let text = Self.randomText(cues, &rng)
            let p = Array(text.unicodeScalars)
            let expected = Self.automaton(automaton, p)
            if expected { hits += 1 }
            #expect(Self.skipping(matcher, p) == expected, "seed \(seed) round \(round): \(text.debugDescription)")
        }
        // Both answers occur often enough to mean something.
        #expect(hits > 2000 && hits < 18_000, "\(hits)")
    }

    @Test func cuesAtTheEdgesAndOverlapping() {
        let matcher = ParagraphClassifier.cueMatcher
        let automaton = ParagraphClassifier.cues
        var texts: [String] = []
        for cue in ParagraphClassifier.boilerplateCues {
            texts += [cue, cue.uppercased(), "\(cue) and more words after it", "words before it \(cue)",
                      "\u{201C}\(cue)\u{201D}", "東京\(cue)😂", String(cue.dropLast()), String(cue.dropFirst()),
                      "x" + String(cue.dropLast()) + " " + String(cue.last!), cue.replacing(" ", with: "\u{A0}"),
                      String(repeating: "padding text ", count: 5) + cue, cue + String(repeating: " padding text", count: 5)]
        }
        texts += ["share thisshare this", "read moread more", "sign up fosign up for", "advertisemenadvertisement",
                  "copyright ©", "COPYRIGHT ©", "copyright (c)", "\u{212A}eep reading", "keep readin\u{A0}g", "", "a", "share o",
                  "privacy policterms of use", "comments (", "comments(", "share\u{A0}on", "share\u{2019}this"]
        for text in texts {
            let p = Array(text.unicodeScalars)
            #expect(Self.skipping(matcher, p) == Self.automaton(automaton, p), "\(text.debugDescription)")
        }
    }

    @Test func otherPatternSetsAgree() {
        // Short and non-ASCII patterns, and ones that begin inside a multi-byte character.
        let sets: [[String]] = [["ab", "bc", "abc"], ["é", "café", "ok"], ["x"], ["\u{2019}s ", "don\u{2019}t", "it's"],
                                ["overlapping", "lapping over", "pingpong"], ["say \"hi", "a-b-c", "e\u{A0}x"], []]
        var rng = SplitMix(state: 42)
        for set in sets {
            var patterns = set.map { Array($0.utf8) }
            if set.contains("é") { patterns.append([0xA9, 0x61]) } // "©" ends in 0xA9
            let matcher = CueSkipMatcher(patterns: patterns)
            let fragments = set + ["\u{A9}a", "©a"]
            for _ in 0..<3000 {
                let text = Self.randomText(fragments.isEmpty ? ["nothing"] : fragments, &rng)
                let p = Array(text.unicodeScalars)
                #expect(Self.skipping(matcher, p) == Self.automaton(matcher.automaton, p), "\(set) \(text.debugDescription)")
            }
        }
    }
}
