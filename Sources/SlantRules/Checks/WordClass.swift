import SlantText

/// The word lists the checks ask about the words around a cue, as bits of one number: a
/// word's classes are found with one lookup, and each question is then a bit test.
///
/// Kept as separate `WordList`s, every question read a lazily made global (a struct of two
/// references, retained and released) and probed that list's own table; the attribution
/// check asks some thirty lists, several of them about the same word, around every cue.
/// `WordClass([.a, .b]).contains(word)` asks whether the word is in either list.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt64

    // (Computed, not stored: a stored static is a lazily made global, and each read of one
    // went through `swift_once`.)
    /// Personal pronouns: a source of one or two words with one is a person.
    static var pronouns: WordClass { WordClass(rawValue: 1 << 0) }
    /// Roles that identify one person as surely as a name does ("the mayor said").
    static var roles: WordClass { WordClass(rawValue: 1 << 1) }
    /// Quantifiers that make a source an unnamed group ("some shop owners").
    static var vagueQuantifiers: WordClass { WordClass(rawValue: 1 << 2) }
    /// Common words that open a sentence capitalised without being a name.
    static var commonOpeners: WordClass { WordClass(rawValue: 1 << 3) }
    /// Words that end a source phrase after a cue ("said that", "told reporters on Monday").
    static var stopWords: WordClass { WordClass(rawValue: 1 << 4) }
    /// The reader as object: "which tells you" credits nobody.
    static var readerObjects: WordClass { WordClass(rawValue: 1 << 5) }
    /// Demonstratives and "the".
    static var demonstratives: WordClass { WordClass(rawValue: 1 << 6) }
    /// Plain forms of speech verbs that take "of": "says of Clinton".
    static var verbsTakingOf: WordClass { WordClass(rawValue: 1 << 7) }
    /// Past forms of plain speech verbs, never participles after a noun.
    static var plainPasts: WordClass { WordClass(rawValue: 1 << 8) }
    /// Words that open a clause and so end a source phrase walked backwards.
    static var clauseOpeners: WordClass { WordClass(rawValue: 1 << 9) }
    /// Words that can open a finite clause after "that" ("that he", "that the").
    static var clauseStarts: WordClass { WordClass(rawValue: 1 << 10) }
    /// Irregular past forms that take a clause ("heard that", "knew whether").
    static var complementIrregulars: WordClass { WordClass(rawValue: 1 << 11) }
    /// Words ending in -ed that are not verbs.
    static var notVerbsInEd: WordClass { WordClass(rawValue: 1 << 12) }
    /// Words after a noun of speech that introduce what is credited ("claim that", "plan to").
    static var nominalComplements: WordClass { WordClass(rawValue: 1 << 13) }
    /// Possessive pronouns: the owner of a noun cue.
    static var possessivePronouns: WordClass { WordClass(rawValue: 1 << 14) }
    /// Contractions ending in 's that are not possessives.
    static var contractions: WordClass { WordClass(rawValue: 1 << 15) }
    /// Dashes, folded.
    static var dashes: WordClass { WordClass(rawValue: 1 << 16) }
    /// Articles and possessives: the word after them is a noun.
    static var articles: WordClass { WordClass(rawValue: 1 << 17) }
    /// Words ending in -en or -ed that are not participles: "Mr. Obama often says".
    static var notParticiples: WordClass { WordClass(rawValue: 1 << 18) }
    /// Determiners that make the next word a noun.
    static var trueDeterminers: WordClass { WordClass(rawValue: 1 << 19) }
    /// Irregular past forms and participles.
    static var irregularPasts: WordClass { WordClass(rawValue: 1 << 20) }
    /// Subject pronouns and relative pronouns.
    static var subjects: WordClass { WordClass(rawValue: 1 << 21) }
    /// Words that open an object after a verb.
    static var objectStarts: WordClass { WordClass(rawValue: 1 << 22) }
    /// Adverbs and negations that stand before verbs.
    static var verbAdverbs: WordClass { WordClass(rawValue: 1 << 23) }
    /// Auxiliaries and adverbs that are no source on their own.
    static var auxiliaries: WordClass { WordClass(rawValue: 1 << 24) }
    /// Determiners and adjectives that make a reporting word a noun ("the report", "official reports").
    static var determiners: WordClass { WordClass(rawValue: 1 << 25) }
    /// Modals and the infinitive marker.
    static var modals: WordClass { WordClass(rawValue: 1 << 26) }
    /// Forms of "be" (and "get") that make a participle passive.
    static var beForms: WordClass { WordClass(rawValue: 1 << 27) }
    /// Verbs of asking and telling: "was told to leave", "asked to wait" report nothing.
    static var requestVerbs: WordClass { WordClass(rawValue: 1 << 28) }
    /// Words after a cue that keep it from reporting anything ("asked for", "called off").
    static var notReportingAfter: WordClass { WordClass(rawValue: 1 << 29) }
    /// Prepositions (and time words) after a participle that follows a noun.
    static var prepositions: WordClass { WordClass(rawValue: 1 << 30) }
    /// Past forms of speech verbs that never stand as nouns.
    static var pastForms: WordClass { WordClass(rawValue: 1 << 31) }
    /// Verbs after a reporting word that make it a noun subject ("the report was").
    static var copulas: WordClass { WordClass(rawValue: 1 << 32) }
    /// Negations before a lexicon term.
    static var negations: WordClass { WordClass(rawValue: 1 << 33) }

    /// The words of each class, folded (lower case, straight apostrophes).
    static let definitions: [(WordClass, [String])] = [
        (.pronouns, ["he", "she", "i", "we", "you", "they", "it", "him", "her", "us", "them"]),
        (.roles, ["mayor", "president", "minister", "senator", "chief", "director", "chairman", "chairwoman", "chair", "ceo",
            "secretary", "chancellor", "judge", "prosecutor", "governor", "commissioner", "premier", "king", "queen", "pope",
            "founder", "author", "economist", "professor", "representative", "congressman", "congresswoman", "lawmaker",
            "leader", "candidate", "lawyer", "attorney", "sheriff", "superintendent", "inspector", "captain", "general",
            "ambassador", "councillor", "councilor", "manager", "owner", "head", "coach", "researcher", "scientist",
            "engineer", "doctor", "analyst"]),
        (.vagueQuantifiers, ["some", "many", "several", "few", "most", "numerous", "other", "others", "various", "countless"]),
        (.commonOpeners, ["the", "a", "an", "this", "that", "these", "those", "some", "many", "most", "one", "another",
            "other", "both", "all", "several", "few", "people", "everyone", "someone", "somebody", "nobody", "no", "each",
            "every", "any", "such"]),
        (.stopWords, ["that", "if", "whether", "how", "why", "what", "when", "on", "in", "at", "last", "this", "on", "earlier",
            "later", "yesterday", "today"]),
        (.readerObjects, ["you", "us"]),
        (.demonstratives, ["the", "this", "that", "these", "those"]),
        (.verbsTakingOf, ["says", "speaks", "writes", "thinks", "tells", "knows"]),
        (.plainPasts, ["said", "told", "wrote", "spoke", "thought", "felt", "knew"]),
        (.clauseOpeners, ["that", "which", "who", "and", "but", "because", "while", "as", "when", "after", "before", "than"]),
        (.clauseStarts, ["he", "she", "they", "it", "we", "i", "you", "there", "the", "a", "an", "his", "her", "their", "its",
            "this", "these", "those", "some", "many", "most", "no", "all", "every", "one", "our", "my", "your", "if", "in",
            "only"]),
        (.complementIrregulars, ["heard", "saw", "held", "felt", "knew", "found", "thought", "understood", "taught"]),
        (.notVerbsInEd, ["indeed", "hundred", "united", "speed", "need", "seed", "breed", "greed", "sacred", "naked", "wicked"]),
        (.nominalComplements, ["that", "to", "about", "over", "on", "of", ":"]),
        (.possessivePronouns, ["his", "her", "their", "its", "our", "my", "your"]),
        (.contractions, ["he's", "she's", "it's", "who's", "that's", "there's", "what's", "here's", "where's", "let's"]),
        (.dashes, ["―", "—", "–", "--", "-"]),
        (.articles, ["the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "whose", "no", "every"]),
        (.notParticiples, ["often", "even", "then", "when", "men", "women", "seven", "eleven", "citizen", "children", "ten",
            "indeed"]),
        (.trueDeterminers, ["the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your",
            "no", "any", "every", "each", "some", "several", "such", "whose"]),
        (.irregularPasts, ["said", "told", "wrote", "written", "spoke", "spoken", "thought", "felt", "knew", "known", "found",
            "shown", "understood", "sought", "saw", "seen", "foresaw", "foreseen", "learnt", "meant", "forecast", "put"]),
        (.subjects, ["he", "she", "they", "we", "i", "you", "it", "who", "which", "that"]),
        (.objectStarts, ["the", "a", "an", "his", "her", "their", "its", "this", "these", "those", "him", "them"]),
        (.verbAdverbs, ["also", "still", "now", "then", "just", "only", "often", "always", "never", "not", "even", "again",
            "already", "repeatedly", "generally", "really", "actually", "largely", "mostly", "strongly", "openly", "publicly",
            "privately", "long", "too"]),
        (.auxiliaries, ["had", "has", "have", "was", "were", "is", "are", "be", "been", "would", "will", "also", "later",
            "then", "did", "does", "do"]),
        (.determiners, ["the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
            "no", "any", "every", "each", "some", "several", "such", "whose", "new", "recent", "latest", "earlier", "previous",
            "official", "written", "public", "annual", "final", "initial", "brief", "joint", "press", "emailed", "first",
            "second"]),
        (.modals, ["would", "could", "will", "can", "may", "might", "should", "must", "to"]),
        (.beForms, ["was", "were", "been", "be", "being", "is", "are", "get", "got"]),
        (.requestVerbs, ["asked", "told", "ask", "tell", "asks", "tells", "called", "calling"]),
        (.notReportingAfter, ["not", "to", "for", "about", "against", "up", "out", "off", "of"]),
        (.prepositions, ["on", "in", "by", "at", "to", "from", "with", "for", "under", "over", "last", "earlier", "this"]),
        (.pastForms, ["said", "told", "wrote", "written", "spoke", "thought", "felt", "according to"]),
        (.copulas, ["was", "were", "is", "are", "has", "had", "have", "will", "would", "could", "should", "can", "may",
            "might", "must", "shows", "showed", "found", "finds", "says", "said"]),
        (.negations, ["not", "no", "never", "n't", "without", "nor", "hardly"]),
    ]
}

extension WordClass {
    /// Whether `word` is in the list of any of these classes.
    @inline(__always)
    func contains(_ word: Word) -> Bool { !word.classes.isDisjoint(with: self) }

    /// Whether the folded string is in the list of any of these classes.
    func contains(_ folded: String) -> Bool { contains(Word(folded: folded)) }
}

extension Word {
    /// The classes whose lists hold this word. Each answers as a `WordList` of its words
    /// would: a packed (ASCII) word by its bytes, any other word under String equality.
    @inline(__always)
    var classes: WordClass {
        if let other { return WordClassTable.classes(ofUnpacked: other) }
        return WordClass(rawValue: WordClassTable.shared.bits(of: packed))
    }
}

/// Every class word packed, with its classes, in an open-addressing table.
///
/// The table lives in memory that is made once and never freed, so the global holds only a
/// pointer and a mask: reading it costs no retain and release, which reading a global
/// array would.
struct WordClassTable: @unchecked Sendable { // immutable after init
    /// Triples (lo, hi, classes); a zero key marks an empty slot (no packed word is zero).
    private let entries: UnsafeMutablePointer<UInt64>
    private let mask: Int

    static let shared = WordClassTable(WordClass.definitions)

    /// Every class word as a string, for words that cannot be packed (String equality, as
    /// `WordList` asks them).
    private static let unpacked: [String: UInt64] = {
        var table: [String: UInt64] = [:]
        for (classes, words) in WordClass.definitions {
            for word in words { table[word, default: 0] |= classes.rawValue }
        }
        return table
    }()

    static func classes(ofUnpacked word: String) -> WordClass {
        WordClass(rawValue: unpacked[word] ?? 0)
    }

    init(_ definitions: [(WordClass, [String])]) {
        let total = definitions.reduce(0) { $0 + $1.1.count }
        var size = 16
        while size < total * 2 { size <<= 1 }
        entries = .allocate(capacity: size * 3)
        entries.initialize(repeating: 0, count: size * 3)
        mask = size - 1
        for (classes, words) in definitions {
            // Only ASCII words answer by bytes (WordList's rule): a non-ASCII one is only
            // ever equal to a word that cannot be packed either.
            for word in words where word.utf8.allSatisfy({ $0 < 0x80 }) {
                guard let key = PackedWord(ascii: word.utf8) else { continue }
                var s = Self.slot(of: key, mask: mask)
                while entries[3 * s] != 0 || entries[3 * s + 1] != 0 {
                    if entries[3 * s] == key.lo && entries[3 * s + 1] == key.hi { break }
                    s = (s + 1) & mask
                }
                entries[3 * s] = key.lo
                entries[3 * s + 1] = key.hi
                entries[3 * s + 2] |= classes.rawValue
            }
        }
    }

    @inline(__always)
    private static func slot(of key: PackedWord, mask: Int) -> Int {
        let h = (key.lo &+ key.hi &* 0x9E37_79B9_7F4A_7C15) &* 0xD6E8_FEB8_6659_FD93
        return Int(truncatingIfNeeded: h >> 32) & mask
    }

    /// The classes of a packed word, as bits (none for the empty word).
    @inline(__always)
    func bits(of key: PackedWord) -> UInt64 {
        guard key.hi != 0 else { return 0 }
        var s = Self.slot(of: key, mask: mask)
        while true {
            let lo = entries[3 * s], hi = entries[3 * s + 1]
            if lo == key.lo && hi == key.hi { return entries[3 * s + 2] }
            if lo == 0 && hi == 0 { return 0 }
            s = (s + 1) & mask
        }
    }
}
