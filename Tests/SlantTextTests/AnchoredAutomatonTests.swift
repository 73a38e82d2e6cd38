import Testing
@testable import SlantText

/// An automaton built with `wordStartsOnly` reports exactly the plain automaton's
/// matches that start at the text's start or after a byte a match may follow, in the
/// same order.
@Suite struct AnchoredAutomatonTests {
    static func scanned(_ automaton: ByteAutomaton, _ text: [UInt8]) -> [[Int]] {
        var found: [[Int]] = []
        automaton.scan(text) { found.append([$0, $1, $2]) }
        return found
    }

    /// For both table widths, the anchored automaton's matches on `rounds` texts made by
    /// `text` are the plain automaton's that start where a match may start.
    static func expectAnchoredAgrees(_ patterns: [[UInt8]], rounds: Int, _ text: () -> [UInt8]) {
        for limit in [ByteAutomaton.compactStateLimit, 1] {
            let plain = ByteAutomaton(patterns: patterns, compactStateLimit: limit)
            let anchored = ByteAutomaton(patterns: patterns, compactStateLimit: limit, wordStartsOnly: true)
            for _ in 0..<rounds {
                let text = text()
                let expected = scanned(plain, text).filter { $0[1] == 0 || ByteAutomaton.mayStartAfter(text[$0[1] - 1]) }
                #expect(scanned(anchored, text) == expected, "\(String(decoding: text, as: UTF8.self))")
            }
        }
    }

    @Test func anchoredMatchesArePlainMatchesAtWordStarts() {
        // Word bytes, bytes a match may follow, and multi-byte letters and marks.
        let pieces = ["a", "b", "n", "d", "_", "7", " ", "-", "'", "é", "’", "🌊", "中", "an", "and", "band"]
        var random = ByteAutomatonTableTests.Random(state: 11)
        func string(_ length: Int) -> String { (0..<length).map { _ in pieces[random.next(pieces.count)] }.joined() }
        var patterns: [[UInt8]] = ["and", "an", "band", "a b", "-a", "é", "’s", "d"].map { Array($0.utf8) }
        while patterns.count < 40 { patterns.append(Array(string(1 + random.next(3)).utf8)) }
        Self.expectAnchoredAgrees(patterns, rounds: 300) { Array(string(random.next(40)).utf8) }
    }

    /// Long words that begin no term, so the automaton sits in its dead state and skips
    /// them (`advance`): the skip must stop at the first byte a match may follow (a space,
    /// punctuation, a byte of a multi-byte letter), also at the very end of the text.
    @Test func deadStateSkipsEndWhereTheTableWalkWould() {
        let pieces = ["x", "y", "z", "q", "Q", "9", "_", "a", "b", "é", "日", "😀", " ", "-", "’", "ab", "ba"]
        var random = ByteAutomatonTableTests.Random(state: 23)
        func string(_ length: Int) -> String { (0..<length).map { _ in pieces[random.next(pieces.count)] }.joined() }
        let patterns: [[UInt8]] = ["ab", "ba", "a b", "aé", "日本", "-ab", "😀a", "ab’s", "b"].map { Array($0.utf8) }
        Self.expectAnchoredAgrees(patterns, rounds: 400) { Array(string(random.next(80)).utf8) }
        for limit in [ByteAutomaton.compactStateLimit, 1] {
            let anchored = ByteAutomaton(patterns: patterns, compactStateLimit: limit, wordStartsOnly: true)
            #expect(Self.scanned(anchored, Array("xyzzyab ab".utf8)) == [[0, 8, 10]])
            #expect(Self.scanned(anchored, Array("xqab".utf8)) == [])
            #expect(Self.scanned(anchored, Array("x😀ab".utf8)) == [[0, 5, 7]])
            #expect(Self.scanned(anchored, Array(" 😀ab".utf8)) == [[6, 1, 6], [0, 5, 7]])
        }
    }

    /// `matches(in:)` lists what `scan` reports, in the same order, for both table widths.
    @Test func matchListIsWhatScanReports() {
        let pieces = ["a", "b", "n", "d", " ", "-", "é", "’", "🌊", "中", "an", "and", "band"]
        var random = ByteAutomatonTableTests.Random(state: 5)
        func string(_ length: Int) -> String { (0..<length).map { _ in pieces[random.next(pieces.count)] }.joined() }
        let patterns: [[UInt8]] = ["and", "an", "band", "a b", "-a", "é", "’s", "d", "🌊中"].map { Array($0.utf8) }
        for limit in [ByteAutomaton.compactStateLimit, 1] {
            for anchored in [false, true] {
                let automaton = ByteAutomaton(patterns: patterns, compactStateLimit: limit, wordStartsOnly: anchored)
                for _ in 0..<200 {
                    let text = Array(string(random.next(60)).utf8)
                    let listed = automaton.matches(in: text).map { [$0.pattern, $0.end - automaton.patternLengths[$0.pattern], $0.end] }
                    #expect(listed == Self.scanned(automaton, text), "\(String(decoding: text, as: UTF8.self))")
                }
                #expect(automaton.matches(in: []).isEmpty)
            }
        }
    }

    @Test func aWordThatBeginsNoTermHidesTheTermsInside() {
        let anchored = ByteAutomaton(patterns: [Array("and".utf8)], wordStartsOnly: true)
        #expect(Self.scanned(anchored, Array("band and sand_and 7and -and".utf8)) == [[0, 5, 8], [0, 24, 27]])
        #expect(Self.scanned(ByteAutomaton(patterns: [Array("and".utf8)]), Array("band".utf8)) == [[0, 1, 4]])
    }
}
