/// Turns a scraped HTML page into plain text blocks.
///
/// Not a full HTML parser: articles only need their readable text and block
/// boundaries, and a forgiving scanner never fails on the broken markup scrapers produce.
enum HTMLStripper {
    /// Elements whose content is never article text.
    static let skipped: Set<String> = ["script", "style", "noscript", "template", "svg", "nav", "iframe", "object", "canvas", "select", "button", "math"]
    /// Elements that start and end a paragraph.
    static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section", "article", "header",
        "footer", "aside", "figure", "figcaption", "ul", "ol", "table", "tr", "td", "th", "pre", "hr", "main",
        "dl", "dt", "dd", "form", "address", "body", "html", "caption", "details", "summary", "title", "head",
    ]
    /// Elements whose text is page furniture rather than the article.
    static let furniture: Set<String> = ["footer", "aside", "form"]

    static func strip(_ html: String) -> PlainDocument {
        var out = PlainTextBuilder()
        let s = Array(html.unicodeScalars)
        var i = 0
        var quoteDepth = 0, furnitureDepth = 0, listDepth = 0
        var headingLevel = 0
        var title: String?
        var firstHeading: String?
        var headingText = ""

        func currentKind() -> ParagraphKind? {
            if headingLevel > 0 { return .heading }
            if furnitureDepth > 0 { return .boilerplate }
            if quoteDepth > 0 { return .quoteBlock }
            if listDepth > 0 { return .prose }
            return nil
        }

        while i < s.count {
            if s[i] == "<" {
                if matches(s, i, "<!--") {
                    i = find(s, from: i + 4, "-->").map { $0 + 3 } ?? s.count
                    continue
                }
                guard let tag = parseTag(s, i) else {
                    out.append("<", collapse: true); i += 1; continue
                }
                i = tag.end
                if tag.name == "title" && !tag.closing {
                    let close = find(s, from: i, "</") ?? s.count
                    title = decodeEntities(String(String.UnicodeScalarView(s[i..<close])))
                        .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
                    i = close
                    continue
                }
                if skipped.contains(tag.name) && !tag.closing && !tag.selfClosing {
                    i = findClosing(s, from: i, name: tag.name)
                    continue
                }
                if tag.name == "br" { out.lineBreak(); continue }
                if blocks.contains(tag.name) {
                    out.endBlock()
                    let delta = tag.closing ? -1 : 1
                    if tag.name == "blockquote" { quoteDepth = max(0, quoteDepth + delta) }
                    if furniture.contains(tag.name) { furnitureDepth = max(0, furnitureDepth + delta) }
                    if tag.name == "li" { listDepth = max(0, listDepth + delta) }
                    if tag.name.count == 2, tag.name.hasPrefix("h"), let level = Int(tag.name.dropFirst()), (1...6).contains(level) {
                        if tag.closing {
                            if firstHeading == nil, !headingText.isEmpty { firstHeading = headingText }
                            headingLevel = 0
                        } else {
                            headingLevel = level
                            headingText = ""
                        }
                    }
                }
                continue
            }
            // A run of text up to the next tag.
            var j = i
            while j < s.count && s[j] != "<" { j += 1 }
            let piece = decodeEntities(String(String.UnicodeScalarView(s[i..<j])))
            out.mark(currentKind())
            out.append(piece, collapse: true)
            if headingLevel > 0 { headingText += piece.trimmingSpaces() }
            i = j
        }
        return out.finish(title: title ?? firstHeading)
    }

    struct Tag { var name: String; var closing: Bool; var selfClosing: Bool; var end: Int }

    /// Parses `<name ...>` or `</name>` at `i`; nil when `<` does not start a tag.
    static func parseTag(_ s: [Unicode.Scalar], _ i: Int) -> Tag? {
        var j = i + 1
        var closing = false
        if j < s.count && s[j] == "/" { closing = true; j += 1 }
        if j < s.count && (s[j] == "!" || s[j] == "?") {
            // Doctype, CDATA or processing instruction: skip to '>'.
            let end = find(s, from: j, ">").map { $0 + 1 } ?? s.count
            return Tag(name: "!", closing: false, selfClosing: true, end: end)
        }
        var name = ""
        while j < s.count, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) || s[j] == "-" {
            name.unicodeScalars.append(s[j]); j += 1
        }
        guard !name.isEmpty else { return nil }
        // Skip attributes, honouring quoted values that may contain '>'.
        var quote: Unicode.Scalar?
        while j < s.count {
            let c = s[j]
            if let q = quote { if c == q { quote = nil } }
            else if c == "\"" || c == "'" { quote = c }
            else if c == ">" { break }
            j += 1
        }
        let selfClosing = j > 0 && j - 1 < s.count && s[j - 1] == "/"
        return Tag(name: name.lowercased(), closing: closing, selfClosing: selfClosing, end: min(j + 1, s.count))
    }

    /// The index just after `</name>` (case-insensitive), or the end of the input.
    static func findClosing(_ s: [Unicode.Scalar], from start: Int, name: String) -> Int {
        var i = start
        while let lt = find(s, from: i, "</") {
            if let tag = parseTag(s, lt), tag.closing, tag.name == name { return tag.end }
            i = lt + 2
        }
        return s.count
    }

    static func matches(_ s: [Unicode.Scalar], _ i: Int, _ needle: String) -> Bool {
        var k = i
        for n in needle.unicodeScalars {
            guard k < s.count, s[k] == n else { return false }
            k += 1
        }
        return true
    }

    static func find(_ s: [Unicode.Scalar], from start: Int, _ needle: String) -> Int? {
        guard let first = needle.unicodeScalars.first else { return nil }
        var i = start
        while i < s.count {
            if s[i] == first && matches(s, i, needle) { return i }
            i += 1
        }
        return nil
    }
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
