/// The markup an article arrives in. Markup is stripped before segmentation, and all
/// offsets refer to the resulting plain text.
public enum ArticleFormat: String, Sendable, Codable, CaseIterable {
    case text
    case markdown
    case html

    /// The format implied by a file name, or nil when the extension says nothing.
    public static func from(path: String) -> ArticleFormat? {
        let lower = path.lowercased()
        guard let dot = lower.lastIndex(of: "."), !lower[dot...].contains("/") else { return nil }
        switch lower[lower.index(after: dot)...] {
        case "txt", "text": return .text
        case "md", "markdown", "mdown", "mkd": return .markdown
        case "html", "htm", "xhtml": return .html
        default: return nil
        }
    }

    /// Guesses the format from the text itself, for stdin and unknown extensions.
    public static func sniff(_ text: String) -> ArticleFormat {
        let head = String(text.prefix(4096)).lowercased()
        let trimmed = head.drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" })
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || trimmed.hasPrefix("<?xml")
            || head.contains("<p>") || head.contains("<p ") || head.contains("<div") || head.contains("<body") {
            return .html
        }
        var markdownSigns = 0
        for line in head.split(separator: "\n", omittingEmptySubsequences: true).prefix(60) {
            if line.hasPrefix("# ") || line.hasPrefix("## ") || line.hasPrefix("> ") || line.hasPrefix("```") { markdownSigns += 2 }
            if line.contains("](") { markdownSigns += 1 }
            if line.contains("**") { markdownSigns += 1 }
        }
        return markdownSigns >= 2 ? .markdown : .text
    }
}
