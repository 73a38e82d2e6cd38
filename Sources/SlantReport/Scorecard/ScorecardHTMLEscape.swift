/// Escaping for everything that goes into a scorecard's HTML, text and attributes alike.
///
/// Article text and reviewer notes are untrusted: a scraped page may contain
/// `<script>` and a note may contain anything. Escaping all five significant
/// characters makes the same function safe in element content and in quoted
/// attribute values, so there is one rule to get right.
enum HTMLEscape {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Control characters other than tab and newline are not allowed in HTML text.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// For a `title` attribute: escaped, with line breaks kept as character references.
    static func attribute(_ s: String) -> String {
        escape(s).replacingOccurrences(of: "\n", with: "&#10;")
    }
}
