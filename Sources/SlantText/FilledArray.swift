extension Array {
    /// `count` copies of `value`, like `init(repeating:count:)`, but allocated through the
    /// specialised growth path. `init(repeating:count:)` and `init(unsafeUninitializedCapacity:)`
    /// allocate through the standard library's unspecialised path, which looks the array's
    /// type up at run time: some 400 instructions an array, paid by a dozen arrays an article.
    @inlinable
    public init(filled value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
