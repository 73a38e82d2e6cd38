import Testing
@testable import SlantRules
import SlantText

/// The trie scan must find exactly the whole-word matches the Aho–Corasick automaton
/// finds once its matches are filtered by word boundaries on both sides.
@Suite struct WordTrieTests {
    /// All (form, start, end) whole-word matches, the old way: every occurrence, then both boundaries.
    static func byAutomaton(_ forms: [[UInt8]], _ text: [UInt8]) -> [[Int]] {
        var out: [[Int]] = []
        ByteAutomaton(patterns: forms).scan(text) { form, start, end in
            guard LexiconMatcher.isWordBoundary(text, before: start), LexiconMatcher.isWordBoundary(text, after: end) else { return }
            out.append([form, start, end])
        }
        return out.sorted { $0.lexicographicallyPrecedes($1) }
    }

    static func byTrie(_ forms: [[UInt8]], _ text: [UInt8]) -> [[Int]] {
        var out: [[Int]] = []
        WordTrie(forms: forms).scan(text) { form, start, end in
            guard LexiconMatcher.isWordBoundary(text, after: end) else { return }
            out.append([form, start, end])
        }
        return out.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test func findsWholeWordsOnly() {
        let forms = ["said", "so-called", "according to", "'s", "é", "naïve", "to"].map { Array($0.utf8) }
        let text = Array("he said so-called; according to é, naïve tosaid's it's 'sx".utf8)
        let found = Self.byTrie(forms, text)
        #expect(found == Self.byAutomaton(forms, text))
        #expect(found.map { String(decoding: text[$0[1]..<$0[2]], as: UTF8.self) }.sorted()
                == ["according to", "naïve", "said", "so-called", "to", "é"])
    }

    @Test func agreesWithTheAutomatonOnRandomText() {
        var rng = SplitMix64(seed: 7)
        let alphabet = Array("ab 'é-.😀,1ñ".unicodeScalars)
        func word(_ length: Int) -> String {
            String(String.UnicodeScalarView((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }))
        }
        for _ in 0..<300 {
            let forms = (0..<Int(rng.next() % 8 + 1)).map { _ in Array(word(Int(rng.next() % 4 + 1)).utf8) }
            let text = Array(word(Int(rng.next() % 60)).utf8)
            #expect(Self.byTrie(forms, text) == Self.byAutomaton(forms, text), "forms \(forms) text \(text)")
        }
    }
}
