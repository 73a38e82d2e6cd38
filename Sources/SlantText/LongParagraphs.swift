/// Bounds the work per paragraph: a block of text longer than `maxParagraphLength`
/// code points (no paragraph of real news comes close) is analysed as several
/// paragraphs, cut at the last sentence end before the limit, else at the last white
/// space, else at the limit itself. Offsets do not change — only where one paragraph
/// ends and the next begins — and no check ever sees an unbounded paragraph, so a
/// 100 MB file on one line is scored in time and memory proportional to its size.
extension Segmenter {
    public static let maxParagraphLength = 4_000

    /// `block` itself when it is short enough, else consecutive pieces of at most
    /// `limit` code points, each trimmed of white space at both ends.
    static func pieces(of block: Range<Int>, in s: [Unicode.Scalar], limit: Int = maxParagraphLength) -> [Range<Int>] {
        guard block.count > limit, limit > 1 else { return [block] }
        var result: [Range<Int>] = []
        var start = block.lowerBound
        while start < block.upperBound {
            // Skip white space left after the previous cut.
            while start < block.upperBound, ScalarClass.isSpace(s[start]) { start += 1 }
            guard start < block.upperBound else { break }
            if block.upperBound - start <= limit {
                result.append(start..<block.upperBound)
                break
            }
            let cut = cutPoint(s, from: start, limit: limit)
            var end = cut
            while end > start, ScalarClass.isSpace(s[end - 1]) { end -= 1 }
            if end > start { result.append(start..<end) }
            start = cut
        }
        return result
    }

    /// Where to end a piece that starts at `start` and may not reach `start + limit`:
    /// after a sentence terminator (and its closing marks) followed by white space, in
    /// the second half of the window; else at white space; else at the limit.
    private static func cutPoint(_ s: [Unicode.Scalar], from start: Int, limit: Int) -> Int {
        let hard = start + limit
        let floor = start + limit / 2
        var lastSpace: Int?
        var k = hard
        while k > floor {
            // A cut at k ends the piece before s[k]; s[k] must be white space.
            if ScalarClass.isSpace(s[k]) {
                if lastSpace == nil { lastSpace = k }
                var j = k - 1
                while j > start, SentenceSplitter.isTrailingCloser(s[j]) { j -= 1 }
                if SentenceSplitter.isTerminator(s[j]) { return k }
            }
            k -= 1
        }
        return lastSpace ?? hard
    }
}
