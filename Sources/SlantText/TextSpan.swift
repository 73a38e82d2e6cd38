/// A half-open range of Unicode scalar (code point) offsets into an article's text.
///
/// Code points, not bytes or UTF-16 units, because the W3C Web Annotation model
/// (TextPositionSelector) counts them and every other Slant output must line up with it.
public struct TextSpan: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "span start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    public func contains(_ other: TextSpan) -> Bool { other.start >= start && other.end <= end }
    public func overlaps(_ other: TextSpan) -> Bool { other.start < end && start < other.end }

    /// The same span moved by `delta` code points; used to turn paragraph-local offsets into article offsets.
    public func shifted(by delta: Int) -> TextSpan { TextSpan(start: start + delta, end: end + delta) }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "\(start)..<\(end)" }
}
