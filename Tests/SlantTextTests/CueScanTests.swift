import Testing
@testable import SlantText

/// The classifier's cue scan over code points must answer as `firstMatch` over the
/// folded UTF-8 it replaced.
@Suite struct CueScanTests {
    static func plain(_ p: ArraySlice<Unicode.Scalar>) -> Bool {
        ParagraphClassifier.cues.firstMatch(in: ParagraphClassifier.foldedUTF8(p)) != nil
    }

    static func fused(_ p: ArraySlice<Unicode.Scalar>) -> Bool {
        p.withUnsafeBufferPointer { ParagraphClassifier.cues.containsMatch(inLowercasedUTF8Of: $0, foldingNonASCII: PackedWord.foldOutOfLine) }
    }

    @Test func fixedTextsAgree() {
        let texts = [
            "Share this story", "SHARE THIS", "please share\u{A0}this", "\u{212A}eep reading", "Copyright © 2024",
            "COPYRIGHT © ACME", "copyright ©", "copyright (c)", "Advertisement", "advertisements 😂", "Ⓐdvertisement",
            "東京 read more 東京", "Comments (12)", "Read MORE", "read\tmore", "read  more", "Σ read mor", "",
            "ÉCRIVEZ-NOUS — Sign up for our newsletter 🇺🇸", "Это статья. Subscribe now!", "مقالة share on", "no cue at all here",
        ]
        for text in texts {
            let p = ArraySlice(Array(text.unicodeScalars))
            #expect(Self.fused(p) == Self.plain(p), "\(text)")
        }
    }

    @Test func randomTextsAgree() {
        // Cue fragments, case changes and non-ASCII look-alikes in random order.
        let pool = ["share", "this", " ", "\u{A0}", "THIS", "on", "read", "more", "\u{212A}", "eep", "reading", "©", "copyright",
                    "(", "comments", "advert", "isement", "é", "東", "😂", "🇺🇸", "\t", "’", "x", "Σ", "अ्", "\u{301}"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &rng) { text += pool.randomElement(using: &rng)! }
            let p = ArraySlice(Array(text.unicodeScalars))
            #expect(Self.fused(p) == Self.plain(p), "\(text.debugDescription)")
        }
    }

    @Test func wideTablesAgree() {
        let patterns = ParagraphClassifier.boilerplateCues.map { Array($0.utf8) }
        let wide = ByteAutomaton(patterns: patterns, compactStateLimit: 1)
        #expect(!wide.isCompact)
        for text in ["Share This", "nothing", "copyright ©", "x \u{212A}eep reading"] {
            let p = Array(text.unicodeScalars)
            let hit = p.withUnsafeBufferPointer { wide.containsMatch(inLowercasedUTF8Of: $0, foldingNonASCII: PackedWord.foldOutOfLine) }
            #expect(hit == (wide.firstMatch(in: ParagraphClassifier.foldedUTF8(ArraySlice(p))) != nil), "\(text)")
        }
    }
}
