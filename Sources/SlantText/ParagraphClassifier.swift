/// Tells headings and page furniture from the article's prose, for text that arrived
/// without markup saying so.
enum ParagraphClassifier {
    /// Prompts that make a short paragraph page furniture wherever they stand in it.
    static let boilerplateCues: [String] = [
        "share this", "share on", "share via", "subscribe to", "subscribe now", "subscribe for", "sign up for", "sign up to",
        "our newsletter", "donate to", "donate now", "make a donation", "support our journalism", "support independent",
        "support local journalism", "continue reading", "keep reading", "read more", "read the full", "click here",
        "all rights reserved", "we use cookies", "this site uses cookies", "accept cookies", "cookie policy",
        "privacy policy", "terms of use", "terms of service", "skip to content", "skip to main", "back to top",
        "follow us on", "like us on", "download our app", "leave a comment", "view comments", "show comments",
        "comments (", "sponsored content", "recommended for you", "related articles", "related stories",
        "you might also like", "more stories", "log in to", "sign in to", "become a member", "become a subscriber",
        "this article was", "copyright ©", "print this", "email this", "report an error", "advertisement",
    ]
    /// Short paragraphs made only of one of these words are furniture too (menus, buttons).
    static let boilerplateWords: Set<String> = [
        "share", "tweet", "email", "print", "comments", "comment", "subscribe", "donate", "advertisement", "menu",
        "search", "home", "login", "log in", "sign in", "sign up", "close", "more", "next", "previous", "related",
        "facebook", "twitter", "linkedin", "whatsapp", "reddit", "x", "copy link", "save", "follow",
    ]

    static let cues = ByteAutomaton(patterns: boilerplateCues.map { Array($0.utf8) })

    /// `words` is the number of word and number tokens.
    static func classify(_ p: ArraySlice<Unicode.Scalar>, words: Int, sentences: Int) -> ParagraphKind {
        if words == 0 { return .boilerplate }
        if words <= 40 {
            let lo = p.startIndex
            if p.first == "©" || (p.count >= 3 && p[lo] == "(" && (p[lo + 1] == "c" || p[lo + 1] == "C") && p[lo + 2] == ")") { return .boilerplate }
            var folded: [UInt8] = []
            folded.reserveCapacity(p.count + 8)
            for c in p {
                let v = c.value
                // ASCII folds by setting the lower-case bit on letters.
                if v < 0x80 { folded.append(UInt8(v >= 0x41 && v <= 0x5A ? v | 0x20 : v)) }
                else { UTF8.encode(Folding.fold(c)) { folded.append($0) } }
            }
            if cues.firstMatch(in: folded) != nil { return .boilerplate }
            // "Share | Tweet | Email" style rows.
            if words <= 3 || (words <= 12 && p.contains(where: { $0 == "|" || $0 == "•" || $0 == "·" })) {
                let text = String(String.UnicodeScalarView(p.map(Folding.fold)))
                let parts = text.split(whereSeparator: { "|•·/,".contains($0) }).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
                if !parts.isEmpty && parts.allSatisfy({ boilerplateWords.contains(stripCount($0)) }) { return .boilerplate }
            }
        }
        if isHeading(p, words: words, sentences: sentences) { return .heading }
        return .prose
    }

    /// "Comments (12)" → "comments".
    private static func stripCount(_ s: String) -> String {
        var t = s
        if let paren = t.firstIndex(of: "(") { t = String(t[..<paren]).trimmingSpaces() }
        return t
    }

    /// A heading is one short line that does not end like a sentence.
    static func isHeading(_ p: ArraySlice<Unicode.Scalar>, words: Int, sentences: Int) -> Bool {
        guard words <= 16, sentences <= 1, !p.contains("\n") else { return false }
        var end = p.endIndex - 1
        while end > p.startIndex, ScalarClass.isSpace(p[end]) { end -= 1 }
        let last = p[end]
        if SentenceSplitter.isTerminator(last) || last == ";" || last == "," || last == ":" { return false }
        // A closing quotation mark ends a sentence when a terminator stands inside it.
        if SentenceSplitter.isTrailingCloser(last), end > p.startIndex, SentenceSplitter.isTerminator(p[end - 1]) || p[end - 1] == "," {
            return false
        }
        return true
    }
}
