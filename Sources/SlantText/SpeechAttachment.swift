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

    /// What a reporting verb looks like from outside: for the first and last letters of a
    /// word (a–z, entry `26 * first + last`), bit `n` is set when some verb of `n` letters
    /// begins and ends with them. A word that does not fit is no verb, which two reads of
    /// the text and a table read tell: the window words went through packing and a table
    /// lookup, some 200 instructions each, for 2% of them to be verbs (first, last letter
    /// and length let 15% of news words through).
    static let verbShapes: [UInt16] = {
        var shapes = [UInt16](repeating: 0, count: 26 * 26)
        for verb in reportingVerbs {
            let bytes = Array(verb.utf8)
            let first = Int(bytes[0]) - 0x61, last = Int(bytes[bytes.count - 1]) - 0x61
            guard (0..<26).contains(first), (0..<26).contains(last), bytes.count < 16 else {
                return [UInt16](repeating: 0xFFFF, count: 26 * 26) // a verb the shapes cannot tell: let every word through
            }
            shapes[26 * first + last] |= 1 << bytes.count
        }
        return shapes
    }()

    /// False only when the word `p[span]` (article offsets) can be no reporting verb: its
    /// first and last code points are ASCII letters, it is shorter than 16 letters, and no
    /// verb of its length begins and ends with those letters (folding lower-cases ASCII and
    /// maps every code point to one, so the folded word has the same length and ends).
    @inline(__always) static func mayBeVerb(_ p: ArraySlice<Unicode.Scalar>, _ span: TextSpan, shapes: [UInt16]) -> Bool {
        let n = span.end &- span.start
        let first = (p[span.start].value | 0x20) &- 0x61
        let last = (p[span.end &- 1].value | 0x20) &- 0x61
        guard first < 26, last < 26, n < 16 else { return true }
        return shapes[Int(first &* 26 &+ last)] >> n & 1 != 0
    }

    /// The quotation's marks and the token spans are indices of `p` itself (article
    /// offsets when `p` is sliced from the article's code points).
    static func isReported(quote: (open: Int, close: Int?), tokens: [Token], in p: ArraySlice<Unicode.Scalar>) -> Bool {
        let lo = p.startIndex
        let verbs = reportingVerbList // once per quotation, not once per word (a `swift_once` call each)
        let shapes = verbShapes
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
                if mayBeVerb(p, tok.span, shapes: shapes) && verbs.contains(p, tok.span.shifted(by: -lo)) { return true }
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
                if mayBeVerb(p, tok.span, shapes: shapes) && verbs.contains(p, tok.span.shifted(by: -lo)) { return true }
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
