import SlantText

/// `kind: attribution` — finds who is credited with what, and what kind of source it is.
///
/// A reporting cue ("said", "according to", "told") is anchored by the lexicons; the
/// source is the phrase next to it: the subject before the verb ("Officials said"),
/// after it when inverted ("…,” said Dana Whitlock), or the object of "according
/// to". The source is then classified by the anonymous and outlet lexicons, by
/// capitalised names and by pronouns. Vague phrases with no agent at all
/// ("reportedly", "it is believed") come from the agentless lexicon.
enum AttributionCheck {
    // (The word lists it asks about the words around a cue are classes in WordClass.swift.)

    /// The switches of an `AttributionRule` that the check reads (its lexicons are in
    /// `RuleSlots`): handed the whole rule, the engine copied its lists and weights, with a
    /// retain and release of each, for every paragraph.
    struct Options: Sendable {
        let complementCues: Bool
        let speakerColon: Bool
        let quotePunctuation: Bool

        init(_ rule: AttributionRule) {
            complementCues = rule.complementCues
            speakerColon = rule.speakerColon
            quotePunctuation = rule.quotePunctuation
        }
    }

    /// Appends the findings to `findings`, sorted by position among themselves.
    static func run(_ rule: RuleHead, _ config: Options, _ slots: RuleSlots, _ ctx: ParagraphContext, into findings: inout [Finding]) {
        let start = findings.count
        // (Each lexicon's hits asked only when its mask says the paragraph has some: most
        // paragraphs have no cue, and making the empty lists and slices cost more than the
        // rest of the check in them.)
        let agentless = ctx.hitMask.intersects(slots.agentlessMask) ? LexiconCheck.longestFirst(ctx.hits(ofSlot: slots.agentless)) : []
        for hit in agentless {
            findings.add(make(rule, slots, ctx, cue: hit.span, entry: ctx.term(of: hit), lexicon: ctx.lexiconID(of: hit), source: nil, type: .agentless))
        }
        // Only cues used as reporting verbs; "a report by the firm" is part of a source, not a cue.
        let lexicalCues = ctx.hitMask.intersects(slots.cueMask)
        var cues = lexicalCues ? ctx.shared.borrowHitList() : []
        defer { if lexicalCues { ctx.shared.giveBack(&cues) } }
        if lexicalCues {
            ctx.longestHits(inSlots: slots.cues, slots.dualUseCues, into: &cues)
            cues.removeAll { cue in
                agentless.contains(where: { $0.span.overlaps(cue.span) })
                    || !isReportingUse(cue, ctx, strict: slots.dualUseCues.contains(cue.slot))
            }
        }
        if config.complementCues && !ctx.complementWordRange.isEmpty {
            // (Asked in place: the lists of spans taken, built for every paragraph, cost more.)
            let extra = complementCues(ctx)
            if !extra.isEmpty {
                let lexical = cues.count
                for c in extra where !cues[..<lexical].contains(where: { $0.span.overlaps(c.span) })
                    && !agentless.contains(where: { $0.span.overlaps(c.span) }) {
                    cues.append(c)
                }
                cues.sort { $0.span < $1.span }
            }
        }
        let anonymous = ctx.hitMask.intersects(slots.anonymousMask) ? ctx.hits(ofSlot: slots.anonymous) : []
        let outlets = ctx.hitMask.intersects(slots.outletMask) ? ctx.hits(ofSlot: slots.outlet) : []
        for cue in cues {
            var source = findSource(for: cue, ctx, cues: cues)
            if let s = source, isRelativeOnly(s, ctx), !opensSentence(s, ctx) {
                // "Mr. Kamin, who emphasized …", "a study that found …": the relative pronoun
                // stands for the phrase before it. With none ("which tells you"), skip.
                // ("That worries …", "This shows …" open a sentence and are subjects.)
                let after = ctx.tokenIndex(atOrAfter: cue.span.end)
                if after < ctx.paragraph.tokens.count, WordClass.readerObjects.contains(ctx.word(after)) { continue }
                guard let antecedent = antecedent(ofRelative: s, ctx) else { continue }
                source = antecedent
            }
            let type = classify(source, ctx, anonymous: anonymous, outlets: outlets)
            findings.add(make(rule, slots, ctx, cue: cue.span, entry: ctx.term(of: cue), lexicon: ctx.lexiconID(of: cue),
                                 source: source.map(ctx.text), type: type, sourceSpan: source))
        }
        // Nouns of speech and stance credit their possessor: "Trump's claim", "her plan".
        if ctx.hitMask.intersects(slots.nominalMask) {
            var nominal = ctx.shared.borrowHitList()
            defer { ctx.shared.giveBack(&nominal) }
            ctx.longestHits(inSlots: slots.nominalCues, into: &nominal)
            for hit in nominal
            where !cues.contains(where: { $0.span.overlaps(hit.span) }) && !agentless.contains(where: { $0.span.overlaps(hit.span) }) {
                // The noun must introduce what is credited: "Trump's claim that …", "her plan to …",
                // "his remarks about …" — not "his proposals were costed".
                let after = ctx.tokenIndex(atOrAfter: hit.span.end)
                guard after < ctx.paragraph.tokens.count, WordClass.nominalComplements.contains(ctx.word(after)) else { continue }
                let owner = possessor(of: hit, ctx)
                // Without an owner, only a noun that introduces a clause or a topic attributes,
                // to nobody: "growing concerns that …", "questions about …".
                if owner == nil {
                    let next = ctx.word(after)
                    guard next == "about" || (next == "that" && startsClause(at: after + 1, ctx)) else { continue }
                    let first = ctx.tokenIndex(atOrAfter: hit.span.start)
                    if first > 0, WordClass.demonstratives.contains(ctx.word(first - 1)) && next == "that" { continue }
                    // "said in an emailed statement that …": the noun is the channel of a cue just before it.
                    let window = ctx.paragraph.tokens[max(0, first - 5)..<first].first?.span.start ?? hit.span.start
                    if cues.contains(where: { $0.span.end <= hit.span.start && $0.span.end >= window }) { continue }
                }
                let type = classify(owner, ctx, anonymous: anonymous, outlets: outlets)
                findings.add(make(rule, slots, ctx, cue: hit.span, entry: ctx.term(of: hit), lexicon: ctx.lexiconID(of: hit),
                                     source: owner.map(ctx.text), type: type, sourceSpan: owner))
            }
        }
        var colonTaken: TextSpan?
        if config.speakerColon, let colon = speakerColon(ctx) {
            findings.add(make(rule, slots, ctx, cue: colon.cue, entry: ":", lexicon: nil, source: ctx.text(colon.speaker), type: .named,
                                 sourceSpan: colon.speaker))
            colonTaken = colon.cue
        }
        if config.quotePunctuation && !ctx.paragraph.quotes.isEmpty {
            for credit in quoteCredits(ctx, cues: cues) where credit.cue != colonTaken {
                let type = classify(credit.source, ctx, anonymous: anonymous, outlets: outlets)
                let mark = ctx.text(credit.cue)
                findings.add(make(rule, slots, ctx, cue: credit.cue, entry: mark, lexicon: nil,
                                     source: ctx.text(credit.source), type: type, sourceSpan: credit.source))
            }
        }
        findings.sortByPosition(from: start)
    }

    /// Whether the span's folded text is in `relativeOnly`. Most sources are longer than
    /// any word of the list, and a longer span cannot equal one (folding keeps the count of
    /// code points, and no longer sequence is canonically equivalent to an ASCII word), so
    /// only short ones build their folded string: building it for every source cost more
    /// than finding the source.
    static func isRelativeOnly(_ span: TextSpan, _ ctx: ParagraphContext) -> Bool {
        span.length <= relativeOnlyLongest && relativeOnly.contains(ctx.foldedText(span))
    }

    static func opensSentence(_ span: TextSpan, _ ctx: ParagraphContext) -> Bool {
        ctx.paragraph.sentences.contains { $0.span.start == span.start }
    }

    /// The antecedent of a relative pronoun source: "Mr. Kamin, who …" → "Mr. Kamin".
    static func antecedent(ofRelative rel: TextSpan, _ ctx: ParagraphContext) -> TextSpan? {
        let tokens = ctx.paragraph.tokens
        let word = ctx.foldedText(rel)
        guard word == "who" || word == "which" || word == "that" else { return nil }
        var k = ctx.tokenIndex(atOrAfter: rel.start) - 1
        if k >= 0 && (ctx.word(k) == "," || WordClass.dashes.contains(ctx.text(tokens[k].span))) { k -= 1 }
        guard k >= 0, tokens[k].kind == .word else { return nil }
        let sentence = ctx.sentenceSpan(containing: rel.start) ?? ctx.paragraph.span
        let lowest = ctx.tokenIndex(atOrAfter: sentence.start)
        let span = trimmed(phrase(backwardFrom: k, ctx, lowest: lowest, stops: []), ctx)
        // "… the way she did, that she was …": a phrase of function words is no antecedent.
        guard let span, !relativeOnly.contains(ctx.foldedText(span)), !WordClass.pronouns.contains(ctx.foldedText(span)) || word == "who" else { return nil }
        return span
    }


    /// Whether token `k` can open a finite clause ("that he", "that the", "that Trump"),
    /// as opposed to "that year", "that money".
    static func startsClause(at k: Int, _ ctx: ParagraphContext) -> Bool {
        let tokens = ctx.paragraph.tokens
        guard k < tokens.count, tokens[k].isWordLike else { return false }
        return tokens[k].kind == .number || WordClass.clauseStarts.contains(ctx.word(k)) || ctx.isCapitalised(k)
    }


    /// Verbs and participles that take a clause — "the court ruled that the …", "were
    /// frustrated that the …", "wondered whether …" — are verbs of saying, knowing or
    /// feeling whatever their lexicon: the clause is what their subject holds.
    static func complementCues(_ ctx: ParagraphContext) -> [LexiconHit] {
        let tokens = ctx.paragraph.tokens
        var out: [LexiconHit] = []
        // The word after first: the packing noted every "that", "whether", "how" and "why"
        // (ArticleContext.complementWords), so only those tokens are visited.
        let that = Word.pack("that")
        let candidates = ctx.complementWordRange
        guard !candidates.isEmpty else { return out }
        ctx.shared.complementWords.withUnsafeBufferPointer { list in
            for c in candidates {
                let j = Int(list[c]) - ctx.tokenBase
                guard j > 0 else { continue }
                let p = ctx.shared.packedTokens[ctx.tokenBase + j]
                let k = j - 1
                guard tokens[k].kind == .word, tokens[j].kind == .word else { continue }
                let w = ctx.word(k)
                guard (w.endsWith("ed") && w.scalarCount >= 5 && !WordClass.notVerbsInEd.contains(w)) || WordClass.complementIrregulars.contains(w) else { continue }
                if k > 0, WordClass.articles.contains(ctx.word(k - 1)) { continue }
                guard p != that || startsClause(at: j + 1, ctx) else { continue }
                out.append(LexiconHit(slot: -1, termIndex: -1, weight: 0, span: tokens[k].span))
            }
        }
        return out
    }


    /// The owner of a noun cue: "his" in "his earlier claim", "Hillary Clinton" in "Hillary
    /// Clinton's tax plan" (up to two words may stand between owner and noun).
    static func possessor(of hit: LexiconHit, _ ctx: ParagraphContext) -> TextSpan? {
        let tokens = ctx.paragraph.tokens
        let first = ctx.tokenIndex(atOrAfter: hit.span.start)
        var k = first - 1, between = 0
        while k >= 0 && tokens[k].kind == .word && between <= 2 {
            let w = ctx.word(k)
            let classes = w.classes
            if classes.contains(.possessivePronouns) { return tokens[k].span }
            if (w.endsWith("'s") && !classes.contains(.contractions)) || (w.endsWith("s'") && w.scalarCount > 2) {
                let cut = w.endsWith("'s") ? 2 : 1
                var start = k
                // "Hillary Clinton's": take the capitalised words before the possessive.
                while start > 0 && tokens[start - 1].kind == .word && ctx.isCapitalised(start - 1) && k - start < 4 { start -= 1 }
                let end = tokens[k].span.end - cut
                guard end > tokens[start].span.start else { return nil }
                return TextSpan(start: tokens[start].span.start, end: end)
            }
            if !classes.isDisjoint(with: [.determiners, .auxiliaries, .stopWords]) { return nil }
            k -= 1; between += 1
        }
        return nil
    }


    /// Whether a folded token is one of `dashes`. The list holds non-ASCII words, so it
    /// cannot answer packed words itself (it would build a string and hash it, for every
    /// punctuation mark); the ASCII dashes are compared here and only the others asked.
    static func isDash(_ mark: Word) -> Bool {
        if let other = mark.other { return WordClass.dashes.contains(other) }
        return mark == "-" || mark == "--"
    }

    /// Punctuation that credits a quotation: a colon or dash that introduces it ("Warren
    /// to Stumpf: ‘You should…’", "Romney -- ''It is…''"), and a dash after it that names
    /// the speaker (“…” ― Sonya Herridge).
    static func quoteCredits(_ ctx: ParagraphContext, cues: [LexiconHit]) -> [(cue: TextSpan, source: TextSpan)] {
        let tokens = ctx.paragraph.tokens
        // The top-level quotations, asked in place (a filtered copy was an allocation for
        // every paragraph with a quotation).
        let quotes = ctx.paragraph.quotes
        guard quotes.contains(where: { $0.depth == 0 }) else { return [] }
        var out: [(cue: TextSpan, source: TextSpan)] = []
        for (i, tok) in tokens.enumerated() where tok.kind == .punctuation {
            let mark = ctx.word(i)
            let isDash = isDash(mark)
            guard isDash || mark == ":" else { continue }
            // Introduces a quotation of two or more words: nothing but quotation marks between.
            if let q = quotes.first(where: { $0.depth == 0 && $0.span.start >= tok.span.end }), q.words >= 2,
               !tokens[(i + 1)...].prefix(while: { $0.span.start < q.span.start }).contains(where: { $0.kind != .punctuation }) {
                // "said:", "added in a telephone interview:" are already credited by their verb.
                let sentence = ctx.sentenceSpan(containing: tok.span.start) ?? ctx.paragraph.span
                if cues.contains(where: { $0.span.start >= sentence.start && $0.span.end <= tok.span.start }) { continue }
                let lowest = ctx.tokenIndex(atOrAfter: sentence.start)
                if i > 0, let source = trimmed(phrase(backwardFrom: i - 1, ctx, lowest: lowest, stops: []), ctx) {
                    out.append((tok.span, source))
                }
                continue
            }
            // Follows a quotation and names its speaker: “…” ― Jane Doe.
            guard isDash, i > 0, quotes.contains(where: { $0.depth == 0 && $0.isClosed && $0.span.end == tokens[i - 1].span.end }),
                  i + 1 < tokens.count, tokens[i + 1].kind == .word, ctx.isCapitalised(i + 1) else { continue }
            var k = i + 1
            while k + 1 < tokens.count && k - i < 5 && tokens[k + 1].kind == .word && ctx.isCapitalised(k + 1) { k += 1 }
            out.append((tok.span, TextSpan(start: tokens[i + 1].span.start, end: tokens[k].span.end)))
        }
        return out
    }

    /// "PENCE: Well, look…", "Pat Caddell: Voters are worried": a paragraph that opens
    /// with a capitalised name and a colon hands the rest to that speaker.
    static func speakerColon(_ ctx: ParagraphContext) -> (speaker: TextSpan, cue: TextSpan)? {
        let tokens = ctx.paragraph.tokens
        var k = 0
        // Skip an opening quotation mark.
        if k < tokens.count, tokens[k].kind == .punctuation, ctx.word(k) != ":" { k += 1 }
        let start = k
        while k < tokens.count && k - start < 4 && tokens[k].kind == .word { k += 1 }
        // The colon first: capitalisation is dearer to ask, and most paragraphs have no colon there.
        guard k > start, k < tokens.count - 1, ctx.word(k) == ":" else { return nil }
        guard (start..<k).allSatisfy({ ctx.isCapitalised($0) }) else { return nil }
        return (TextSpan(start: tokens[start].span.start, end: tokens[k - 1].span.end), tokens[k].span)
    }

    static func make(_ rule: RuleHead, _ slots: RuleSlots, _ ctx: ParagraphContext, cue: TextSpan, entry: String, lexicon: String?,
                     source: String?, type: SourceType, sourceSpan: TextSpan? = nil) -> Finding {
        let text = ctx.text(cue)
        return Finding(rule: rule.id, family: rule.family, span: cue, text: text,
                       template: rule.message,
                       weight: rule.weight * slots.weight(of: type), voice: ctx.voice(of: cue), paragraph: ctx.paragraph.index,
                       entry: entry, lexicon: lexicon, source: source, sourceType: type, sourceSpan: sourceSpan)
    }

    static let relativeOnlyWords = ["which", "that", "who", "this", "what"]
    static let relativeOnly = WordList(Set(relativeOnlyWords))
    /// The longest of `relativeOnly`, in code points (see `isRelativeOnly`).
    static let relativeOnlyLongest = relativeOnlyWords.map(\.unicodeScalars.count).max() ?? 0

    /// Whether a cue word is used to attribute here. Stricter than `ReportingUse.isVerb`
    /// about nouns ("the plan", "Trump's claims"), looser about what may follow a verb of
    /// speech or stance: "said of Clinton", "spoke about", "warned against", "was accused
    /// of", "would reveal". With `strict` (verbs that are also common nouns), the base and
    /// -s forms need a subject or auxiliary right before them: "voters support", "she plans
    /// to", not "tax plans" or "health care".
    static func isReportingUse(_ cue: LexiconHit, _ ctx: ParagraphContext, strict: Bool = false) -> Bool {
        let tokens = ctx.paragraph.tokens
        let first = ctx.tokenIndex(atOrAfter: cue.span.start)
        let after = ctx.tokenIndex(atOrAfter: cue.span.end)
        guard !ctx.cueTraits(of: cue).contains(.according) else { return true }
        // A one-word cue is its token, already folded; only phrases are cut from the text.
        let oneToken = after == first + 1 && first < tokens.count && tokens[first].span == cue.span
        let form: Word, head: Word
        if oneToken {
            form = ctx.word(first)
            head = form
        } else {
            let text = ctx.foldedText(cue.span)
            form = Word(folded: text)
            head = Word(folded: text.utf8.firstIndex(of: 0x20).map { String(text[..<$0]) } ?? text) // the first word
        }
        let next = after < tokens.count ? ctx.word(after) : .none
        let prevIsWord = first > 0 && tokens[first - 1].kind == .word
        let prev1 = prevIsWord ? ctx.word(first - 1) : .none
        // The word two back, made only where a rule reaches it (few cues get that far).
        func prev2() -> Word { first > 1 && tokens[first - 2].kind == .word ? ctx.word(first - 2) : .none }
        // Each word's classes looked up once, for all the lists asked about it.
        let p1 = prevIsWord ? ctx.classes(first - 1) : [], nx = after < tokens.count ? ctx.classes(after) : []
        let hd = head.classes
        let past = head.endsWith("ed") || hd.contains(.irregularPasts)
        let plain = !past && !head.endsWith("ing")                // base or -s form: may be a noun
        let contraction = p1.contains(.contractions)
        if prevIsWord && !contraction {
            // A noun after a determiner or possessive: "the report", "Trump's claims".
            if prev1.endsWith("'s") || (prev1.endsWith("s'") && prev1.scalarCount > 2) { return false }
            if p1.contains(.articles) { return false }
            if strict {
                // "that plan" is a noun; "a poll that shows", "cities that support the rules" are verbs.
                if prev1 == "that" { if plain && !head.endsWith("s") && !nx.contains(.objectStarts) { return false } }
                else if p1.contains(.trueDeterminers) { return false }
                else if p1.contains(.determiners) && !past { return false } // "official reports"; "an official said"
            }
            // Verbs that are never nouns keep their subject: "some believe", "this shows", "an official said".
        }
        if strict && plain && !hasVerbEvidence(first: first, prev1: prev1, p1, head: head, next: next, nx, ctx) { return false }
        // "compared with last year" is a preposition; "compared Trump to a coach" judges.
        if head.startsWith("compar") && (next == "to" || next == "with") { return false }
        // "you know," is a filler, not a claim about what anyone knows.
        if head == "know" && prev1 == "you" && (next == "," || first < 2 || ctx.word(first - 2) == ",") { return false }
        // "would add two weeks", "to ask you": a modal or infinitive is mostly not a report
        // (a capitalised "May" or "Will" is a name: "Theresa May said").
        // ("went on to explain", "going on to say" continue a report.)
        if p1.contains(.modals) && next != "that" && !ctx.isCapitalised(first - 1)
            && !(prev1 == "to" && prev2() == "on") { return false }
        // "was told to leave" is passive; "is seeking to", "is promising to" are progressive.
        let passive = past && (p1.contains(.beForms) || (prev1.endsWith("ly") && WordClass.beForms.contains(prev2()))) // "been harshly criticized"
        switch next {
        case "to", "not":
            // "vowed to rebuild", "declined to comment" credit an intention; "was told to leave"
            // and "asked to wait" report nothing — unless the participle opens the sentence.
            if passive || WordClass.requestVerbs.contains(form) {
                // (The sentence is only looked up here: few cues get this far.)
                if !(past && ctx.sentenceSpan(containing: cue.span.start)?.start == cue.span.start) { return false }
            }
        case "up", "off", "out":
            return false
        case "for":
            // "was criticized for", "been blamed for"; not "asked for help", "support for".
            if !(past && passive) { return false }
        case "of":
            // "said of Clinton", "was accused of"; not "claims of fraud", "plans of".
            if plain && !hd.contains(.verbsTakingOf) { return false }
        default:
            break
        }
        if past && !hd.contains(.plainPasts) {
            // "a notice posted on the website", "the report published by": a participle after a noun.
            // ("the company agreed to", "the president declined to" are verbs.)
            if prevIsWord && WordClass.determiners.contains(prev2()) && nx.contains(.prepositions) && next != "to" { return false }
        } else if plain {
            // "report", "promises", "claims" are nouns too: "broken promises", "the report shows".
            if prevIsWord && !form.contains(byte: 0x20) && (prev1.endsWith("en") || prev1.endsWith("ed"))
                && !p1.contains(.auxiliaries) && !p1.contains(.notParticiples) { return false }
            if nx.contains(.copulas) { return false }
        }
        return true
    }


    /// Evidence that a word that is also a noun stands as a verb: a subject pronoun, an
    /// auxiliary, modal, negation or adverb, a name, or a plural subject before a base form.
    /// (`p1` and `nx` are the classes of `prev1` and `next`.)
    static func hasVerbEvidence(first: Int, prev1: Word, _ p1: WordClass, head: Word, next: Word, _ nx: WordClass, _ ctx: ParagraphContext) -> Bool {
        let tokens = ctx.paragraph.tokens
        // An -s form with a clause, infinitive or object after it agrees with a subject:
        // "the campaign plans to", "the court backs the", "Trump charges that".
        if head.endsWith("s") && (next == "that" || next == "to" || nx.contains(.objectStarts)) { return true }
        // A base form with an object after a subject-like word: "1 percent support the Greens".
        if nx.contains(.objectStarts) && first > 0 && (tokens[first - 1].kind == .word || tokens[first - 1].kind == .number)
            && !p1.contains(.determiners) && !prev1.endsWith("'s") { return true }
        guard first > 0, tokens[first - 1].kind == .word else { return false }
        // "To be sure" is an idiom, not a stance.
        if prev1 == "be" && first > 1 && ctx.word(first - 2) == "to" { return false }
        if p1.contains(.contractions) || prev1.endsWith("'re") || prev1.endsWith("'m") { return true }
        if !p1.isDisjoint(with: [.subjects, .verbAdverbs, .auxiliaries]) { return true }
        if p1.contains(.modals) || prev1.endsWith("n't") || prev1.endsWith("'d") || prev1.endsWith("'ll") { return true }
        if prev1.endsWith("ly") && prev1.scalarCount > 4 { return true }
        // A name is the subject of an -s form ("Russia backs", "Trump charges"), and of a base
        // form only when names are joined ("China and Russia support"): "the Senate plan",
        // "a TV show" are compound nouns.
        let cueCapitalised = ctx.isCapitalised(first)
        let joined = first > 1 && ctx.word(first - 2) == "and"
        if !cueCapitalised && ctx.isCapitalised(first - 1) && !p1.contains(.commonOpeners)
            && (head.endsWith("s") || joined) { return true }
        // "Polls show", "Democrats want": a plural subject before a base form (not "tax plans").
        if !head.endsWith("s") && prev1.endsWith("s") && !prev1.endsWith("ss") && !prev1.endsWith("'s") && prev1.scalarCount > 3 { return true }
        return false
    }

    /// The span of the phrase credited by a cue, or nil when none can be found.
    static func findSource(for cue: LexiconHit, _ ctx: ParagraphContext, cues: [LexiconHit]) -> TextSpan? {
        let tokens = ctx.paragraph.tokens
        let first = ctx.tokenIndex(atOrAfter: cue.span.start)
        let afterCue = ctx.tokenIndex(atOrAfter: cue.span.end)
        let sentence = ctx.sentenceSpan(containing: cue.span.start) ?? ctx.paragraph.span
        let lowest = ctx.tokenIndex(atOrAfter: sentence.start)
        // Another cue closes the phrase: "said some owners had asked" credits nobody with "asked".
        func phrase(backwardFrom end: Int, _ ctx: ParagraphContext) -> TextSpan? {
            trimmed(AttributionCheck.phrase(backwardFrom: end, ctx, lowest: lowest, stops: cues, except: cue.span), ctx)
        }
        func phrase(forwardFrom start: Int, _ ctx: ParagraphContext) -> TextSpan? {
            // (The sentence's end is looked up only here: most sources stand before their cue.)
            let highest = ctx.tokenIndex(atOrAfter: sentence.end) // exclusive
            return trimmed(AttributionCheck.phrase(forwardFrom: start, ctx, highest: highest, stops: cues, except: cue.span), ctx)
        }
        if ctx.cueTraits(of: cue).contains(.sourceFollows) {
            return phrase(forwardFrom: afterCue, ctx)
        }
        // Subject before the verb, back to the clause boundary.
        if let left = phrase(backwardFrom: first - 1, ctx) { return left }
        // "Whitlock, who chairs the committee, said": skip back over the inserted clause.
        if first > 0, ctx.word(first - 1) == "," {
            var k = first - 2, steps = 0
            while k >= lowest && steps < 15 {
                let t = ctx.word(k)
                if t == "," { if let left = phrase(backwardFrom: k - 1, ctx) { return left }; break }
                if tokens[k].kind == .punctuation && t != "-" { break }
                k -= 1; steps += 1
            }
        }
        // Inverted: "…,” said the mayor.
        if let right = phrase(forwardFrom: afterCue, ctx) { return right }
        // A participle ("…, insisting that…") credits the subject of the sentence.
        if lowest < first, let subject = phrase(forwardFrom: lowest, ctx), subject.end <= cue.span.start { return subject }
        return nil
    }

    /// Whether token `k` ends a source phrase: a punctuation mark or symbol other than a
    /// full stop ("Mr."), an ampersand, a hyphen or an apostrophe. (Inlined: the phrase
    /// walks ask it of every word, and words answer from their kind alone.)
    @inline(__always)
    static func isBoundary(_ k: Int, _ ctx: ParagraphContext) -> Bool {
        let kind = ctx.paragraph.tokens[k].kind
        guard kind == .punctuation || kind == .symbol else { return false }
        return isBoundaryMark(k, ctx)
    }

    /// `isBoundary` for a punctuation mark or symbol.
    static func isBoundaryMark(_ k: Int, _ ctx: ParagraphContext) -> Bool {
        let tok = ctx.paragraph.tokens[k]
        // The folded token, without building the original: only apostrophes and hyphens
        // fold from marks that are boundaries (‘ and ‐), so only they need the original.
        let t = ctx.word(k)
        if t == "'" || t == "-" {
            let original = ctx.text(tok.span)
            return original != "-" && original != "'" && original != "’"
        }
        return t != "." && t != "&"
    }


    /// The text of a phrase of tokens without the punctuation at its ends; a phrase of
    /// auxiliaries alone ("had") credits nobody.
    ///
    /// (The phrases come as token ranges: handed over as text spans, each had its tokens
    /// found again, with a binary search, for every cue.)
    static func trimmed(_ range: Range<Int>?, _ ctx: ParagraphContext) -> TextSpan? {
        guard let range else { return nil }
        let tokens = ctx.paragraph.tokens
        guard let first = range.first(where: { tokens[$0].kind != .punctuation }),
              let last = range.last(where: { tokens[$0].kind != .punctuation }) else { return nil }
        if (first...last).allSatisfy({ tokens[$0].kind == .punctuation || ctx.classes($0).contains(.auxiliaries) }) { return nil }
        return TextSpan(start: tokens[first].span.start, end: tokens[last].span.end)
    }

    /// The tokens of the words before token `end` (inclusive) back to punctuation, a
    /// quotation or 8 words.
    /// (`stops` end the phrase, all but `except`.)
    static func phrase(backwardFrom end: Int, _ ctx: ParagraphContext, lowest: Int, stops: [LexiconHit], except: TextSpan? = nil) -> Range<Int>? {
        let tokens = ctx.paragraph.tokens
        guard end >= lowest, end >= 0, !isBoundary(end, ctx) else { return nil }
        var k = end, words = 0
        while k >= lowest && words < 8 && !isBoundary(k, ctx) && !stops.contains(where: { $0.span != except && $0.span.overlaps(tokens[k].span) }) {
            // Stop at a clause opener: "the report that officials said" → "officials".
            if k < end && ctx.classes(k).contains(.clauseOpeners) { break }
            k -= 1; words += 1
        }
        guard k + 1 <= end else { return nil }
        return (k + 1)..<(end + 1)
    }

    /// The tokens of the words after token `start` up to punctuation, "that", a time phrase
    /// or 8 words.
    static func phrase(forwardFrom start: Int, _ ctx: ParagraphContext, highest: Int, stops: [LexiconHit], except: TextSpan? = nil) -> Range<Int>? {
        let tokens = ctx.paragraph.tokens
        let limit = min(highest, tokens.count)
        var k = start, words = 0
        while k < limit && words < 10 && !isBoundary(k, ctx) && !stops.contains(where: { $0.span != except && $0.span.overlaps(tokens[k].span) }) {
            let w = ctx.word(k)
            if WordClass.stopWords.contains(w) {
                if k > start { break }
                if w != "on" { return nil }
            }
            k += 1; words += 1
        }
        guard k > start else { return nil }
        return start..<k
    }

    static func classify(_ source: TextSpan?, _ ctx: ParagraphContext, anonymous: ArraySlice<LexiconHit>, outlets: ArraySlice<LexiconHit>) -> SourceType {
        guard let source else { return .agentless }
        if anonymous.contains(where: { source.contains($0.span) }) { return .anonymous }
        // The word tokens, walked by index: no array of them is made (that was a third of the cost).
        let tokens = ctx.paragraph.tokens
        let range = ctx.tokenRange(inside: source)
        var count = 0, firstWord = -1
        var anyPronoun = false, anyRole = false
        for k in range where tokens[k].kind == .word {
            let w = ctx.word(k)
            if count == 0 { firstWord = k }
            count += 1
            let classes = w.classes
            if classes.contains(.pronouns) { anyPronoun = true }
            if classes.contains(.roles) { anyRole = true }
        }
        if count == 1 && ctx.word(firstWord) == "it" { return .outlet }
        if count <= 2 && anyPronoun { return .named }
        if outlets.contains(where: { source.contains($0.span) }) && !anyRole { return .outlet }
        // "some shop owners", "many residents": an unnamed group, whatever follows.
        if count > 0, WordClass.vagueQuantifiers.contains(ctx.word(firstWord)) { return .anonymous }
        let sentenceStart = ctx.sentenceSpan(containing: source.start)?.start ?? ctx.paragraph.span.start
        var anyCapitalised = false
        var k = firstWord
        while k >= 0 && !anyCapitalised {
            var next = k + 1
            while next < range.upperBound && tokens[next].kind != .word { next += 1 }
            if next >= range.upperBound { next = -1 }
            if ctx.isCapitalised(k) {
                // The first word of a sentence is capitalised anyway: count it when a name follows,
                // or when it is not a common word ("Whitlock said", not "Residents said").
                if tokens[k].span.start != sentenceStart || (next >= 0 && ctx.isCapitalised(next)) {
                    anyCapitalised = true
                } else {
                    let w = ctx.word(k)
                    anyCapitalised = !WordClass.commonOpeners.contains(w) && !w.endsWith("s")
                }
            }
            k = next
        }
        if anyCapitalised {
            // "The Harlow Gazette": a capitalised name led by "the" is an organisation.
            if ctx.word(firstWord) == "the" && !anyRole { return .outlet }
            return .named
        }
        return anyRole ? .named : .anonymous
    }
}

/// What the attribution check asks of a cue's term, noted once per lexicon term when the
/// engine is built: asked of the term's string for every cue, each answer cost a retain, a
/// release and a walk of its bytes.
struct CueTermTraits: OptionSet, Sendable {
    let rawValue: UInt8

    /// "according to …": always a report, whatever stands before it.
    static var according: CueTermTraits { CueTermTraits(rawValue: 1) }
    /// "according to", "citing", "cited": the source follows the cue.
    static var sourceFollows: CueTermTraits { CueTermTraits(rawValue: 2) }

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(term: String) {
        var traits: CueTermTraits = []
        if term.startsWith("according") { traits.insert(.according) }
        if term.startsWith("according") || term.startsWith("citing") || term.startsWith("cite") { traits.insert(.sourceFollows) }
        self = traits
    }
}
