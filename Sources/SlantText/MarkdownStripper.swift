/// Turns Markdown into plain text blocks: markup characters go, the words stay.
///
/// Covers what articles use (headings, emphasis, links, images, block quotes, lists,
/// code, rules); it does not aim to be a CommonMark renderer.
enum MarkdownStripper {
    static func strip(_ markdown: String) -> PlainDocument {
        var out = PlainTextBuilder()
        var title: String?
        var inFence = false
        var kind: ParagraphKind?
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var pending = ""          // text of the open block, raw Markdown
        var pendingKind: ParagraphKind?

        func flush() {
            guard !pending.isEmpty else { return }
            out.mark(pendingKind)
            out.append(inline(pending))
            out.endBlock()
            pending = ""
            pendingKind = nil
        }

        for rawLine in lines {
            var line = String(rawLine)
            let trimmed = line.trimmingSpaces()
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { flush(); inFence.toggle(); continue }
            if inFence { continue }
            if trimmed.isEmpty { flush(); continue }
            // Setext heading underline turns the pending block into a heading.
            if !pending.isEmpty && (trimmed.allSatisfy { $0 == "=" } || (trimmed.allSatisfy { $0 == "-" } && trimmed.count >= 2)) {
                pendingKind = .heading
                if title == nil { title = inline(pending) }
                flush(); continue
            }
            if isRule(trimmed) { flush(); continue }
            if isReferenceDefinition(trimmed) { flush(); continue }
            if trimmed.hasPrefix("#") {
                let hashes = trimmed.prefix(while: { $0 == "#" }).count
                let rest = trimmed.dropFirst(hashes)
                if hashes <= 6 && (rest.isEmpty || rest.hasPrefix(" ")) {
                    flush()
                    var text = String(rest).trimmingSpaces()
                    while text.hasSuffix("#") { text.removeLast() }
                    pending = text.trimmingSpaces()
                    pendingKind = .heading
                    if title == nil { title = inline(pending) }
                    flush(); continue
                }
            }
            kind = nil
            if trimmed.hasPrefix(">") {
                line = String(trimmed.drop(while: { $0 == ">" || $0 == " " }))
                kind = .quoteBlock
                if pendingKind != .quoteBlock { flush() }
            } else if pendingKind == .quoteBlock {
                flush()
            }
            if let item = listItemBody(trimmed), kind == nil {
                // List items are prose however short: they are not headings.
                flush()
                line = item
                kind = .prose
            }
            if pending.isEmpty { pendingKind = kind; pending = line.trimmingSpaces() }
            else { pending += (pending.hasSuffix("  ") ? "\n" : " ") + line.trimmingSpaces() }
        }
        flush()
        return out.finish(title: title)
    }

    static func isRule(_ line: String) -> Bool {
        let chars = line.filter { $0 != " " }
        guard chars.count >= 3, let first = chars.first, "-*_".contains(first) else { return false }
        return chars.allSatisfy { $0 == first }
    }

    static func isReferenceDefinition(_ line: String) -> Bool {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return false }
        return line[line.index(after: close)...].hasPrefix(":")
    }

    /// The text of a list item line without its marker, or nil for other lines.
    static func listItemBody(_ line: String) -> String? {
        if line.count >= 2, let first = line.first, "-*+".contains(first), line.dropFirst().hasPrefix(" ") {
            return String(line.dropFirst(2))
        }
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty && digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return String(rest.dropFirst(2)) }
        }
        return nil
    }

    /// Removes inline markup: emphasis, code marks, links, images, autolinks, escapes, tags.
    static func inline(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func isWordChar(_ k: Int) -> Bool {
            guard k >= 0 && k < s.count else { return false }
            return s[k].properties.isAlphabetic || s[k].properties.numericType != nil
        }
        while i < s.count {
            let c = s[i]
            switch c {
            case "\\" where i + 1 < s.count && "\\`*_{}[]()#+-.!<>~|\"'".unicodeScalars.contains(s[i + 1]):
                out.append(s[i + 1]); i += 2
            case "!" where i + 1 < s.count && s[i + 1] == "[":
                // Images carry no article text; skip alt text and target.
                if let (_, end) = link(s, i + 1) { i = end } else { out.append(c); i += 1 }
            case "[":
                if let (label, end) = link(s, i) { out.append(contentsOf: inline(label).unicodeScalars); i = end }
                else { out.append(c); i += 1 }
            case "`":
                i += 1
            case "*", "~":
                // Emphasis delimiters touch a non-space on one side; a lone ' * ' stays.
                var j = i
                while j < s.count && s[j] == c { j += 1 }
                let before = i > 0 ? s[i - 1] : " ", after = j < s.count ? s[j] : " "
                if before.properties.isWhitespace && after.properties.isWhitespace { out.append(contentsOf: s[i..<j]) }
                i = j
            case "_":
                var j = i
                while j < s.count && s[j] == "_" { j += 1 }
                if isWordChar(i - 1) && isWordChar(j) { out.append(contentsOf: s[i..<j]) }
                i = j
            case "<":
                // Autolinks keep their address; inline HTML tags go.
                if let close = s[i...].firstIndex(of: ">") {
                    let inner = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                    if inner.hasPrefix("http://") || inner.hasPrefix("https://") || inner.hasPrefix("mailto:") {
                        out.append(contentsOf: inner.unicodeScalars)
                        i = close + 1
                    } else if let first = inner.unicodeScalars.first, first.properties.isAlphabetic || first == "/" || first == "!" {
                        i = close + 1
                    } else { out.append(c); i += 1 }
                } else { out.append(c); i += 1 }
            default:
                out.append(c); i += 1
            }
        }
        return decodeEntities(String(out))
    }

    /// Parses `[label](target)` or `[label][ref]` at `i`; returns the label and the index after it.
    static func link(_ s: [Unicode.Scalar], _ i: Int) -> (String, Int)? {
        var depth = 0, j = i
        while j < s.count {
            if s[j] == "[" { depth += 1 } else if s[j] == "]" { depth -= 1; if depth == 0 { break } }
            j += 1
        }
        guard j < s.count, j + 1 < s.count else { return nil }
        let label = String(String.UnicodeScalarView(s[(i + 1)..<j]))
        let opener = s[j + 1]
        guard opener == "(" || opener == "[" else { return nil }
        let closer: Unicode.Scalar = opener == "(" ? ")" : "]"
        var k = j + 2, nest = 1
        while k < s.count {
            if s[k] == opener { nest += 1 } else if s[k] == closer { nest -= 1; if nest == 0 { return (label, k + 1) } }
            k += 1
        }
        return nil
    }
}
