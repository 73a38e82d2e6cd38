import Foundation
import SlantText

/// How much work one rubric pattern may do on one article, so no rubric can hang a
/// scoring run. The loader refuses the classic catastrophic shapes (`(a+)+`), but no
/// static check catches every slow pattern (`(a|a)*b`, `\w*\w*\w*x`, look-arounds
/// over long runs); a pattern that exceeds its budget stops where it is, keeps the
/// matches found so far, and the article carries a warning naming it.
///
/// Simple patterns (SimplePattern) count backtracking steps, so the cut-off is the same
/// on every machine; NSRegularExpression gives no step count, so it gets a deadline,
/// checked from its progress callback.
enum PatternBudget {
    /// Backtracking steps a simple pattern may take over `length` code points: a
    /// hundred times what any pattern of the bundled rubric needs.
    static func steps(forLength length: Int) -> Int { 1_000_000 + 256 * length }

    /// Seconds NSRegularExpression may spend on one pattern over `length` UTF-16 units.
    static func seconds(forLength length: Int) -> Double { 1 + Double(length) / 1_048_576 }

    static func warning(_ source: String) -> String {
        "pattern '\(source)' gave up on this article: it backtracks too much (its matching budget ran out), so its findings here may be incomplete; simplify the pattern"
    }

    /// All matches of `pattern` in `text` as code-point spans, found within the deadline;
    /// `exhausted` is true when the deadline stopped the search.
    static func run(_ pattern: CompiledPattern, on text: String) -> (spans: [TextSpan], exhausted: Bool) {
        let utf16Count = text.utf16.count
        guard utf16Count > 0 else { return ([], false) }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds(forLength: utf16Count) * 1e9)
        var ranges: [NSRange] = []
        var exhausted = false
        var ticks = 0
        pattern.regex.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(location: 0, length: utf16Count)) { result, _, stop in
            if let result {
                if result.range.location != NSNotFound && result.range.length > 0 { ranges.append(result.range) }
                return
            }
            // Progress: called about once per position tried and every few thousand steps.
            ticks += 1
            if ticks & 255 == 0 && DispatchTime.now().uptimeNanoseconds > deadline {
                exhausted = true
                stop.pointee = true
            }
        }
        guard !ranges.isEmpty else { return ([], exhausted) }
        // UTF-16 offsets equal code-point offsets unless the text has astral characters.
        let astral = utf16Count != text.unicodeScalars.count
        var map: [Int] = []
        if astral {
            map.reserveCapacity(utf16Count + 1)
            for (i, s) in text.unicodeScalars.enumerated() {
                map.append(i)
                if s.value > 0xFFFF { map.append(i) }
            }
            map.append(text.unicodeScalars.count)
        }
        return (ranges.map { r in
            let a = r.location, b = r.location + r.length
            return TextSpan(start: astral ? map[a] : a, end: astral ? map[b] : b)
        }, exhausted)
    }
}
