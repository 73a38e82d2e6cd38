/// The lexicons and patterns a rule reads, as slots (a lexicon's in the matcher, a
/// pattern's in the engine's list), resolved once when the engine is built: looking them
/// up by id and by pattern source hashed strings for every rule in every sentence.
/// A lexicon the matcher does not have (-1) has no hits.
struct RuleSlots: Sendable {
    /// `kind: lexicon`: the rule's lexicons.
    var lexicons: [Int] = []
    /// `kind: attribution`.
    var cues: [Int] = []
    var dualUseCues: [Int] = []
    var nominalCues: [Int] = []
    var agentless = -1
    var anonymous = -1
    var outlet = -1
    /// `kind: claim`: one lexicon slot per signal (-1 for pattern signals).
    var signals: [Int] = []
    /// `kind: pattern`: one pattern slot per pattern; `kind: claim`: one per signal (-1 for lexicon signals).
    var patterns: [Int] = []

    init(_ rule: Rule, _ matcher: LexiconMatcher, patternSlot: (String) -> Int) {
        func slot(_ id: String) -> Int { matcher.slot(of: id) ?? -1 }
        switch rule.kind {
        case .lexicon(let c):
            lexicons = c.lexicons.map(slot)
        case .attribution(let c):
            cues = c.cueLexicons.map(slot)
            dualUseCues = c.dualUseCueLexicons.map(slot)
            nominalCues = c.nominalCueLexicons.map(slot)
            agentless = slot(c.agentlessLexicon)
            anonymous = slot(c.anonymousLexicon)
            outlet = slot(c.outletLexicon)
        case .claim(let c):
            signals = c.signals.map { $0.lexicon.map(slot) ?? -1 }
            patterns = c.signals.map { $0.pattern.map { patternSlot($0.source) } ?? -1 }
        case .pattern(let c):
            patterns = c.patterns.map { patternSlot($0.source) }
        case .scareQuote:
            break
        }
    }
}
