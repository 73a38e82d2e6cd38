import Testing
import SlantText
@testable import SlantRules

/// One lookup answers every word list of the checks; each answer must be the one a
/// `WordList` of that class's words gives.
@Suite struct WordClassTests {
    /// Class words, near misses, words that cannot be packed and the empty word.
    static let probes: [String] = {
        var words = WordClass.definitions.flatMap(\.1)
        words += ["", "thé", "the ", "saids", "sai", "—", "―", "-", "--", "according", "according to", "an official",
                  "extraordinarily long word", "ｔｈｅ", "he's", "he’s", "n't", "🙂", "說", ":", ";", "\u{037E}"]
        return words
    }()

    @Test func everyClassAnswersAsItsWordList() {
        for (bit, words) in WordClass.definitions {
            let list = WordList(Set(words))
            for probe in Self.probes {
                let word = Word(folded: probe)
                #expect(bit.contains(word) == list.contains(probe), "\(probe) in class \(bit.rawValue)")
                #expect(bit.contains(probe) == list.contains(probe))
            }
        }
    }

    @Test func classesAreSingleBitsAndDistinct() {
        var seen: UInt64 = 0
        for (bit, _) in WordClass.definitions {
            #expect(bit.rawValue.nonzeroBitCount == 1)
            #expect(seen & bit.rawValue == 0)
            seen |= bit.rawValue
        }
    }

    @Test func aWordInSeveralListsHasAllTheirClasses() {
        let the = Word(folded: "the").classes
        #expect(the.contains([.articles, .determiners, .trueDeterminers, .objectStarts, .commonOpeners, .demonstratives]))
        #expect(!the.contains(.pronouns))
        #expect(Word.none.classes.isEmpty)
        #expect(WordClass([.pronouns, .roles]).contains(Word(folded: "mayor")))
    }
}
