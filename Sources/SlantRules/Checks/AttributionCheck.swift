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
    static let pronouns: Set<String> = ["he", "she", "i", "we", "you", "they", "it", "him", "her", "us", "them"]
    /// Roles that identify one person as surely as a name does ("the mayor said").
    static let roles: Set<String> = [
        "mayor", "president", "minister", "senator", "chief",
        "director", "chairman", "chairwoman", "chair", "ceo", "secretary", "chancellor", "judge", "prosecutor", "governor",
        "commissioner", "premier", "king", "queen", "pope", "founder", "author", "economist", "professor",
        "representative", "congressman", "congresswoman", "lawmaker", "leader", "candidate", "lawyer", "attorney",
        "sheriff", "superintendent", "inspector", "captain", "general", "ambassador", "councillor", "councilor",
        "manager", "owner", "head", "coach", "researcher", "scientist", "engineer", "doctor", "analyst",
    ]
    static let vagueQuantifiers: Set<String> = ["some", "many", "several", "few", "most", "numerous", "other", "others", "various", "countless"]
    static let commonOpeners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "some", "many", "most", "one", "another", "other", "both", "all",
        "several", "few", "people", "everyone", "someone", "somebody", "nobody", "no", "each", "every", "any", "such",
    ]
    static let stopWords: Set<String> = ["that", "if", "whether", "how", "why", "what", "when", "on", "in", "at", "last", "this", "on", "earlier", "later", "yesterday", "today"]

    static func run(_ rule: Rule, _ config: AttributionRule, _ ctx: ParagraphContext) -> [Finding] {
        var findings: [Finding] = []
        let agentless = LexiconCheck.longestFirst(ctx.hits(in: [config.agentlessLexicon]))
        for hit in agentless {
            findings.append(make(rule, config, ctx, cue: hit.span, entry: hit.term, lexicon: hit.lexicon, source: nil, type: .agentless))
        }
        // Only cues used as reporting verbs; "a report by the firm" is part of a source, not a cue.
        let cues = LexiconCheck.longestFirst(ctx.hits(in: config.cueLexicons))
            .filter { cue in !agentless.contains(where: { $0.span.overlaps(cue.span) }) && isReportingUse(cue, ctx) }
        let anonymous = ctx.hits(in: [config.anonymousLexicon])
        let outlets = ctx.hits(in: [config.outletLexicon])
        for cue in cues {
            let source = findSource(for: cue, ctx, cues: cues)
            if let source, relativeOnly.contains(ctx.foldedText(source)) { continue } // "which tells you"
            let type = classify(source, ctx, anonymous: anonymous, outlets: outlets)
            var finding = make(rule, config, ctx, cue: cue.span, entry: cue.term, lexicon: cue.lexicon,
                               source: source.map(ctx.text), type: type)
            finding.sourceSpan = source
            findings.append(finding)
        }
        if config.speakerColon, let colon = speakerColon(ctx) {
            var finding = make(rule, config, ctx, cue: colon.cue, entry: ":", lexicon: "", source: ctx.text(colon.speaker), type: .named)
            finding.lexicon = nil
            finding.sourceSpan = colon.speaker
            findings.append(finding)
        }
        return findings.sorted { $0.span < $1.span }
    }

    /// "PENCE: Well, look…", "Pat Caddell: Voters are worried": a paragraph that opens
    /// with a capitalised name and a colon hands the rest to that speaker.
    static func speakerColon(_ ctx: ParagraphContext) -> (speaker: TextSpan, cue: TextSpan)? {
        let tokens = ctx.paragraph.tokens
        var k = 0
        // Skip an opening quotation mark.
        if k < tokens.count, tokens[k].kind == .punctuation, ctx.text(tokens[k].span) != ":" { k += 1 }
        let start = k
        while k < tokens.count && k - start < 4 && tokens[k].kind == .word {
            guard let first = ctx.text(tokens[k].span).unicodeScalars.first, first.properties.isUppercase else { return nil }
            k += 1
        }
        guard k > start, k < tokens.count - 1, ctx.text(tokens[k].span) == ":" else { return nil }
        return (TextSpan(start: tokens[start].span.start, end: tokens[k - 1].span.end), tokens[k].span)
    }

    static func make(_ rule: Rule, _ config: AttributionRule, _ ctx: ParagraphContext, cue: TextSpan, entry: String, lexicon: String,
                     source: String?, type: SourceType) -> Finding {
        let text = ctx.text(cue)
        return Finding(rule: rule.id, family: rule.family, span: cue, text: text,
                       message: ctx.message(rule.message, match: text, term: entry, source: source, sourceType: type),
                       weight: rule.weight * (config.weights[type] ?? 0), voice: ctx.voice(of: cue), paragraph: ctx.paragraph.index,
                       entry: entry, lexicon: lexicon, source: source, sourceType: type)
    }

    static let relativeOnly: Set<String> = ["which", "that", "who", "this", "what"]

    static func isReportingUse(_ cue: LexiconHit, _ ctx: ParagraphContext) -> Bool {
        ReportingUse.isVerb(cue, ctx)
    }

    /// The span of the phrase credited by a cue, or nil when none can be found.
    static func findSource(for cue: LexiconHit, _ ctx: ParagraphContext, cues: [LexiconHit]) -> TextSpan? {
        let tokens = ctx.paragraph.tokens
        let first = ctx.tokenIndex(atOrAfter: cue.span.start)
        let afterCue = ctx.tokenIndex(atOrAfter: cue.span.end)
        let sentence = ctx.paragraph.sentences.first { $0.span.contains(cue.span.start) }?.span ?? ctx.paragraph.span
        let lowest = ctx.tokenIndex(atOrAfter: sentence.start)
        let highest = ctx.tokenIndex(atOrAfter: sentence.end) // exclusive
        // Another cue closes the phrase: "said some owners had asked" credits nobody with "asked".
        let otherCues = cues.filter { $0.span != cue.span }.map(\.span)
        func phrase(backwardFrom end: Int, _ ctx: ParagraphContext) -> TextSpan? {
            trimmed(AttributionCheck.phrase(backwardFrom: end, ctx, lowest: lowest, stops: otherCues), ctx)
        }
        func phrase(forwardFrom start: Int, _ ctx: ParagraphContext) -> TextSpan? {
            trimmed(AttributionCheck.phrase(forwardFrom: start, ctx, highest: highest, stops: otherCues), ctx)
        }
        if cue.term.hasPrefix("according") || cue.term.hasPrefix("citing") || cue.term.hasPrefix("cite") {
            return phrase(forwardFrom: afterCue, ctx)
        }
        // Subject before the verb, back to the clause boundary.
        if let left = phrase(backwardFrom: first - 1, ctx) { return left }
        // "Whitlock, who chairs the committee, said": skip back over the inserted clause.
        if first > 0, ctx.text(tokens[first - 1].span) == "," {
            var k = first - 2, steps = 0
            while k >= lowest && steps < 15 {
                let t = ctx.text(tokens[k].span)
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

    static func isBoundary(_ tok: Token, _ ctx: ParagraphContext) -> Bool {
        guard tok.kind == .punctuation || tok.kind == .symbol else { return false }
        let t = ctx.text(tok.span)
        return t != "-" && t != "'" && t != "’" && t != "." && t != "&"
    }

    /// Words before token `end` (inclusive) back to punctuation, a quotation or 8 words.
    static let auxiliaries: Set<String> = ["had", "has", "have", "was", "were", "is", "are", "be", "been", "would", "will", "also", "later", "then", "did", "does", "do"]

    /// Drops punctuation at the ends; a phrase of auxiliaries alone ("had") credits nobody.
    static func trimmed(_ span: TextSpan?, _ ctx: ParagraphContext) -> TextSpan? {
        guard let span else { return nil }
        let words = ctx.paragraph.tokens.filter { span.contains($0.span) && $0.kind != .punctuation }
        guard let first = words.first, let last = words.last else { return nil }
        if words.allSatisfy({ auxiliaries.contains(ctx.foldedText($0.span)) }) { return nil }
        return TextSpan(start: first.span.start, end: last.span.end)
    }

    static func phrase(backwardFrom end: Int, _ ctx: ParagraphContext, lowest: Int, stops: [TextSpan]) -> TextSpan? {
        let tokens = ctx.paragraph.tokens
        guard end >= lowest, end >= 0, !isBoundary(tokens[end], ctx) else { return nil }
        var k = end, words = 0
        while k >= lowest && words < 8 && !isBoundary(tokens[k], ctx) && !stops.contains(where: { $0.overlaps(tokens[k].span) }) {
            let w = ctx.foldedToken(k)
            // Stop at a clause opener: "the report that officials said" → "officials".
            if k < end && ["that", "which", "who", "and", "but", "because", "while", "as", "when", "after", "before", "than"].contains(w) { break }
            k -= 1; words += 1
        }
        guard k + 1 <= end else { return nil }
        return TextSpan(start: tokens[k + 1].span.start, end: tokens[end].span.end)
    }

    /// Words after token `start` up to punctuation, "that", a time phrase or 8 words.
    static func phrase(forwardFrom start: Int, _ ctx: ParagraphContext, highest: Int, stops: [TextSpan]) -> TextSpan? {
        let tokens = ctx.paragraph.tokens
        let limit = min(highest, tokens.count)
        var k = start, words = 0
        while k < limit && words < 10 && !isBoundary(tokens[k], ctx) && !stops.contains(where: { $0.overlaps(tokens[k].span) }) {
            if stopWords.contains(ctx.foldedToken(k)) && k > start { break }
            if stopWords.contains(ctx.foldedToken(k)) && k == start && ctx.foldedToken(k) != "on" { return nil }
            k += 1; words += 1
        }
        guard k > start else { return nil }
        return TextSpan(start: tokens[start].span.start, end: tokens[k - 1].span.end)
    }

    static func classify(_ source: TextSpan?, _ ctx: ParagraphContext, anonymous: [LexiconHit], outlets: [LexiconHit]) -> SourceType {
        guard let source else { return .agentless }
        if anonymous.contains(where: { source.contains($0.span) }) { return .anonymous }
        let tokens = ctx.paragraph.tokens.filter { $0.kind == .word && source.contains($0.span) }
        let words = tokens.map { ctx.foldedText($0.span) }
        if words.contains(where: { $0 == "it" }) && words.count == 1 { return .outlet }
        if words.contains(where: { pronouns.contains($0) }) && words.count <= 2 { return .named }
        if outlets.contains(where: { source.contains($0.span) }) && !words.contains(where: roles.contains) { return .outlet }
        // "some shop owners", "many residents": an unnamed group, whatever follows.
        if let w = words.first, vagueQuantifiers.contains(w) { return .anonymous }
        let sentenceStart = ctx.paragraph.sentences.first { $0.span.contains(source.start) }?.span.start ?? ctx.paragraph.span.start
        let capitalised = tokens.enumerated().filter { i, tok in
            guard let f = ctx.text(tok.span).unicodeScalars.first, f.properties.isUppercase else { return false }
            // The first word of a sentence is capitalised anyway: count it when a name follows,
            // or when it is not a common word ("Whitlock said", not "Residents said").
            if tok.span.start != sentenceStart { return true }
            if i + 1 < tokens.count && (ctx.text(tokens[i + 1].span).unicodeScalars.first?.properties.isUppercase ?? false) { return true }
            let w = words[i]
            return !commonOpeners.contains(w) && !w.hasSuffix("s")
        }
        if !capitalised.isEmpty {
            // "The Harlow Gazette": a capitalised name led by "the" is an organisation.
            if words.first == "the" && !words.contains(where: roles.contains) { return .outlet }
            return .named
        }
        if words.contains(where: roles.contains) { return .named }
        return .anonymous
    }
}
