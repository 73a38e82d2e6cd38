import Foundation
import SlantText

/// What the paragraphs of one article share, made once per article: each
/// ParagraphContext holds this one reference instead of copies of the article, its
/// folded text, its lexicon hits and pattern matches, whose retains and releases were
/// paid for every paragraph.
final class ArticleContext {
    let article: Article
    let folded: FoldedText
    /// Lexicon hits of the whole article (each paragraph has its range of them per slot).
    let lexiconHits: LexiconHits
    /// Pattern matches of the whole article by pattern slot (RuleSlots); each check asks
    /// for the few it needs, sliced to a sentence or paragraph on demand.
    let allPatternMatches: [[TextSpan]]
    /// The folded word of every token of every scored paragraph, in order (each paragraph
    /// reads from its `tokenBase`), and the words that could not be packed (Word.swift).
    /// One list per article: a list per paragraph cost an allocation each, as much as the
    /// packing itself.
    let packedTokens: [PackedWord]
    let otherTokens: [String]
    /// Indices in `packedTokens` of the tokens "that", "whether", "how" and "why", in order
    /// (noted while packing; see `FoldedText.pack`).
    let complementWords: [Int32]
    /// For each scored paragraph, the range of `complementWords` in it.
    let complementRanges: [HitRange]
    /// For each scored paragraph in order and each lexicon slot, the range of the slot's hits
    /// that start in the paragraph (`slotCount` ranges a paragraph): made in one list, as
    /// the packed words are.
    let hitRanges: [HitRange]
    let slotCount: Int
    /// For each scored paragraph, the lexicon slots with a hit starting in it and the
    /// pattern slots with a match inside it, as bits (`SlotMask`). A rule asks its masks
    /// first: most paragraphs hold nothing for most rules, and finding that out slot by
    /// slot, for every rule in every paragraph, was 1 % of scoring.
    let hitMasks: [SlotMask]
    let matchMasks: [SlotMask]
    /// Whether some hit runs past the end of the paragraph it starts in (only a piece of a
    /// very long paragraph can end inside a term, see LongParagraphs): when none does, a
    /// paragraph's hits need no second look.
    let someHitCrossesItsParagraph: Bool
    /// The word-class table, read from here (a stored property) rather than from its global,
    /// whose every read went through `swift_once`.
    let wordClasses = WordClassTable.shared
    /// `CueTermTraits` of every lexicon term, by `LexiconHit.termIndex` (made by the engine).
    let cueTermTraits: [CueTermTraits]

    /// A range of one slot's hits, in half the room of a `Range<Int>`: the list holds one for
    /// every slot of every paragraph, mostly empty, and is cleared when made.
    struct HitRange {
        var lower: UInt32 = 0, upper: UInt32 = 0
        var range: Range<Int> { Int(lower)..<Int(upper) }
        var isEmpty: Bool { lower == upper }
        var count: Int { Int(upper) - Int(lower) }
    }

    /// Hit lists handed back by the checks, kept with their room for the next paragraph.
    /// (Unchecked: the context belongs to one article on one thread, and the dynamic
    /// exclusivity checks of a class's stored variable cost more than the allocations saved.)
    @exclusivity(unchecked) private var spareHitLists: [[LexiconHit]] = []

    /// A list of hits for a check to fill with `ParagraphContext.longestHits(inSlots:_:into:)`
    /// (which empties it first: it may still hold an earlier paragraph's hits) and hand back
    /// with `giveBack(_:)`. Its room is what earlier paragraphs needed, so filling it seldom
    /// allocates.
    func borrowHitList() -> [LexiconHit] {
        spareHitLists.popLast() ?? []
    }

    /// Takes back a list from `borrowHitList()`, leaving the caller's variable empty (so the
    /// list is not shared when it is next borrowed and filled).
    func giveBack(_ list: inout [LexiconHit]) {
        var kept: [LexiconHit] = []
        swap(&kept, &list)
        spareHitLists.append(kept)
    }

    init(article: Article, folded: FoldedText, hits: LexiconHits, allPatternMatches: [[TextSpan]],
         cueTermTraits: [CueTermTraits] = []) {
        self.article = article
        self.cueTermTraits = cueTermTraits
        self.folded = folded
        lexiconHits = hits
        self.allPatternMatches = allPatternMatches
        var total = 0
        for paragraph in article.paragraphs where paragraph.kind.isScored { total += paragraph.tokens.count }
        var others: [String] = []
        var complements: [Int32] = []
        var complementRanges: [HitRange] = []
        complementRanges.reserveCapacity(article.paragraphs.count)
        packedTokens = [PackedWord](unsafeUninitializedCapacity: total) { out, initialized in
            var base = 0
            for paragraph in article.paragraphs where paragraph.kind.isScored {
                let n = paragraph.tokens.count
                let before = complements.count
                folded.pack(paragraph.tokens, into: UnsafeMutableBufferPointer(rebasing: out[base..<base + n]), others: &others,
                            complementWords: &complements, base: base)
                complementRanges.append(HitRange(lower: UInt32(before), upper: UInt32(complements.count)))
                base += n
            }
            initialized = total
        }
        otherTokens = others
        complementWords = complements
        self.complementRanges = complementRanges
        slotCount = hits.bySlot.count
        var spans: [TextSpan] = []
        spans.reserveCapacity(article.paragraphs.count)
        for paragraph in article.paragraphs where paragraph.kind.isScored { spans.append(paragraph.span) }
        (hitRanges, someHitCrossesItsParagraph, hitMasks) = Self.hitRanges(hits, of: spans)
        matchMasks = Self.matchMasks(allPatternMatches, of: spans)
    }

    /// For each scored paragraph, the hits of each slot that start inside it: paragraphs
    /// come in text order, so each slot's list is walked once per article, slot by slot
    /// (asking the lists paragraph by paragraph retained each list every time), hit by hit.
    /// (`spans` are the scored paragraphs' spans, in order.)
    static func hitRanges(_ hits: LexiconHits, of spans: [TextSpan]) -> (ranges: [HitRange], crossing: Bool, masks: [SlotMask]) {
        let slots = hits.bySlot.count
        var ranges = [HitRange](filled: HitRange(), count: slots * spans.count)
        var masks = [SlotMask](filled: SlotMask(), count: spans.count)
        var crossing = false
        ranges.withUnsafeMutableBufferPointer { ranges in
            spans.withUnsafeBufferPointer { spans in
                for (slot, list) in hits.bySlot.enumerated() {
                    // Hit by hit: most paragraphs hold no hit of most slots, and keep the empty range.
                    var ordinal = 0, i = 0
                    while i < list.count {
                        let start = list[i].span.start
                        while ordinal < spans.count && spans[ordinal].end <= start { ordinal += 1 }
                        guard ordinal < spans.count else { break }
                        let span = spans[ordinal]
                        if start < span.start { i += 1; continue } // between scored paragraphs
                        var j = i // list[i] starts inside `span` too
                        while j < list.count && list[j].span.start < span.end {
                            if list[j].span.end > span.end { crossing = true }
                            j += 1
                        }
                        ranges[ordinal * slots + slot] = HitRange(lower: UInt32(i), upper: UInt32(j))
                        masks[ordinal].insert(slot)
                        i = j
                    }
                }
            }
        }
        return (ranges, crossing, masks)
    }

    /// For each scored paragraph, the pattern slots with a match inside it (as
    /// `ParagraphContext.hasMatches(ofSlot:in:)` answers for the paragraph's span).
    static func matchMasks(_ matches: [[TextSpan]], of spans: [TextSpan]) -> [SlotMask] {
        var masks = [SlotMask](filled: SlotMask(), count: spans.count)
        for (slot, list) in matches.enumerated() where !list.isEmpty {
            // Both lists are in text order: one walk of the paragraphs per slot.
            var ordinal = 0
            for match in list {
                while ordinal < spans.count && spans[ordinal].end <= match.start { ordinal += 1 }
                guard ordinal < spans.count else { break }
                if match.start >= spans[ordinal].start && match.end <= spans[ordinal].end { masks[ordinal].insert(slot) }
            }
        }
        return masks
    }
}

/// What every check needs to know about one paragraph: its text, its lexicon hits,
/// and whose voice each stretch of it is in.
///
/// A struct: the checks borrow it (no copy is made when it is passed), and as a class it
/// was an allocation and a free for every paragraph (1 % of scoring).
struct ParagraphContext {
    let shared: ArticleContext
    let paragraph: Paragraph
    /// Where this paragraph's hit ranges start in `shared.hitRanges`.
    let rangeBase: Int
    /// The lexicon slots with a hit in this paragraph, and the pattern slots with a match
    /// in it (see `ArticleContext.hitMasks`).
    let hitMask: SlotMask
    let matchMask: SlotMask

    /// `paragraph` is the article's scored paragraph number `ordinal` (counting scored
    /// paragraphs only), whose tokens start at `tokenBase` in the article's packed words.
    init(_ shared: ArticleContext, paragraph: Paragraph, ordinal: Int, tokenBase: Int) {
        self.shared = shared
        self.paragraph = paragraph
        rangeBase = ordinal * shared.slotCount
        complementWordRange = shared.complementRanges[ordinal].range
        hitMask = shared.hitMasks[ordinal]
        matchMask = shared.matchMasks[ordinal]
        self.tokenBase = tokenBase
    }

    /// Where this paragraph's tokens start in `shared.packedTokens`. The folded word of
    /// every token is made once: the checks ask about the same few tokens again and again,
    /// and each lookup would map offsets and build a string.
    let tokenBase: Int

    /// The entries of `shared.complementWords` that fall in this paragraph (noted while
    /// packing: most paragraphs have none, and finding that out cost two binary searches
    /// and a call for each).
    let complementWordRange: Range<Int>

    /// This paragraph's packed words (`word(i)` reads one), for scans over all of them.
    var packedTokens: ArraySlice<PackedWord> {
        shared.packedTokens[tokenBase..<tokenBase + paragraph.tokens.count]
    }

    /// Hits of one lexicon inside this paragraph, sorted by position (none for slot -1).
    func hits(ofSlot slot: Int) -> ArraySlice<LexiconHit> {
        // Most paragraphs hold no hit of most lexicons: answering that from the range alone
        // spares slicing the slot's list, with its retain and release.
        guard slot >= 0 && slot < shared.slotCount else { return [] }
        let range = shared.hitRanges[rangeBase + slot]
        guard !range.isEmpty else { return [] }
        let slice = shared.lexiconHits.bySlot[slot][range.range]
        // A hit may run past the end of a piece of a very long paragraph (LongParagraphs).
        guard shared.someHitCrossesItsParagraph, slice.contains(where: { $0.span.end > paragraph.span.end }) else { return slice }
        return ArraySlice(slice.filter { $0.span.end <= paragraph.span.end })
    }

    /// Whether this lexicon has a hit starting in this paragraph (none for slot -1).
    @inline(__always)
    func hasHits(inSlot slot: Int) -> Bool {
        slot >= 0 && slot < shared.slotCount && !shared.hitRanges[rangeBase + slot].isEmpty
    }

    /// Whether any of these lexicons has a hit starting in this paragraph.
    func hasHits(inSlots slots: [Int]) -> Bool {
        slots.contains(where: hasHits(inSlot:))
    }

    /// Hits of several lexicons, in position order, with those inside a longer hit dropped
    /// (`LexiconCheck.keepLongest`), gathered into `all`, which is emptied first and keeps
    /// its room: the checks fill lists borrowed from the article
    /// (`ArticleContext.borrowHitList`), where a new list for every rule in every paragraph
    /// was an allocation and a free each time.
    func longestHits(inSlots slots: [Int], _ more: [Int] = [], into all: inout [LexiconHit]) {
        // (Emptied one hit at a time, keeping the room: lists hold a few hits, and
        // `removeAll(keepingCapacity:)` went through the general `replaceSubrange`, a hundred
        // instructions a call.)
        while all.popLast() != nil {}
        var total = 0
        // Most slots have no hit in a paragraph: appending their empty slices cost more than the rest.
        for slot in slots where hasHits(inSlot: slot) { total += shared.hitRanges[rangeBase + slot].count }
        for slot in more where hasHits(inSlot: slot) { total += shared.hitRanges[rangeBase + slot].count }
        guard total > 0 else { return }
        all.reserveCapacity(total)
        for slot in slots where hasHits(inSlot: slot) { appendHits(ofSlot: slot, to: &all) }
        for slot in more where hasHits(inSlot: slot) { appendHits(ofSlot: slot, to: &all) }
        LexiconCheck.keepLongest(&all)
    }

    /// Appends `hits(ofSlot:)` to `all`, whose room is reserved: read in place from the
    /// article's list, hit by hit (slicing the list and appending the slice cost a retain,
    /// a release and the general append path, some 180 instructions, for a hit or two).
    @inline(__always)
    private func appendHits(ofSlot slot: Int, to all: inout [LexiconHit]) {
        guard !shared.someHitCrossesItsParagraph else {
            all += hits(ofSlot: slot)
            return
        }
        let range = shared.hitRanges[rangeBase + slot]
        shared.lexiconHits.bySlot[slot].withUnsafeBufferPointer { list in
            for i in range.range { all.append(list[i]) }
        }
    }

    /// The term of a hit: its lexicon term, or for a cue found by grammar its folded text.
    func term(of hit: LexiconHit) -> String { shared.lexiconHits.term(of: hit) ?? foldedText(hit.span) }

    /// The traits of a hit's term: the engine's note for a lexicon term, worked out from the
    /// folded text for a cue found by grammar (whose term that text is).
    func cueTraits(of hit: LexiconHit) -> CueTermTraits {
        let all = shared.cueTermTraits
        if hit.termIndex >= 0 && hit.termIndex < all.count { return all[hit.termIndex] }
        return CueTermTraits(term: term(of: hit))
    }

    /// The lexicon id of a hit, or nil for a cue found by grammar.
    func lexiconID(of hit: LexiconHit) -> String? { shared.lexiconHits.lexiconID(of: hit) }

    /// Index of the first of `count` items sorted by start whose start is at or after
    /// `offset` (a binary search; `start(i)` is the start of item `i`).
    ///
    /// Wrapping arithmetic (0 ≤ lo ≤ mid < hi ≤ count, so nothing can overflow): the checked
    /// sum, signed halving and bounds test took twice the instructions of each step, and
    /// the checks run this search several times for every cue.
    @inline(__always)
    static func firstIndex(atOrAfter offset: Int, count: Int, start: (Int) -> Int) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = Int(bitPattern: UInt(bitPattern: lo &+ hi) &>> 1)
            if start(mid) < offset { lo = mid &+ 1 } else { hi = mid }
        }
        return lo
    }

    /// Whether a quotation holds speech: reported ones and long stand-alone ones do (short
    /// stand-alone quotations are the author's scare quotes).
    @inline(__always)
    static func holdsSpeech(_ quote: UnsafePointer<Quote>) -> Bool {
        quote.pointee.reported || quote.pointee.words >= 5
    }

    /// Calls `body` with the whole span and the inner span of each quotation that holds
    /// speech, in order, until it returns false. (Read in place: a list of them filtered for
    /// every paragraph was an allocation wherever there was one, and each quotation read
    /// was a copy of its marks.)
    @inline(__always)
    func forEachSpeech(_ body: (_ span: TextSpan, _ inner: TextSpan) -> Bool) {
        paragraph.quotes.withUnsafeBufferPointer { quotes in
            guard let base = quotes.baseAddress else { return }
            for i in 0..<quotes.count where Self.holdsSpeech(base + i) {
                if !body(base[i].span, base[i].inner) { return }
            }
        }
    }

    func voice(of span: TextSpan) -> Voice {
        if paragraph.kind == .quoteBlock { return .quoted }
        var quoted = false
        forEachSpeech { _, inner in
            quoted = inner.contains(span)
            return !quoted
        }
        return quoted ? .quoted : .author
    }

    func text(_ span: TextSpan) -> String { shared.article.text(in: span) }

    /// The folded text of a span (lower case, straight quotes), for patterns and word lists.
    func foldedText(_ span: TextSpan) -> String {
        let folded = shared.folded
        let lo = folded.byteOffset(ofScalar: span.start), hi = folded.byteOffset(ofScalar: span.end)
        return String(decoding: folded.bytes[lo..<hi], as: UTF8.self)
    }

    func sentenceIndex(of offset: Int) -> Int? {
        paragraph.sentences.firstIndex { $0.span.contains(offset) }
    }

    /// The span of the sentence holding `offset`, or nil when none does.
    func sentenceSpan(containing offset: Int) -> TextSpan? {
        sentenceIndex(of: offset).map { paragraph.sentences[$0].span }
    }

    /// Index of the first token starting at or after `offset`.
    func tokenIndex(atOrAfter offset: Int) -> Int {
        paragraph.tokens.withUnsafeBufferPointer { tokens in
            Self.firstIndex(atOrAfter: offset, count: tokens.count) { tokens[$0].span.start }
        }
    }

    /// The folded word of token `i`.
    @inline(__always)
    func word(_ i: Int) -> Word {
        precondition(i >= 0 && i < paragraph.tokens.count)
        return Word(entry: shared.packedTokens[tokenBase + i], others: shared.otherTokens)
    }

    /// The classes (WordClass) of token `i`'s folded word, without making its `Word`.
    @inline(__always)
    func classes(_ i: Int) -> WordClass {
        precondition(i >= 0 && i < paragraph.tokens.count)
        let p = shared.packedTokens[tokenBase + i]
        if p.hi == 0 && p.lo != 0 { return WordClassTable.classes(ofUnpacked: shared.otherTokens[Int(p.lo) - 1]) }
        return WordClass(rawValue: shared.wordClasses.bits(of: p))
    }

    /// The folded text of token `i` (a string: for cold paths; hot ones ask `word(i)`).
    func foldedToken(_ i: Int) -> String { word(i).text }

    /// Whether token `i` starts with an upper-case letter (noted by the tokenizer).
    func isCapitalised(_ i: Int) -> Bool { paragraph.tokens[i].isCapitalised }

    /// The tokens inside `span`, as an index range (tokens are sorted and disjoint).
    func tokenRange(inside span: TextSpan) -> Range<Int> {
        let lo = tokenIndex(atOrAfter: span.start)
        var hi = lo
        let tokens = paragraph.tokens
        while hi < tokens.count && tokens[hi].span.end <= span.end { hi += 1 }
        return lo..<hi
    }

    /// Whether a pattern matched anywhere inside `span`.
    func hasMatches(ofSlot slot: Int, in span: TextSpan) -> Bool {
        var any = false
        forEachMatch(ofSlot: slot, in: span) { _ in any = true; return false }
        return any
    }

    /// Visits the matches inside `span` in order until `visit` returns false.
    @inline(__always)
    func forEachMatch(ofSlot slot: Int, in span: TextSpan, _ visit: (TextSpan) -> Bool) {
        guard slot >= 0 && slot < shared.allPatternMatches.count else { return }
        let list = shared.allPatternMatches[slot]
        var i = list.withUnsafeBufferPointer { list in Self.firstIndex(atOrAfter: span.start, count: list.count) { list[$0].start } }
        while i < list.count && list[i].start < span.end {
            if list[i].end <= span.end && !visit(list[i]) { return }
            i += 1
        }
    }
}

/// A set of lexicon or pattern slots as bits, for slots below 64; a slot beyond that sets
/// every bit. So a mask only ever rules slots out: when a paragraph's mask and a rule's
/// share no bit, none of the rule's slots has anything in the paragraph; when they do,
/// the rule asks slot by slot.
struct SlotMask: Sendable {
    var bits: UInt64 = 0

    init() {}

    /// The mask of `slots` (slot -1, a lexicon or pattern the engine does not have, is none).
    init(_ slots: [Int]) {
        for slot in slots { insert(slot) }
    }

    @inline(__always)
    mutating func insert(_ slot: Int) {
        guard slot >= 0 else { return }
        bits |= slot < 64 ? 1 << UInt64(slot) : ~0
    }

    @inline(__always)
    func intersects(_ other: SlotMask) -> Bool { bits & other.bits != 0 }
}
