import SlantText

/// One thing a rule found, pointing at exact text.
public struct Finding: Sendable, Hashable {
    public var rule: String
    public var family: Family
    /// Code-point offsets into the article text.
    public var span: TextSpan
    public var text: String
    /// The rule's message with `{match}`, `{term}`, `{source}` and `{source_type}` filled in.
    ///
    /// Filled when read, not when found: most findings are counted, never shown, and
    /// filling every template was 4 % of scoring.
    public var message: String {
        get {
            switch messageKind {
            case .fixed: return messageText
            case .template, .entryIsTerm:
                return MessageTemplate.fill(messageText, match: messageMatch ?? text, term: messageKind == .entryIsTerm ? entry : messageTerm,
                                            source: source, sourceType: sourceType)
            }
        }
        set {
            messageText = newValue
            messageKind = .fixed
            messageMatch = nil
            messageTerm = nil
        }
    }
    /// What the finding adds to its family's score (0 when it is only informative).
    public var weight: Double
    public var voice: Voice
    public var paragraph: Int
    /// The lexicon entry, pattern or claim signal that fired.
    public var entry: String? {
        // A message whose term was this entry keeps the term it was made with.
        didSet {
            if messageKind == .entryIsTerm {
                messageTerm = oldValue
                messageKind = .template
            }
        }
    }
    public var lexicon: String?
    /// For attributions: who is credited, and what kind of source that is.
    public var source: String?
    public var sourceType: SourceType?
    /// Where the credited source stands in the text, when it was found.
    public var sourceSpan: TextSpan?

    /// The message as held: the rule's template and what fills it, or the message itself.
    /// (Four fields rather than a fixed message and an optional template: each string a
    /// finding holds is a retain when it is made and a release when it goes, for every
    /// finding; and most findings' term is their entry, held once.)
    private var messageText: String
    private var messageMatch: String?
    private var messageTerm: String?
    private var messageKind: MessageKind

    private enum MessageKind: UInt8, Sendable {
        /// `messageText` is the message.
        case fixed
        /// `messageText` is a template; its term is `messageTerm`.
        case template
        /// `messageText` is a template; its term is `entry`.
        case entryIsTerm
    }

    /// Findings in the author's voice count towards the editorializing score.
    public var counts: Bool { voice == .author && weight != 0 }

    /// Equal when everything shown is equal, however the message is held.
    public static func == (a: Finding, b: Finding) -> Bool {
        a.rule == b.rule && a.family == b.family && a.span == b.span && a.text == b.text && a.weight == b.weight
            && a.voice == b.voice && a.paragraph == b.paragraph && a.entry == b.entry && a.lexicon == b.lexicon
            && a.source == b.source && a.sourceType == b.sourceType && a.sourceSpan == b.sourceSpan && a.message == b.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(span)
        hasher.combine(message)
    }
}

/// The initialisers live in an extension and hand over to the memberwise one: with an
/// initialiser written in the struct itself, every `findings.append(Finding(…))` built the
/// finding, copied it into the array (a retain of each of its strings) and destroyed the
/// original (a release of each): some 460 instructions a finding, 2 % of scoring.
extension Finding {
    /// A finding with its message as given.
    init(rule: String, family: Family, span: TextSpan, text: String, message: String, weight: Double, voice: Voice,
         paragraph: Int, entry: String? = nil, lexicon: String? = nil, source: String? = nil,
         sourceType: SourceType? = nil, sourceSpan: TextSpan? = nil) {
        self.init(rule: rule, family: family, span: span, text: text, weight: weight, voice: voice, paragraph: paragraph,
                  entry: entry, lexicon: lexicon, source: source, sourceType: sourceType, sourceSpan: sourceSpan,
                  messageText: message, messageMatch: nil, messageTerm: nil, messageKind: .fixed)
    }

    /// A finding whose message is the rule's `template`, filled when read with `match`
    /// (the finding's text when nil), `term` and the finding's source.
    init(rule: String, family: Family, span: TextSpan, text: String, template: String, match: String? = nil, term: String?,
         weight: Double, voice: Voice, paragraph: Int, entry: String? = nil, lexicon: String? = nil, source: String? = nil,
         sourceType: SourceType? = nil, sourceSpan: TextSpan? = nil) {
        self.init(rule: rule, family: family, span: span, text: text, weight: weight, voice: voice, paragraph: paragraph,
                  entry: entry, lexicon: lexicon, source: source, sourceType: sourceType, sourceSpan: sourceSpan,
                  messageText: template, messageMatch: match, messageTerm: term, messageKind: .template)
    }

    /// A finding whose message is the rule's `template`, with the finding's entry as its term.
    init(rule: String, family: Family, span: TextSpan, text: String, template: String, match: String? = nil,
         weight: Double, voice: Voice, paragraph: Int, entry: String?, lexicon: String? = nil, source: String? = nil,
         sourceType: SourceType? = nil, sourceSpan: TextSpan? = nil) {
        self.init(rule: rule, family: family, span: span, text: text, weight: weight, voice: voice, paragraph: paragraph,
                  entry: entry, lexicon: lexicon, source: source, sourceType: sourceType, sourceSpan: sourceSpan,
                  messageText: template, messageMatch: match, messageTerm: nil, messageKind: .entryIsTerm)
    }
}

/// A paragraph's findings and figures.
public struct ScoredParagraph: Sendable {
    public var paragraph: Paragraph
    public var findings: [Finding]
    public var score: Score
    /// Sentences with a checkable claim, and how many of them carry an attribution.
    public var claims: Int
    public var claimsAttributed: Int
    public var scored: Bool { paragraph.kind.isScored }
}

/// An article scored by one rubric.
public struct ScoredArticle: Sendable {
    public var article: Article
    public var paragraphs: [ScoredParagraph]
    public var score: Score
    public var sourcing: Sourcing
    /// Problems met while scoring that did not stop it (a rubric pattern that ran out
    /// of its matching budget); the CLI prints them as warnings.
    public var warnings: [String] = []

    public var findings: [Finding] { paragraphs.flatMap(\.findings) }
    public var flaggedParagraphs: [ScoredParagraph] { paragraphs.filter { $0.score.flagged } }
}

/// Per-family figures and the editorializing index, for a paragraph or a whole article.
///
/// The figures are kept one lane per family (in `Family.allCases` order) and shown as
/// dictionaries on demand: a Score is made for every paragraph, and building three
/// dictionaries each time was 4 % of all scoring.
public struct Score: Sendable, Equatable {
    /// Words the densities are computed over (scored paragraphs only).
    public var words: Int
    var countLanes: SIMD8<Int>
    var weightedLanes: SIMD8<Double>
    /// Lanes of families with at least one author-voice finding that carries weight.
    var weightedMask: SIMD8<Int>
    var densityLanes: SIMD8<Double>
    /// 0–100; see README "Scoring".
    public var editorializing: Double
    public var flagged: Bool

    /// Number of findings per family, author's voice and quoted alike (families with none are absent).
    public var counts: [Family: Int] { Self.dictionary(countLanes, keepingLane: { countLanes[$0] > 0 }) }
    /// Sum of author-voice finding weights per family (families with no such finding are absent).
    public var weighted: [Family: Double] { Self.dictionary(weightedLanes, keepingLane: { weightedMask[$0] != 0 }) }
    /// `weighted` per 100 words (the denominator never drops below the rubric's min_words); every family.
    public var density: [Family: Double] { Self.dictionary(densityLanes, keepingLane: { _ in true }) }

    /// The lanes of the families whose lane passes `keep`.
    private static func dictionary<T>(_ lanes: SIMD8<T>, keepingLane keep: (Int) -> Bool) -> [Family: T] {
        var out: [Family: T] = [:]
        for family in Family.allCases where keep(family.lane) { out[family] = lanes[family.lane] }
        return out
    }
}

/// How well the article sources its claims.
public struct Sourcing: Sendable, Equatable {
    public var claims: Int
    public var claimsAttributed: Int
    /// Attributions by source type (types with none are absent).
    ///
    /// Kept one lane per type (`SourceType.lane`) and made a dictionary when asked: the engine
    /// makes a Sourcing for every article, and hashing each type into a dictionary there
    /// cost more than counting the attributions.
    public var attributions: [SourceType: Int] {
        get {
            var out: [SourceType: Int] = [:]
            for type in SourceType.allCases where attributionLanes[type.lane] != 0 { out[type] = attributionLanes[type.lane] }
            return out
        }
        set {
            attributionLanes = SIMD4()
            for (type, count) in newValue { attributionLanes[type.lane] = count }
        }
    }
    /// Attributions by `SourceType.lane` (one lane for each of the four types; a fifth type
    /// needs a wider vector).
    var attributionLanes: SIMD4<Int>
    public var scareQuotes: Int

    public init(claims: Int, claimsAttributed: Int, attributions: [SourceType: Int], scareQuotes: Int) {
        self.init(claims: claims, claimsAttributed: claimsAttributed, attributionLanes: SIMD4(), scareQuotes: scareQuotes)
        self.attributions = attributions
    }

    init(claims: Int, claimsAttributed: Int, attributionLanes: SIMD4<Int>, scareQuotes: Int) {
        self.claims = claims
        self.claimsAttributed = claimsAttributed
        self.attributionLanes = attributionLanes
        self.scareQuotes = scareQuotes
    }

    /// Share of claim sentences that carry an attribution, or nil when there are none.
    public var attributedShare: Double? { claims == 0 ? nil : Double(claimsAttributed) / Double(claims) }
    public var totalAttributions: Int { attributionLanes.wrappedSum() }
    /// Share of attributions that are anonymous or agentless, or nil when there are none.
    public var unnamedShare: Double? {
        let total = totalAttributions
        return total == 0 ? nil
            : Double(attributionLanes[SourceType.anonymous.lane] + attributionLanes[SourceType.agentless.lane]) / Double(total)
    }
}

extension Array where Element == Finding {
    /// Appends a finding, making room for the usual few with the first one: most paragraphs
    /// have no finding, and room reserved for each paragraph was an allocation and a free
    /// for every one of those, while a list grown from empty reallocated three or four times.
    @inline(__always)
    mutating func add(_ finding: Finding) {
        if capacity == 0 { reserveCapacity(4) }
        append(finding)
    }

    /// Sorts the findings by position, then by rule, as one stable sort would, leaving them
    /// as they are when they already are in that order. Each check appends its findings in
    /// position order, so a paragraph whose findings come from one check (most of them) needs
    /// no sort, and sorting moved every finding (some 200 bytes each) around anyway.
    mutating func sortByPositionAndRule() {
        guard count > 1 else { return }
        let inOrder = withUnsafeBufferPointer { all -> Bool in
            let f = all.baseAddress!
            for i in 1..<all.count where Self.precedes(f + i, f + i - 1) { return false }
            return true
        }
        guard !inOrder else { return }
        sort { a, b in a.span != b.span ? a.span < b.span : a.rule < b.rule }
    }

    /// Whether the finding at `a` sorts before the one at `b` (by position, then rule), read
    /// in place.
    @inline(__always)
    private static func precedes(_ a: UnsafePointer<Finding>, _ b: UnsafePointer<Finding>) -> Bool {
        a.pointee.span != b.pointee.span ? a.pointee.span < b.pointee.span : a.pointee.rule < b.pointee.rule
    }

    /// Sorts the findings from `start` on by position, in place. (`self[start...].sort`
    /// went through the slice's setter, which copied every finding it sorted.)
    mutating func sortByPosition(from start: Int) {
        guard count - start > 1 else { return }
        withUnsafeMutableBufferPointer { all in
            var tail = UnsafeMutableBufferPointer(rebasing: all[start...])
            tail.sort { $0.span < $1.span }
        }
    }
}
