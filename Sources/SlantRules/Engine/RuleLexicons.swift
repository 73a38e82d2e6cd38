/// The lexicons a rule reads, as matcher slots, resolved once when the engine is built:
/// looking lexicons up by id hashed a string for every rule in every paragraph.
/// A lexicon the matcher does not have (-1) has no hits.
struct RuleLexicons: Sendable {
    /// `kind: lexicon`: the rule's lexicons.
    var lexicons: [Int] = []
    /// `kind: attribution`.
    var cues: [Int] = []
    var dualUseCues: [Int] = []
    var nominalCues: [Int] = []
    var agentless = -1
    var anonymous = -1
    var outlet = -1
    /// `kind: claim`: one slot per signal (-1 for pattern signals).
    var signals: [Int] = []

    init(_ rule: Rule, _ matcher: LexiconMatcher) {
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
        case .pattern, .scareQuote:
            break
        }
    }
}
