import Foundation

/// Edits a rubric manifest's text to hold a calibrated label, touching nothing else.
///
/// A rubric is a document people maintain, with comments explaining each choice, so it
/// is edited as text rather than parsed and re-emitted (which would drop every comment
/// and reorder keys). Only three places change: the `version:` line, the label's
/// `threshold:` and `rule_weights:` (or the whole entry, when it is written inline as
/// `name: {…}`), and a comment above the label saying how it was calibrated — replacing
/// the comment of an earlier calibration, so they do not pile up.
public enum CalibrationManifestEdit {
    /// First line of the calibration comment; how an earlier one is recognised.
    public static let notePrefix = "# Calibrated by `slant calibrate`"

    /// - Parameters:
    ///   - note: comment lines without `#` (the first follows `notePrefix`, the rest are indented under it).
    public static func apply(to text: String, file: String, label: LabelRules.Label, model: CalibrationModel,
                             version: String, note: [String]) throws -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        // Split on scalars: "\r\n" is one Character, so a Character-based split would miss it.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line))
        }
        func fail(_ reason: String) -> CalibrationError { .cannotEdit(file: file, reason: reason) }

        // version: at the top level.
        guard let versionLine = lines.firstIndex(where: { indent($0) == 0 && key($0) == "version" }) else {
            throw fail("no top-level 'version:' line")
        }
        let quoted = value(lines[versionLine]).first.map { $0 == "\"" || $0 == "'" } ?? false
        lines[versionLine] = "version: " + (quoted ? quote(version) : scalar(version, numbersPlain: true)) + trailingComment(lines[versionLine])

        // labels: at the top level, written as a block.
        guard let labelsLine = lines.firstIndex(where: { indent($0) == 0 && key($0) == "labels" }) else {
            throw fail("no top-level 'labels:' section")
        }
        guard value(lines[labelsLine]).isEmpty else { throw fail("'labels:' is written inline; write it as a block (one label per line) to calibrate") }
        let sectionEnd = lines[(labelsLine + 1)...].firstIndex { isContent($0) && indent($0) == 0 } ?? lines.count
        guard let first = lines[(labelsLine + 1)..<sectionEnd].first(where: isContent) else { throw fail("'labels:' is empty") }
        let labelIndent = indent(first)
        guard let start = lines[(labelsLine + 1)..<sectionEnd].firstIndex(where: { isContent($0) && indent($0) == labelIndent && key($0) == label.name }) else {
            throw fail("no entry for label '\(label.name)' under 'labels:'")
        }
        // The entry runs to the next line at its own indentation or less; comments and
        // blank lines before that belong to what follows.
        var end = lines[(start + 1)..<sectionEnd].firstIndex { isContent($0) && indent($0) <= labelIndent } ?? sectionEnd
        while end > start + 1, !isContent(lines[end - 1]) && (lines[end - 1].allSatisfy(\.isWhitespace) || indent(lines[end - 1]) <= labelIndent) { end -= 1 }

        let pad = String(repeating: " ", count: labelIndent)
        var entry: [String]
        if value(lines[start]).isEmpty {
            entry = try blockEntry(Array(lines[start..<end]), model: model, fail: fail)
        } else {
            entry = inlineEntry(label: label, model: model, pad: pad)
        }

        // The comment above: drop an earlier calibration note, then add this one.
        var noteStart = start
        var k = start - 1
        while k > labelsLine, lines[k].trimmingCharacters(in: .whitespaces).hasPrefix("#   ") { k -= 1 }
        if k > labelsLine, lines[k].trimmingCharacters(in: .whitespaces).hasPrefix(notePrefix) { noteStart = k }
        let comment = note.enumerated().map { i, line in
            pad + (i == 0 ? notePrefix + " " + line : "#   " + line)
        }
        entry = comment + entry
        lines.replaceSubrange(noteStart..<end, with: entry)
        return lines.joined(separator: newline)
    }

    /// A block entry with its `threshold:` value replaced and `rule_weights:` rewritten;
    /// every other line, comments included, stays as it was.
    static func blockEntry(_ block: [String], model: CalibrationModel, fail: (String) -> CalibrationError) throws -> [String] {
        guard let firstProperty = block.dropFirst().first(where: isContent) else { throw fail("the label's entry has no keys") }
        let propIndent = indent(firstProperty)
        let pad = String(repeating: " ", count: propIndent)
        var out: [String] = [block[0]]
        var i = 1
        var thresholdAt: Int?
        while i < block.count {
            let line = block[i]
            if isContent(line), indent(line) == propIndent, key(line) == "rule_weights" {
                // Drop the old map: this line and every line nested under it.
                var lastNested = i
                for j in (i + 1)..<max(i + 1, block.count) {
                    guard isContent(block[j]) else { continue }
                    if indent(block[j]) <= propIndent { break }
                    lastNested = j
                }
                i = lastNested + 1
                continue
            }
            if isContent(line), indent(line) == propIndent, key(line) == "threshold" {
                out.append(pad + "threshold: " + number(model.threshold) + trailingComment(line))
                thresholdAt = out.count - 1
            } else {
                out.append(line)
            }
            i += 1
        }
        let weights = ruleWeightLines(model.ruleWeights, pad: pad)
        if let t = thresholdAt {
            out.insert(contentsOf: weights, at: t + 1)
        } else {
            let last = out.lastIndex(where: isContent) ?? 0
            out.insert(contentsOf: [pad + "threshold: " + number(model.threshold)] + weights, at: last + 1)
        }
        return out
    }

    /// An inline entry (`name: {…}`) written out as a block, from the parsed label.
    static func inlineEntry(label: LabelRules.Label, model: CalibrationModel, pad: String) -> [String] {
        let inner = pad + "  "
        var out = [pad + scalar(label.name) + ":"]
        if !label.families.isEmpty { out.append(inner + "families: [" + label.families.map(\.rawValue).sorted().joined(separator: ", ") + "]") }
        if !label.rules.isEmpty { out.append(inner + "rules: [" + label.rules.sorted().map { scalar($0) }.joined(separator: ", ") + "]") }
        if !label.authorOnly { out.append(inner + "voice: any") }
        if !label.sourceTypes.isEmpty { out.append(inner + "source_types: [" + label.sourceTypes.map(\.rawValue).sorted().joined(separator: ", ") + "]") }
        out.append(inner + "measure: " + (label.byWeight ? "weight" : "count"))
        out.append(inner + "threshold: " + number(model.threshold))
        return out + ruleWeightLines(model.ruleWeights, pad: inner)
    }

    static func ruleWeightLines(_ weights: [String: Double], pad: String) -> [String] {
        guard !weights.isEmpty else { return [] }
        return [pad + "rule_weights:"] + weights.keys.sorted().map { pad + "  " + scalar($0) + ": " + number(weights[$0]!) }
    }

    /// The next patch version: the last number in the version goes up by one
    /// (0.2.0 → 0.2.1, 2.0-beta.3 → 2.0-beta.4); a version without one gets ".1".
    public static func bumpedVersion(_ version: String) -> String {
        let chars = Array(version)
        guard let last = chars.lastIndex(where: \.isASCIIDigit) else { return version + ".1" }
        var first = last
        while first > 0, chars[first - 1].isASCIIDigit { first -= 1 }
        let number = Int(String(chars[first...last])).map { String($0 + 1) } ?? String(chars[first...last]) + ".1"
        return String(chars[..<first]) + number + String(chars[(last + 1)...])
    }

    // MARK: reading lines

    static func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    /// Not blank and not only a comment.
    static func isContent(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return !t.isEmpty && !t.hasPrefix("#")
    }

    /// The mapping key a line starts with (quotes removed), if it is `key:`.
    static func key(_ line: String) -> String? {
        let t = line.drop { $0 == " " }
        if let q = t.first, q == "\"" || q == "'" {
            guard let close = t.dropFirst().firstIndex(of: q) else { return nil }
            let after = t[t.index(after: close)...].drop { $0 == " " }
            return after.first == ":" ? String(t[t.index(after: t.startIndex)..<close]) : nil
        }
        guard let colon = t.firstIndex(where: { $0 == ":" }) else { return nil }
        let rest = t[t.index(after: colon)...]
        guard rest.isEmpty || rest.first == " " else { return nil }
        let k = t[..<colon].trimmingCharacters(in: .whitespaces)
        return k.isEmpty || k.hasPrefix("#") || k.hasPrefix("-") ? nil : k
    }

    /// What follows `key:` on the line, without a trailing comment.
    static func value(_ line: String) -> String {
        guard let colon = colonOfKey(line) else { return "" }
        var rest = String(line[line.index(after: colon)...])
        if let hash = rest.range(of: " #") { rest = String(rest[..<hash.lowerBound]) }
        return rest.trimmingCharacters(in: .whitespaces)
    }

    static func colonOfKey(_ line: String) -> String.Index? {
        let t = line.drop { $0 == " " }
        if let q = t.first, q == "\"" || q == "'", let close = t.dropFirst().firstIndex(of: q) {
            return t[t.index(after: close)...].firstIndex(of: ":")
        }
        return t.firstIndex(of: ":")
    }

    /// ` # …` at the end of a `key: value` line, kept when the value is replaced.
    static func trailingComment(_ line: String) -> String {
        guard let colon = colonOfKey(line) else { return "" }
        let rest = line[line.index(after: colon)...]
        guard let hash = rest.range(of: " #") else { return "" }
        let before = rest[..<hash.lowerBound]
        // A '#' inside quotes is not a comment; the values edited here are never quoted with one.
        if before.contains("\"") || before.contains("'") { return "" }
        return "  " + rest[hash.lowerBound...].trimmingCharacters(in: .whitespaces)
    }

    // MARK: writing values

    /// A number as YAML reads it back to the same Double: 1, 0.25, 1.5.
    public static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : "\(d)"
    }

    /// A plain scalar when that is safe (rule ids, label names, versions), else double-quoted.
    /// A number-like string stays plain only where it is read as a string anyway (`version:`).
    static func scalar(_ s: String, numbersPlain: Bool = false) -> String {
        let plain = s.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-/+".unicodeScalars.contains($0) }
        let looksOther = ["true", "false", "yes", "no", "null", "on", "off", "~"].contains(s.lowercased())
            || (!numbersPlain && Double(s) != nil) || s.first == "-"
        if plain && !s.isEmpty && !looksOther { return s }
        return quote(s)
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
