/// Splits units into K folds for cross-validation.
///
/// Stratified: units with and without the label are shuffled separately and dealt out in
/// turn, so every fold has about the corpus' share of labelled units and a fold's
/// figures are not skewed by an unlucky draw. The shuffle is driven by a seeded
/// generator written here (SplitMix64 and Fisher–Yates), not the standard library's
/// `shuffled(using:)`, whose algorithm is not promised to stay the same: the same seed
/// must give the same folds on every machine and Swift version.
public enum CalibrationFolds {
    /// The folds as sorted lists of positions into `gold`; disjoint, covering every
    /// position, sizes differing by at most one. Needs `folds` ≥ 1.
    public static func make(gold: [Bool], folds: Int, seed: UInt64) -> [[Int]] {
        precondition(folds >= 1, "at least one fold")
        var generator = SplitMix64(seed: seed)
        let positives = shuffle(gold.indices.filter { gold[$0] }, &generator)
        let negatives = shuffle(gold.indices.filter { !gold[$0] }, &generator)
        var out = Array(repeating: [Int](), count: folds)
        // Negatives continue the deal where positives stopped, which keeps sizes even.
        for (turn, index) in (positives + negatives).enumerated() { out[turn % folds].append(index) }
        return out.map { $0.sorted() }
    }

    static func shuffle(_ items: [Int], _ generator: inout SplitMix64) -> [Int] {
        var items = items
        guard items.count > 1 else { return items }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = Int(generator.next(below: UInt64(i + 1)))
            items.swapAt(i, j)
        }
        return items
    }
}

/// A small, well-known seeded generator (Steele, Lea & Flood 2014); good enough to
/// shuffle folds and fully specified, so its sequence never changes. The tests use it
/// too, for inputs that are random but the same every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<bound, by rejection so no value is favoured.
    mutating func next(below bound: UInt64) -> UInt64 {
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let x = next()
            if x < limit { return x % bound }
        }
    }
}
