import SlantText

/// Whether a reporting word stands as a verb: "the report", "broken promises", "a notice
/// posted on the website" and "claims of fraud" are nouns and participles, and neither
/// attribute anything nor judge a speaker.
enum ReportingUse {

    /// Whether a cue word is used as a reporting verb here: "the report" and "a notice
    /// posted" are nouns, "would add two weeks" and "asked for signs" are not reporting.
    static func isVerb(_ cue: LexiconHit, _ ctx: ParagraphContext) -> Bool {
        let tokens = ctx.paragraph.tokens
        let first = ctx.tokenIndex(atOrAfter: cue.span.start)
        let after = ctx.tokenIndex(atOrAfter: cue.span.end)
        guard !ctx.cueTraits(of: cue).contains(.according) else { return true }
        let next = after < tokens.count ? ctx.word(after) : .none
        if first > 0 {
            let prev = ctx.word(first - 1)
            if WordClass.determiners.contains(prev) || prev.endsWith("'s") || prev.endsWith("s'") { return false }
            if WordClass.modals.contains(prev) && next != "that" { return false }
        }
        if WordClass.notReportingAfter.contains(next) {
            // "vowed to rebuild", "declined to comment" credit an intention; "was told to leave"
            // and "asked to wait" do not report anything.
            let passive = first > 0 && WordClass.beForms.contains(ctx.word(first - 1))
            if next != "to" || passive || WordClass.requestVerbs.contains(ctx.foldedText(cue.span)) {
                return false
            }
        }
        let form = ctx.foldedText(cue.span)
        let prev1 = first > 0 ? ctx.word(first - 1) : .none
        let prev2 = first > 1 ? ctx.word(first - 2) : .none
        let prevIsWord = first > 0 && tokens[first - 1].kind == .word
        if form.endsWith("ed") {
            // "a notice posted on the website", "the report published by": a participle after a noun.
            if prevIsWord && WordClass.determiners.contains(prev2) && WordClass.prepositions.contains(next) { return false }
        } else if !WordClass.pastForms.contains(form) {
            // "report", "promises", "claims" are nouns too: "the engineering report was…",
            // "broken promises", "the report shows".
            if prevIsWord && (prev1.endsWith("en") || prev1.endsWith("ed")) && !WordClass.auxiliaries.contains(prev1) { return false }
            if WordClass.copulas.contains(next) { return false }
        }
        return true
    }

}
