import Foundation
import Testing
import SlantText
@testable import SlantRules

/// SimplePattern must find exactly what NSRegularExpression finds, or refuse the pattern.
@Suite struct SimplePatternTests {
    /// Texts that exercise case, word boundaries, digits of other scripts, emoji
    /// (astral code points shift UTF-16 offsets), separators and apostrophes.
    static let texts: [String] = {
        var texts = [
            "You're right: we must act! Should they?? Needs to stop — $5 million, €3bn, 40 percent, 12% and ٣ per cent.",
            "😀 I'm sure you'll see: prices will rise, markets will not survive. 你好 we've 😀😀 $ 7 and £\u{00A0}9",
            "Ours, yours, you, your, youth, ourselves! !!! ?! mustard shoulder i i' i'd i'dn't",
            "Tab\there, new\nline, 5\u{2009}% and 9\u{3000}billion; 10 trillion, 2 per centage.",
            "Ünïcödé wörds: über-will rise, naïve we, café i, ﬁne 😀you 𝔘 u.s. MUST Must must.",
            "",
        ]
        let examples = EngineTests.root.appendingPathComponent("Examples")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? [] {
            if let text = try? String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8) { texts.append(text) }
        }
        return texts
    }()

    /// Every pattern of the bundled rubric, plus syntax the matcher claims to support.
    static let patterns: [String] = {
        var sources = [
            #"\bcolou?r\b"#, #"a+b*c?"#, #"[a-c]{2,3}"#, #"x{2}"#, #"\d+(?:\.\d+)?"#, #"[^a-z\s]+"#,
            #"(?:we|w)e"#, #"\w+'\w+"#, #"\s{2,}"#, #"(a|ab)(c|bcd)"#, #"[A-Z]\."#, #"\bi\b"#,
            #"\b\d{1,3}(?:,\d{3})+\b"#, #"[.!?]{2,}"#, #"e."#, #"\S+@\S+"#, #"\W\w"#, #"(?:ab)+"#,
        ]
        let rubric = try! RubricLoader.load(path: EngineTests.root.appendingPathComponent("Rubrics").path)
        for rule in rubric.rules {
            switch rule.kind {
            case .pattern(let p): sources += p.patterns.map(\.source)
            case .claim(let c): sources += c.signals.compactMap(\.pattern?.source)
            default: break
            }
        }
        return sources
    }()

    @Test(arguments: patterns)
    func agreesWithNSRegularExpression(_ source: String) throws {
        let simple = try #require(SimplePattern(source), "pattern \(source) should use the fast matcher")
        let compiled = CompiledPattern(source: source, regex: try NSRegularExpression(pattern: source, options: [.caseInsensitive]))
        for text in Self.texts {
            let folded = FoldedText(text)
            let expected = PatternBudget.run(compiled, on: String(decoding: folded.bytes, as: UTF8.self)).spans
            let got = simple.matches(in: folded.scalars)
            #expect(got == expected, "pattern \(source) on \(text.prefix(40))…")
        }
    }

    /// A class range wholly beyond ASCII (no case to fold) is kept as a range, not a trap.
    @Test func classRangesBeyondASCII() throws {
        let pattern = try #require(SimplePattern("[°-±‐-―]"))
        let text = "a°b±c‐d―e€".unicodeScalars.map(\.value)
        #expect(pattern.matches(in: text) == [TextSpan(start: 1, end: 2), TextSpan(start: 3, end: 4), TextSpan(start: 5, end: 6), TextSpan(start: 7, end: 8)])
    }

    @Test(arguments: [#"(?=a)b"#, #"a+?"#, #"a++"#, #"^a"#, #"a$"#, #"(a)\1"#, #"\p{L}"#, #"(?i)a"#, #"(?:a*)*"#, #"[[a]]"#, #"É"#])
    func refusesWhatItDoesNotKnow(_ source: String) {
        #expect(SimplePattern(source) == nil)
    }
}
