import Testing
import SlantText
@testable import SlantRules

/// The lexicon hits of an article (gathered in passes, cut per slot, sorted only when a
/// slot's hits came out of order) are every whole-word occurrence of every form, found
/// here by trying each form at each code point.
@Suite struct LexiconMatcherTests {
    static func lexicon(_ id: String, _ terms: [(String, Double)]) -> Lexicon {
        Lexicon(id: id, description: "", source: "", licence: "", defaultWeight: 1,
                terms: terms.map { Lexicon.Term(term: $0.0, weight: $0.1, inflection: .none, location: nil) })
    }

    static func isWord(_ v: UInt32) -> Bool {
        if v < 0x80 { return LexiconMatcher.isASCIIWordByte(UInt8(v)) }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// Per lexicon (sorted by id): (term, weight, start, end) of every whole-word occurrence, by position.
    static func reference(_ lexicons: [Lexicon], _ text: String) -> [[String]] {
        let codes = FoldedText(text).scalars
        return lexicons.sorted { $0.id < $1.id }.map { lexicon in
            var found: [(TextSpan, String)] = []
            // A form found in one lexicon counts once, for its first term.
            var seen = Set<String>()
            for term in lexicon.terms {
              for text in term.forms where seen.insert(text).inserted {
                let form = text.unicodeScalars.map(\.value)
                guard !form.isEmpty, form.count <= codes.count else { continue }
                for i in 0...(codes.count - form.count) where Array(codes[i..<i + form.count]) == form {
                    let end = i + form.count
                    guard i == 0 || !isWord(codes[i - 1]), end == codes.count || !isWord(codes[end]) else { continue }
                    found.append((TextSpan(start: i, end: end), "\(term.term) \(term.weight)"))
                }
              }
            }
            return found.sorted { $0.0 < $1.0 }.map { "\($0.1) \($0.0)" }
        }
    }

    static func hits(_ lexicons: [Lexicon], _ text: String) -> [[String]] {
        let hits = LexiconMatcher(lexicons: lexicons).hits(in: FoldedText(text))
        return hits.bySlot.map { list in list.map { "\(hits.term(of: $0) ?? "?") \($0.weight) \($0.span)" } }
    }

    @Test func hitsAreEveryWholeWordOccurrenceSortedPerLexicon() {
        let lexicons = [
            Self.lexicon("b-loaded", [("bad", 2), ("a bad idea", 3), ("café", 1.5), ("日本", 1), ("naïve", 1)]),
            Self.lexicon("a-hedges", [("bad", 0.5), ("idea", 1), ("maybe", 1), ("’s", 1)]),
            Self.lexicon("c-empty", [("never occurs", 1)]),
        ]
        let texts = [
            "A bad idea, maybe. Badly _bad bad7 ébad bad",
            "😀 “A BAD IDEA” — café’s naïve 日本 日本語 cafés 👍bad bad👍 idea",
            "bad",
            "",
            "nothing here at all",
            String(repeating: "a bad idea; ", count: 30) + "maybe ÉTÉ bad",
        ]
        for text in texts {
            let got = Self.hits(lexicons, text)
            #expect(got == Self.reference(lexicons, text), "\(text)")
            #expect(got.count == lexicons.count)
        }
        // The longer term that starts first is reported last (it ends later): its slot is sorted.
        #expect(Self.hits(lexicons, "a bad idea")[1] == ["a bad idea 3.0 0..<10", "bad 2.0 2..<5"])
    }
}
