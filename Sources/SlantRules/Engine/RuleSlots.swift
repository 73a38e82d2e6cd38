/// The lexicons and patterns a rule reads, as slots (a lexicon's in the matcher, a
/// pattern's in the engine's list), resolved once when the engine is built: looking them
/// up by id and by pattern source hashed strings for every rule in every sentence.
/// A lexicon the matcher does not have (-1) has no hits.
///
/// A class, so handing it to a check per paragraph is one reference, not a copy of five arrays.
final class RuleSlots: Sendable {
    /// `kind: lexicon`: the rule's lexicons.
    let lexicons: [Int]
    /// `kind: attribution`.
    let cues: [Int]
    let dualUseCues: [Int]
    let nominalCues: [Int]
    let agentless: Int
    let anonymous: Int
    let outlet: Int
    /// `kind: claim`: one lexicon slot per signal (-1 for pattern signals).
    let signals: [Int]
    /// `kind: pattern`: one pattern slot per pattern; `kind: claim`: one per signal (-1 for lexicon signals).
    let patterns: [Int]
    /// `kind: attribution`: the weight of each source type, in `SourceType.allCases` order
    /// (0 when the rubric gives none): read for every attribution, where a dictionary
    /// lookup hashed the type each time.
    let sourceWeights: [Double]
    /// `lexicons`, `signals` and `patterns` as masks, for a first answer to whether a
    /// paragraph holds anything for the rule (`ParagraphContext.hitMask`).
    let lexiconMask: SlotMask
    let signalMask: SlotMask
    let patternMask: SlotMask
    /// The attribution lexicons as masks (`cueMask` holds the dual-use cues too).
    let cueMask: SlotMask
    let nominalMask: SlotMask
    let agentlessMask: SlotMask
    let anonymousMask: SlotMask
    let outletMask: SlotMask

    init(_ rule: Rule, _ matcher: LexiconMatcher, patternSlot: (String) -> Int) {
        func slot(_ id: String) -> Int { matcher.slot(of: id) ?? -1 }
        var lexicons: [Int] = [], cues: [Int] = [], dualUseCues: [Int] = [], nominalCues: [Int] = []
        var agentless = -1, anonymous = -1, outlet = -1
        var signals: [Int] = [], patterns: [Int] = []
        var sourceWeights = [Double](repeating: 0, count: SourceType.allCases.count)
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
            sourceWeights = SourceType.allCases.map { c.weights[$0] ?? 0 }
        case .claim(let c):
            signals = c.signals.map { $0.lexicon.map(slot) ?? -1 }
            patterns = c.signals.map { $0.pattern.map { patternSlot($0.source) } ?? -1 }
        case .pattern(let c):
            patterns = c.patterns.map { patternSlot($0.source) }
        case .scareQuote:
            break
        }
        self.lexicons = lexicons
        self.cues = cues
        self.dualUseCues = dualUseCues
        self.nominalCues = nominalCues
        self.agentless = agentless
        self.anonymous = anonymous
        self.outlet = outlet
        self.signals = signals
        self.patterns = patterns
        self.sourceWeights = sourceWeights
        lexiconMask = SlotMask(lexicons)
        signalMask = SlotMask(signals)
        patternMask = SlotMask(patterns)
        cueMask = SlotMask(cues + dualUseCues)
        nominalMask = SlotMask(nominalCues)
        agentlessMask = SlotMask([agentless])
        anonymousMask = SlotMask([anonymous])
        outletMask = SlotMask([outlet])
    }

    /// The weight of an attribution of this source type.
    func weight(of type: SourceType) -> Double { sourceWeights[type.lane] }
}

extension SourceType {
    /// Position in `allCases` (`allCases` makes a new array every time it is asked).
    @inline(__always) var lane: Int {
        switch self {
        case .named: 0
        case .outlet: 1
        case .anonymous: 2
        case .agentless: 3
        }
    }
}
