import Testing
@testable import SlantRules

/// PathTable.mayMatch, the second-scalar filter before `match`: it must never turn away a
/// start that matches (PatternPathsTests compares whole sets with the machine on random
/// texts), and it must turn away the common words the rubric's patterns start on, or
/// it saves nothing.
@Suite struct PatternFollowTests {
    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    /// Whether the filter lets pattern `source` try position `at` of `text`.
    static func allows(_ source: String, _ text: String, at i: Int) throws -> Bool {
        let pattern = try #require(SimplePattern(source))
        let table = PathTable([try #require(pattern.paths)])
        let t = scalars(text)
        return t.withUnsafeBufferPointer { table.mayMatch(0, $0, at: i, t[i]) }
    }

    @Test func turnsAwayWordsThatFailAtTheirSecondScalar() throws {
        let firstPerson = #"\b(?:i'm|i've|i'd|we're|we've|we'd|let's|ourselves|ours|our|us|we|my|me|i)\b"#
        #expect(try !Self.allows(firstPerson, "in it", at: 0))
        #expect(try !Self.allows(firstPerson, "was", at: 0))
        #expect(try Self.allows(firstPerson, "i'm", at: 0))
        #expect(try Self.allows(firstPerson, "i went", at: 0))
        #expect(try Self.allows(firstPerson, "we", at: 0))
        // `i` then a word edge: anything beyond ASCII may follow, and so may the end of the text.
        #expect(try Self.allows(firstPerson, "i—", at: 0))
        #expect(try Self.allows(firstPerson, "i", at: 0))
    }

    @Test func followsSetsAndPathsThatEndAtTheFirstScalar() throws {
        let figure = #"\d\s?(?:%|percent\b|per cent\b|million\b|billion\b|trillion\b)"#
        #expect(try !Self.allows(figure, "2024", at: 0))
        #expect(try Self.allows(figure, "5 percent", at: 0))
        #expect(try Self.allows(figure, "5\u{00A0}percent", at: 0)) // \s beyond ASCII
        #expect(try Self.allows(figure, "5%", at: 0))
        // `\?` is done at its first scalar: whatever follows, it matches.
        #expect(try Self.allows(#"\?"#, "?x", at: 0))
        #expect(try Self.allows(#"a|ab"#, "ax", at: 0))
    }
}
