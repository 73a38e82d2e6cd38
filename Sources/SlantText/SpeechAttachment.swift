/// Decides whether a quotation is reported speech: a colon before it, or a reporting
/// verb within a few words on either side ("…,” she said; told reporters “…”).
/// Quotations with neither stand alone, which is where scare quotes live.
enum SpeechAttachment {
    /// Folded forms of common reporting verbs. Rubrics carry the full lists; the text
    /// model needs only enough to label quotations for `slant segment` and the rules.
    static let reportingVerbs: Set<String> = [
        "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added", "adding",
        "ask", "asks", "asked", "asking", "write", "writes", "wrote", "written", "writing", "state", "states", "stated",
        "explain", "explains", "explained", "note", "notes", "noted", "noting", "insist", "insists", "insisted",
        "argue", "argues", "argued", "arguing", "claim", "claims", "claimed", "declare", "declares", "declared",
        "announce", "announces", "announced", "reply", "replies", "replied", "respond", "responds", "responded",
        "warn", "warns", "warned", "warning", "urge", "urges", "urged", "recall", "recalls", "recalled",
        "continue", "continues", "continued", "admit", "admits", "admitted", "acknowledge", "acknowledged",
        "concede", "concedes", "conceded", "suggest", "suggests", "suggested", "predict", "predicted",
        "testify", "testified", "tweet", "tweets", "tweeted", "post", "posted", "report", "reports", "reported",
        "according", "describe", "describes", "described", "call", "calls", "called", "calling", "dub", "dubbed",
        "term", "termed", "label", "labelled", "labeled", "quote", "quoted", "quip", "quipped", "joke", "joked",
        "shout", "shouted", "yell", "yelled", "whisper", "whispered", "cry", "cried", "exclaim", "exclaimed",
        "vow", "vowed", "promise", "promised", "pledge", "pledged", "stress", "stressed", "emphasize", "emphasized",
        "emphasise", "emphasised", "observe", "observed", "remark", "remarked", "comment", "commented",
        "confirm", "confirmed", "deny", "denied", "agree", "agreed", "estimate", "estimated", "text", "texted",
        "email", "emailed", "read", "reads", "sing", "sang", "chant", "chanted", "mutter", "muttered",
        "boast", "boasted", "complain", "complained", "scoff", "scoffed", "recount", "recounted", "wonder", "wondered",
    ]

    /// How far from the marks a reporting verb may stand, in words. Before a quotation
    /// the verb may head a longer clause ("insisting that the first day is “bumpy”").
    static let windowBefore = 12
    static let windowAfter = 5

    static let reportingVerbList = WordList(reportingVerbs)

    /// The quotation's marks and the token spans are indices of `p` itself (article
    /// offsets when `p` is sliced from the article's code points).
    static func isReported(quote: (open: Int, close: Int?), tokens: [Token], in p: ArraySlice<Unicode.Scalar>) -> Bool {
        let lo = p.startIndex
        let verbs = reportingVerbList // once per quotation, not once per word (a `swift_once` call each)
        guard let openToken = tokenIndex(startingAt: quote.open, in: tokens) else { return false }
        // Before: "X said: “…”", "X said, “…”", "told reporters “…”".
        var k = openToken - 1
        var seen = 0
        while k >= 0 && seen < windowBefore {
            let tok = tokens[k]
            let first = p[tok.span.start]
            if tok.kind == .punctuation {
                if first == ":" && k == openToken - 1 { return true }
                if SentenceSplitter.isTerminator(first) || isQuoteMark(first) { break }
            } else if tok.kind == .word {
                if verbs.contains(p, tok.span.shifted(by: -lo)) { return true }
                seen += 1
            }
            k -= 1
        }
        // After: "…,” she said.", "…” the mayor told reporters." Only a quotation that ends
        // a clause can be inverted speech; "the “plan” had promised" is a subject, not speech.
        guard let close = quote.close, let closeToken = tokenIndex(startingAt: close, in: tokens) else { return false }
        let lastInside = close > lo ? p[close - 1].value : 0x20
        let nextIsComma = closeToken + 1 < tokens.count && p[tokens[closeToken + 1].span.start] == ","
        let endsClause = lastInside == 0x2C || lastInside == 0x2E || lastInside == 0x3F || lastInside == 0x21 || lastInside == 0x2026 // , . ? ! …
        guard nextIsComma || endsClause else { return false }
        k = closeToken + 1
        seen = 0
        while k < tokens.count && seen < windowAfter {
            let tok = tokens[k]
            let first = p[tok.span.start]
            if tok.kind == .punctuation {
                if isQuoteMark(first) { break }
                if SentenceSplitter.isTerminator(first) && k > closeToken + 1 { break }
            } else if tok.kind == .word {
                if verbs.contains(p, tok.span.shifted(by: -lo)) { return true }
                seen += 1
            }
            k += 1
        }
        return false
    }

    /// The token that starts at `offset`, by binary search: tokens are sorted and disjoint.
    static func tokenIndex(startingAt offset: Int, in tokens: [Token]) -> Int? {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].span.start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < tokens.count && tokens[lo].span.start == offset ? lo : nil
    }

    static func isQuoteMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x22, 0x27, 0xAB, 0xBB, 0x2018...0x201F, 0x300C...0x300F: return true
        default: return false
        }
    }
}
