/// A rule's message template: `{match}`, `{term}`, `{source}` and `{source_type}` are
/// replaced by the finding's values; other braces are left as written.
enum MessageTemplate {
    /// Fills the template in one pass over its UTF-8 bytes (Character-level searching
    /// made this a quarter of the attribution check's time).
    static func fill(_ template: String, match: String, term: String? = nil, source: String? = nil, sourceType: SourceType? = nil) -> String {
        let bytes = template.utf8
        guard bytes.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        out.reserveCapacity(bytes.count + match.utf8.count + 16)
        var literalStart = bytes.startIndex
        var i = bytes.startIndex
        while i < bytes.endIndex {
            guard bytes[i] == UInt8(ascii: "{"), let close = bytes[i...].firstIndex(of: UInt8(ascii: "}")) else {
                i = bytes.index(after: i)
                continue
            }
            let name = Substring(template.utf8[bytes.index(after: i)..<close])
            let value: String?
            switch name {
            case "match": value = match
            case "term": value = term ?? match
            case "source": value = source ?? "no source"
            case "source_type": value = sourceType?.rawValue ?? ""
            default: value = nil
            }
            if let value {
                out += Substring(template.utf8[literalStart..<i])
                out += value
                literalStart = bytes.index(after: close)
            }
            i = bytes.index(after: close)
        }
        out += Substring(template.utf8[literalStart..<bytes.endIndex])
        return out
    }
}
