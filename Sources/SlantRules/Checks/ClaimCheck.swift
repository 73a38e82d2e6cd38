import SlantText

/// `kind: claim` — sentences that assert something checkable (a figure, a cause, a
/// record, a certainty, a prediction) with no attribution in them or next to them.
enum ClaimCheck {
    struct Result {
        var claims: Int
        var attributed: Int
    }

    /// Appends the findings to `findings`, whose `attributions` range holds the
    /// paragraph's attributions; returns the claim counts.
    static func run(_ rule: RuleHead, _ config: ClaimRule, _ slots: RuleSlots, _ ctx: ParagraphContext,
                    attributions: Range<Int>, into findings: inout [Finding]) -> Result {
        var result = Result(claims: 0, attributed: 0)
        guard mayHaveSignal(slots, ctx) else { return result }
        let sentences = ctx.paragraph.sentences
        let signals = signalSpans(config, slots, ctx)
        guard !signals.isEmpty else { return result }
        // Which sentences carry a sourcing attribution, one flag per sentence.
        var attributedSentences = SentenceFlags()
        for k in attributions {
            if let allowed = config.sourcingLexicons, let lexicon = findings[k].lexicon, !lexicon.isEmpty, !allowed.contains(lexicon) { continue }
            if let i = ctx.sentenceIndex(of: findings[k].span.start) { attributedSentences.insert(i) }
        }
        for (i, sentence) in sentences.enumerated() {
            guard !isSpeech(sentence.span, ctx), !isQuestion(sentence.span, ctx) else { continue }
            guard let signal = firstSignal(config, signals, in: sentence.span) else { continue }
            result.claims += 1
            let window = max(0, i - config.window)...min(sentences.count - 1, i + config.window)
            if window.contains(where: { attributedSentences.contains($0) }) {
                result.attributed += 1
                continue
            }
            let text = ctx.text(sentence.span)
            let match = ctx.text(signal.span)
            findings.add(Finding(rule: rule.id, family: rule.family, span: sentence.span, text: text,
                                           template: rule.message, match: match, term: signal.name,
                                           weight: rule.weight, voice: .author, paragraph: ctx.paragraph.index,
                                           entry: "\(signal.name): \(match)"))
        }
        return result
    }

    /// Whether some signal may have an author-voice span in the paragraph: false when no
    /// signal lexicon has a hit and no signal pattern a match in it, or when the whole
    /// paragraph is quoted. Most paragraphs have no signal, and building the per-signal
    /// lists to find that out (with their allocations and releases) was most of this
    /// check's cost (8 of its 10.9M callgrind instructions on the bench).
    static func mayHaveSignal(_ slots: RuleSlots, _ ctx: ParagraphContext) -> Bool {
        guard ctx.paragraph.kind != .quoteBlock else { return false }
        return (ctx.hitMask.intersects(slots.signalMask) && ctx.hasHits(inSlots: slots.signals))
            || (ctx.matchMask.intersects(slots.patternMask) && slots.patterns.contains { ctx.hasMatches(ofSlot: $0, in: ctx.paragraph.span) })
    }

    /// Every signal's author-voice spans in the paragraph, signal by signal, each signal's
    /// in order, once per paragraph (asking per sentence sliced the article-wide lists again
    /// for every sentence). One list for all signals: a list per signal was an allocation
    /// and a free each.
    static func signalSpans(_ config: ClaimRule, _ slots: RuleSlots, _ ctx: ParagraphContext) -> [(signal: Int, span: TextSpan)] {
        var spans: [(signal: Int, span: TextSpan)] = []
        for k in config.signals.indices {
            if config.signals[k].lexicon != nil {
                for hit in ctx.hits(ofSlot: slots.signals[k]) where ctx.voice(of: hit.span) == .author { spans.append((k, hit.span)) }
            } else if config.signals[k].pattern != nil {
                ctx.forEachMatch(ofSlot: slots.patterns[k], in: ctx.paragraph.span) { span in
                    if ctx.voice(of: span) == .author { spans.append((k, span)) }
                    return true
                }
            }
        }
        return spans
    }

    /// The first claim signal in a sentence, by position: each signal's first span inside
    /// the sentence, the earliest of those (the lowest signal at a tie).
    static func firstSignal(_ config: ClaimRule, _ spans: [(signal: Int, span: TextSpan)], in span: TextSpan) -> (name: String, span: TextSpan)? {
        var best: (Int, TextSpan)?
        var seen = -1 // the signal whose first span inside is taken
        for (k, s) in spans where k != seen && span.contains(s) {
            seen = k
            if best == nil || s.start < best!.1.start { best = (k, s) }
        }
        return best.map { (name: config.signals[$0.0].name, span: $0.1) }
    }

    /// Mostly inside quoted speech: the speaker's claim, attributed by the quotation itself.
    static func isSpeech(_ span: TextSpan, _ ctx: ParagraphContext) -> Bool {
        if ctx.paragraph.kind == .quoteBlock { return true }
        var covered = 0
        ctx.forEachSpeech { quote, _ in
            if quote.overlaps(span) { covered += min(quote.end, span.end) - max(quote.start, span.start) }
            return true
        }
        return covered * 2 > span.length
    }

    /// Ends with a question mark, before any closing quotation marks or brackets.
    static func isQuestion(_ span: TextSpan, _ ctx: ParagraphContext) -> Bool {
        let tokens = ctx.paragraph.tokens
        var k = ctx.tokenIndex(atOrAfter: span.end) - 1
        while k >= 0 && tokens[k].span.start >= span.start {
            let t = ctx.text(tokens[k].span).unicodeScalars
            if t.contains("?") { return true }
            if tokens[k].kind != .punctuation || t.contains(".") || t.contains("!") { return false }
            k -= 1
        }
        return false
    }
}

/// A set of a paragraph's sentence numbers, as bits for the first 64. A `[Bool]` made with
/// `repeating:count:` went through the standard library's unspecialised allocation, which
/// looks up the array's type at run time: some 570 instructions for every paragraph with
/// a claim signal.
struct SentenceFlags {
    private var low: UInt64 = 0
    /// Sentences past the 64th, which only very long paragraphs have.
    private var rest: Set<Int> = []

    mutating func insert(_ i: Int) {
        if i >= 0 && i < 64 { low |= 1 << UInt64(i) } else { rest.insert(i) }
    }

    func contains(_ i: Int) -> Bool {
        i >= 0 && i < 64 ? low & (1 << UInt64(i)) != 0 : rest.contains(i)
    }
}
