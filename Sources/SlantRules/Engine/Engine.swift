import SlantText

/// A rubric made ready to score articles: lexicons compiled into one automaton.
/// Scoring is a pure function of the article, so one engine serves many threads.
public struct Engine: Sendable {
    public let rubric: Rubric
    let matcher: LexiconMatcher
    /// Every distinct pattern of every rule, run once per article; `simple` when the
    /// pattern can skip NSRegularExpression (see SimplePattern).
    let patterns: [(compiled: CompiledPattern, simple: SimplePattern?)]
    /// The simple ones together, matched in one pass, and their slots in `patterns`.
    let simplePatterns: PatternSet
    let simpleSlots: [Int]
    /// The slots of the others, which NSRegularExpression runs. (Finding them by walking
    /// `patterns` copied each simple pattern and its tables, for every article.)
    let regexSlots: [Int]

    /// A rule with its check's settings and slots, behind one reference: binding a `Rule`
    /// or its `kind` to a local copied every string and array in it, for every rule in
    /// every paragraph.
    private final class Planned<Config: Sendable>: Sendable {
        let rule: RuleHead
        let config: Config
        let slots: RuleSlots
        init(_ rule: Rule, _ config: Config, _ slots: RuleSlots) {
            self.rule = RuleHead(id: rule.id, family: rule.family, message: rule.message, weight: rule.weight)
            self.config = config
            self.slots = slots
        }
    }
    private enum PlannedRule: Sendable {
        case lexicon(Planned<LexiconRule>)
        case pattern(Planned<PatternRule>)
        case scareQuote(Planned<ScareQuoteCheck.Options>)
        case attribution(Planned<AttributionCheck.Options>)
        case claim(Planned<ClaimRule>)

        init(_ rule: Rule, _ matcher: LexiconMatcher, patternSlot: (String) -> Int) {
            let slots = RuleSlots(rule, matcher, patternSlot: patternSlot)
            switch rule.kind {
            case .lexicon(let c): self = .lexicon(Planned(rule, c, slots))
            case .pattern(let c): self = .pattern(Planned(rule, c, slots))
            case .scareQuote(let c): self = .scareQuote(Planned(rule, ScareQuoteCheck.Options(c), slots))
            case .attribution(let c): self = .attribution(Planned(rule, AttributionCheck.Options(c), slots))
            case .claim(let c): self = .claim(Planned(rule, c, slots))
            }
        }
    }
    private let plan: [PlannedRule]
    /// The attribution rules of `plan`, in order: they run first in every paragraph, and
    /// finding them by walking the whole plan cost a pass over every rule per paragraph.
    private let attributionPlan: [Planned<AttributionCheck.Options>]
    /// What the attribution check asks of each lexicon term, by `LexiconHit.termIndex`.
    private let cueTermTraits: [CueTermTraits]

    public init(rubric: Rubric) {
        self.rubric = rubric
        let matcher = LexiconMatcher(lexicons: Array(rubric.lexicons.values))
        self.matcher = matcher
        var seen = Set<String>()
        var patterns: [(compiled: CompiledPattern, simple: SimplePattern?)] = []
        for rule in rubric.rules {
            let mine: [CompiledPattern]
            switch rule.kind {
            case .pattern(let p): mine = p.patterns
            case .claim(let c): mine = c.signals.compactMap(\.pattern)
            default: mine = []
            }
            for p in mine where seen.insert(p.source).inserted { patterns.append((p, SimplePattern(p.source))) }
        }
        self.patterns = patterns
        let simple = patterns.indices.filter { patterns[$0].simple != nil }
        simplePatterns = PatternSet(simple.map { patterns[$0].simple! })
        simpleSlots = simple
        regexSlots = patterns.indices.filter { patterns[$0].simple == nil }
        let slots = Dictionary(uniqueKeysWithValues: patterns.enumerated().map { ($1.compiled.source, $0) })
        plan = rubric.rules.map { PlannedRule($0, matcher, patternSlot: { slots[$0] ?? -1 }) }
        attributionPlan = plan.compactMap { if case .attribution(let p) = $0 { p } else { nil } }
        cueTermTraits = matcher.allTerms.map(CueTermTraits.init(term:))
    }

    public func score(_ article: Article) -> ScoredArticle {
        let folded = FoldedText(article.text)
        let hits = matcher.hits(in: folded)
        var patternMatches = [[TextSpan]](filled: [], count: patterns.count)
        var warnings: [String] = [] // patterns that ran out of their budget (PatternBudget.swift)
        if !patterns.isEmpty {
            var exhausted: [Bool] = []
            for (slot, spans) in zip(simpleSlots, simplePatterns.matches(in: folded, exhausted: &exhausted)) { patternMatches[slot] = spans }
            for (slot, out) in zip(simpleSlots, exhausted) where out { warnings.append(PatternBudget.warning(patterns[slot].compiled.source)) }
            var foldedString: String?
            for slot in regexSlots {
                if foldedString == nil { foldedString = String(decoding: folded.bytes, as: UTF8.self) }
                let p = patterns[slot].compiled
                let (spans, out) = PatternBudget.run(p, on: foldedString!)
                patternMatches[slot] = spans
                if out { warnings.append(PatternBudget.warning(p.source)) }
            }
        }
        var paragraphs: [ScoredParagraph] = []
        paragraphs.reserveCapacity(article.paragraphs.count)
        // Attributions are counted by source type in the lanes of `sourcing.attributionLanes`
        // (by `SourceType.lane`): hashing the type for every finding cost more than counting it.
        var sourcing = Sourcing(claims: 0, claimsAttributed: 0, attributionLanes: SIMD4(), scareQuotes: 0)
        var articleTally = Scoring.Tally()
        var words = 0
        let shared = ArticleContext(article: article, folded: folded, hits: hits, allPatternMatches: patternMatches,
                                    cueTermTraits: cueTermTraits)
        var tokenBase = 0, ordinal = 0
        for paragraph in article.paragraphs {
            guard paragraph.kind.isScored else {
                paragraphs.append(ScoredParagraph(paragraph: paragraph, findings: [],
                                                  score: Scoring.score([], words: 0, settings: rubric.scoring), claims: 0, claimsAttributed: 0))
                continue
            }
            let ctx = ParagraphContext(shared, paragraph: paragraph, ordinal: ordinal, tokenBase: tokenBase)
            tokenBase += paragraph.tokens.count
            ordinal += 1
            // Every check appends to this one list (returning arrays to copy cost a retain and
            // a release of every string of every finding).
            // (Its room is made by the first finding: see `add`.)
            var findings: [Finding] = []
            // Attribution first: claims need to know which sentences carry one.
            for p in attributionPlan { AttributionCheck.run(p.rule, p.config, p.slots, ctx, into: &findings) }
            let attributions = 0..<findings.count
            var claims = 0, attributed = 0
            for planned in plan {
                switch planned {
                case .lexicon(let p): LexiconCheck.run(p.rule, p.config, p.slots, ctx, into: &findings)
                case .pattern(let p): PatternCheck.run(p.rule, p.config, p.slots, ctx, into: &findings)
                case .scareQuote(let p): ScareQuoteCheck.run(p.rule, p.config, ctx, into: &findings)
                case .claim(let p):
                    let r = ClaimCheck.run(p.rule, p.config, p.slots, ctx, attributions: attributions, into: &findings)
                    claims += r.claims
                    attributed += r.attributed
                case .attribution: break
                }
            }
            findings.sortByPositionAndRule()
            let words_ = paragraph.wordCount
            words += words_
            sourcing.claims += claims
            sourcing.claimsAttributed += attributed
            // One pass over the paragraph's findings for its tally, the article's (in the same
            // order as one list of all findings would add them) and the sourcing figures;
            // through a buffer, because `for f in findings` copied every finding.
            var tally = Scoring.Tally()
            findings.withUnsafeBufferPointer { found in
                for i in found.indices {
                    let f = found.baseAddress! + i
                    tally.add(f)
                    articleTally.add(f)
                    // Attributions inside quoted speech ("we were told") are the speaker's, not the article's sourcing.
                    if let t = f.pointee.sourceType, f.pointee.voice == .author { sourcing.attributionLanes[t.lane] += 1 }
                    if f.pointee.family == .scareQuote { sourcing.scareQuotes += 1 }
                }
            }
            paragraphs.append(ScoredParagraph(paragraph: paragraph, findings: findings,
                                              score: Scoring.score(tally, words: words_, settings: rubric.scoring),
                                              claims: claims, claimsAttributed: attributed))
        }
        let score = Scoring.score(articleTally, words: words, settings: rubric.scoring)
        return ScoredArticle(article: article, paragraphs: paragraphs, score: score, sourcing: sourcing, warnings: warnings)
    }
}
