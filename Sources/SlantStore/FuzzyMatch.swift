/// Approximate substring search (Sellers' algorithm): the windows of a text with the
/// smallest edit distance to a pattern, where the match may start anywhere.
/// O(text × pattern) time, O(pattern) memory; articles are a few thousand code points.
enum FuzzyMatch {
    struct Candidate: Equatable {
        var start: Int
        var end: Int
        var distance: Int
    }

    /// Windows whose edit distance to `pattern` is at most `maxDistance`, one per
    /// local minimum of the distance along the text.
    static func candidates(of pattern: [Unicode.Scalar], in text: [Unicode.Scalar], maxDistance: Int) -> [Candidate] {
        let m = pattern.count
        guard m > 0, !text.isEmpty else { return [] }
        // column[i]: distance of pattern[0..<i] to the best window ending here; starts[i]: where that window starts.
        var column = Array(0...m)
        var starts = Array(repeating: 0, count: m + 1)
        var ends: [(end: Int, distance: Int, start: Int)] = []
        ends.reserveCapacity(text.count)
        for j in 0..<text.count {
            var diagonal = column[0], diagonalStart = starts[0]
            column[0] = 0
            starts[0] = j + 1
            let c = text[j]
            for i in 1...m {
                let up = column[i]       // text char inserted
                let upStart = starts[i]
                var best = diagonal + (pattern[i - 1] == c ? 0 : 1)
                var bestStart = diagonalStart
                if up + 1 < best { best = up + 1; bestStart = upStart }
                if column[i - 1] + 1 < best { best = column[i - 1] + 1; bestStart = starts[i - 1] } // pattern char deleted
                diagonal = up
                diagonalStart = upStart
                column[i] = best
                starts[i] = bestStart
            }
            ends.append((j + 1, column[m], starts[m]))
        }
        var result: [Candidate] = []
        for (k, e) in ends.enumerated() where e.distance <= maxDistance {
            let before = k > 0 ? ends[k - 1].distance : Int.max
            let after = k + 1 < ends.count ? ends[k + 1].distance : Int.max
            if e.distance <= before && e.distance < after || e.distance < before && e.distance <= after {
                result.append(Candidate(start: e.start, end: e.end, distance: e.distance))
            }
        }
        return result
    }
}
