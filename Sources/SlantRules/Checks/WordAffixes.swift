/// Affix tests on folded words, byte by byte.
///
/// `String.hasSuffix` compares Characters under canonical equivalence, and `count`
/// walks grapheme clusters: asked of every token ("-ed", "'s", "-ly"), they were the
/// costliest calls of the attribution check. The affixes asked about are ASCII and the
/// words are folded, so comparing UTF-8 bytes gives the same answers.
extension String {
    @inline(__always)
    func endsWith(_ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        let bytes = utf8
        guard bytes.count >= n else { return false }
        return suffix.withUTF8Buffer { s in
            var i = bytes.index(bytes.endIndex, offsetBy: -n)
            for b in s {
                guard bytes[i] == b else { return false }
                bytes.formIndex(after: &i)
            }
            return true
        }
    }

    @inline(__always)
    func startsWith(_ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        let bytes = utf8
        guard bytes.count >= n else { return false }
        return prefix.withUTF8Buffer { p in
            var i = bytes.startIndex
            for b in p {
                guard bytes[i] == b else { return false }
                bytes.formIndex(after: &i)
            }
            return true
        }
    }

    /// Length in code points: the same as `count` for the words of news text, without
    /// walking grapheme clusters.
    @inline(__always)
    var scalarCount: Int { unicodeScalars.count }
}
