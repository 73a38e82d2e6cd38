/// Finds the 1-based line and column of a code-point offset, for lint-style output
/// (`file:line:col`) that editors can jump to.
public struct LineIndex: Sendable {
    /// Code-point offset at which each line starts.
    private let lineStarts: [Int]

    public init(_ text: String) {
        var starts = [0]
        var i = 0
        for s in text.unicodeScalars {
            i += 1
            if s == "\n" { starts.append(i) }
        }
        lineStarts = starts
    }

    /// Line and column, both starting at 1; the column counts code points.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, offset - lineStarts[lo] + 1)
    }
}
