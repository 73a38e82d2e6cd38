import SlantText

/// `kind: lexicon` — every whole-word occurrence of a lexicon term.
enum LexiconCheck {

    /// Appends the findings to `findings` (checks append in place: returning arrays that
    /// the engine copied cost a retain and a release of every string of every finding).
    ///
    /// Inlined: most paragraphs hold no term of most lexicons, and that answer, asked in
    /// the engine's loop, spares the call and the retains and releases of its arguments.
    @inline(__always)
    static func run(_ rule: RuleHead, _ config: LexiconRule, _ slots: RuleSlots, _ ctx: ParagraphContext, into findings: inout [Finding]) {
        guard ctx.hitMask.intersects(slots.lexiconMask), ctx.hasHits(inSlots: slots.lexicons) else { return }
        gather(rule, config, slots, ctx, into: &findings)
    }

    static func gather(_ rule: RuleHead, _ config: LexiconRule, _ slots: RuleSlots, _ ctx: ParagraphContext, into findings: inout [Finding]) {
        var hits = ctx.shared.borrowHitList()
        defer { ctx.shared.giveBack(&hits) }
        ctx.longestHits(inSlots: slots.lexicons, into: &hits)
        for hit in hits {
            if config.skipNegated && isNegated(hit.span, ctx) { continue }
            if config.verbsOnly && !ReportingUse.isVerb(hit, ctx) { continue }
            let text = ctx.text(hit.span)
            let term = ctx.term(of: hit)
            findings.add(Finding(rule: rule.id, family: rule.family, span: hit.span, text: text,
                                    template: rule.message,
                                    weight: rule.weight * hit.weight, voice: ctx.voice(of: hit.span), paragraph: ctx.paragraph.index,
                                    entry: term, lexicon: ctx.lexiconID(of: hit)))
        }
    }

    /// Drops hits that lie inside a longer hit ("hunt" inside "witch hunt").
    static func longestFirst<Hits: Collection<LexiconHit>>(_ hits: Hits) -> [LexiconHit] {
        var kept = Array(hits)
        keepLongest(&kept)
        return kept
    }

    /// `longestFirst` in place: sorted by position (longest first at one start), then each
    /// hit overlapping the one kept before it replaces it when longer, else is dropped.
    /// In place, because a sorted copy and a list of those kept were two allocations for
    /// every paragraph with a hit.
    ///
    /// Hits already in that order (those of one lexicon mostly are) are not sorted: the sort
    /// is stable, so it would leave them as they are.
    static func keepLongest(_ hits: inout [LexiconHit]) {
        guard hits.count >= 2 else { return }
        let inOrder = hits.withUnsafeBufferPointer { h in
            for i in 1..<h.count where goesBefore(h[i], h[i - 1]) { return false }
            return true
        }
        if !inOrder { hits.sort(by: goesBefore) }
        let n = hits.count
        var kept = 0
        hits.withUnsafeMutableBufferPointer { a in
            for i in 0..<n {
                let hit = a[i]
                if kept > 0, a[kept - 1].span.overlaps(hit.span) {
                    if hit.span.length > a[kept - 1].span.length { a[kept - 1] = hit }
                    continue
                }
                a[kept] = hit
                kept += 1
            }
        }
        hits.removeLast(n - kept)
    }

    /// By position, the longest first at one start.
    @inline(__always)
    static func goesBefore(_ a: LexiconHit, _ b: LexiconHit) -> Bool {
        a.span.start != b.span.start ? a.span.start < b.span.start : a.span.length > b.span.length
    }

    /// A negation among the three words before the hit, in the same sentence.
    static func isNegated(_ span: TextSpan, _ ctx: ParagraphContext) -> Bool {
        let first = ctx.tokenIndex(atOrAfter: span.start)
        var k = first - 1, words = 0
        while k >= 0 && words < 3 {
            let tok = ctx.paragraph.tokens[k]
            if tok.kind == .punctuation { break }
            let w = ctx.word(k)
            if WordClass.negations.contains(w) || w.endsWith("n't") { return true }
            words += 1
            k -= 1
        }
        return false
    }
}

/// `kind: pattern` — regular expressions over each sentence's folded text.
enum PatternCheck {
    /// Appends the findings to `findings`, sorted by position among themselves.
    ///
    /// Inlined: most paragraphs have no match at all, and that answer, asked in the engine's
    /// loop, spares the call and the retains and releases of its arguments (two thirds of
    /// the engine's own reference counting).
    @inline(__always)
    static func run(_ rule: RuleHead, _ config: PatternRule, _ slots: RuleSlots, _ ctx: ParagraphContext, into findings: inout [Finding]) {
        guard ctx.matchMask.intersects(slots.patternMask),
              slots.patterns.contains(where: { ctx.hasMatches(ofSlot: $0, in: ctx.paragraph.span) }) else { return }
        gather(rule, config, slots, ctx, into: &findings)
    }

    static func gather(_ rule: RuleHead, _ config: PatternRule, _ slots: RuleSlots, _ ctx: ParagraphContext, into findings: inout [Finding]) {
        let patterns = slots.patterns
        let first = findings.count
        var taken: [TextSpan] = []
        for sentence in ctx.paragraph.sentences {
            taken.removeAll(keepingCapacity: true)
            for k in patterns.indices {
                // (Visited in place: a list of each pattern's matches in each sentence was an
                // allocation and a free every time.)
                ctx.forEachMatch(ofSlot: patterns[k], in: sentence.span) { span in
                    guard !taken.contains(where: { $0.overlaps(span) }) else { return true }
                    taken.append(span)
                    let text = ctx.text(span)
                    findings.add(Finding(rule: rule.id, family: rule.family, span: span, text: text,
                                         template: rule.message, term: nil, weight: rule.weight,
                                         voice: ctx.voice(of: span), paragraph: ctx.paragraph.index, entry: config.patterns[k].source))
                    return true
                }
            }
        }
        findings.sortByPosition(from: first)
    }
}
