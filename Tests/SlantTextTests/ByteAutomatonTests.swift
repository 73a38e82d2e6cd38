import Testing
@testable import SlantText

@Suite struct ByteAutomatonTests {
    func matches(_ patterns: [String], in text: String) -> [String] {
        let automaton = ByteAutomaton(patterns: patterns.map { Array($0.utf8) })
        let bytes = Array(text.utf8)
        var found: [String] = []
        automaton.scan(bytes) { id, start, end in
            found.append("\(patterns[id])@\(start)-\(end)")
            #expect(Array(bytes[start..<end]) == Array(patterns[id].utf8))
        }
        return found
    }

    @Test func findsOverlappingAndNestedPatterns() {
        // "he", "she", "his", "hers" — the classic Aho–Corasick example.
        #expect(matches(["he", "she", "his", "hers"], in: "ushers") == ["she@1-4", "he@2-4", "hers@2-6"])
    }

    @Test func multiByteAndRepeatedPatterns() {
        #expect(matches(["é", "café"], in: "un café, un café") == ["café@3-8", "é@6-8", "café@13-18", "é@16-18"])
        #expect(matches(["aa"], in: "aaaa") == ["aa@0-2", "aa@1-3", "aa@2-4"])
    }

    @Test func firstMatchStopsAtTheEarliestEnd() {
        let automaton = ByteAutomaton(patterns: [Array("share this".utf8), Array("this".utf8)])
        let hit = automaton.firstMatch(in: Array("please share this page".utf8))
        #expect(hit?.pattern == 0 || hit?.pattern == 1)
        #expect(hit?.end == 17)
        #expect(automaton.firstMatch(in: Array("nothing here".utf8)) == nil)
        #expect(ByteAutomaton(patterns: []).firstMatch(in: Array("abc".utf8)) == nil)
    }
}
