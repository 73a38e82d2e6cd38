/// Converts between UTF-8 byte offsets and Unicode scalar offsets of one text.
///
/// Matchers run over UTF-8 bytes because that is fast; everything a user sees is in
/// code points. A checkpoint every 64 bytes keeps the table at 1/16 of the text size
/// while each lookup scans at most 63 bytes, eight at a time; the same table serves
/// both directions.
public struct OffsetMap: Sendable {
    private static let blockShift = 6
    private static let blockSize = 1 << blockShift

    /// Scalar offset at the start of each 64-byte block.
    private let checkpoints: [Int]
    private let bytes: [UInt8]
    public let isASCII: Bool
    public let scalarCount: Int

    public init(utf8 bytes: [UInt8]) {
        self.bytes = bytes
        var any: UInt8 = 0
        var points: [Int] = []
        points.reserveCapacity(bytes.count / Self.blockSize + 1)
        var scalars = 0
        bytes.withUnsafeBufferPointer { buf in
            let raw = UnsafeRawBufferPointer(buf)
            var blockStart = 0
            while blockStart < buf.count {
                points.append(scalars)
                let end = min(blockStart + Self.blockSize, buf.count)
                var continuation = 0
                var i = blockStart
                // Eight bytes at a time: a continuation byte is 10xxxxxx, so its top bit is set
                // and the bit below is clear; one mask flags eight bytes, and the flags add up
                // per byte lane until the block's end (at most 8 a lane).
                var anyWord: UInt64 = 0, lanes: UInt64 = 0
                while i + 8 <= end {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    anyWord |= w
                    lanes &+= Self.continuationBits(w) >> 7
                    i += 8
                }
                continuation = Self.laneSum(lanes)
                if anyWord & 0x8080_8080_8080_8080 != 0 { any |= 0x80 }
                while i < end {
                    let b = buf[i]
                    any |= b
                    continuation &+= Int((b >> 6) == 2 ? 1 : 0)
                    i += 1
                }
                scalars += (end - blockStart) - continuation
                blockStart = end
            }
        }
        checkpoints = points
        isASCII = any < 0x80
        scalarCount = scalars
    }

    public var byteCount: Int { bytes.count }

    /// The scalar offset of the scalar that starts at (or contains) byte `byteOffset`.
    public func scalarOffset(ofByte byteOffset: Int) -> Int {
        if isASCII || byteOffset <= 0 { return max(0, byteOffset) }
        if byteOffset >= bytes.count { return scalarCount }
        let block = byteOffset >> Self.blockShift
        let start = block << Self.blockShift
        return bytes.withUnsafeBufferPointer { buf in
            // Scalars start at every byte but continuation bytes; counted eight at a time,
            // as in `init` (a byte at a time, this lookup was half of every lexicon hit's cost).
            let raw = UnsafeRawBufferPointer(buf)
            var lanes: UInt64 = 0
            var i = start
            while i + 8 <= byteOffset {
                lanes &+= Self.continuationBits(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) >> 7
                i += 8
            }
            var continuation = Self.laneSum(lanes)
            while i < byteOffset {
                if buf[i] & 0xC0 == 0x80 { continuation += 1 }
                i += 1
            }
            var scalars = checkpoints[block] + (byteOffset - start) - continuation
            // A byte in the middle of a scalar belongs to the scalar already counted.
            if buf[byteOffset] & 0xC0 == 0x80 { scalars -= 1 }
            return scalars
        }
    }

    /// The byte offset where scalar number `scalarOffset` starts.
    ///
    /// The checkpoints serve this direction too: the scalar lies in the last block whose
    /// checkpoint is not past it, found by galloping up from block `scalarOffset / 64` (a
    /// scalar starts no earlier than its own number), a step or two in mostly-ASCII text.
    /// A table of every 32nd scalar's byte offset did it with one lookup, but building it
    /// was a second pass over the text and most of `init`'s cost.
    public func byteOffset(ofScalar scalarOffset: Int) -> Int {
        if isASCII || scalarOffset <= 0 { return max(0, min(scalarOffset, bytes.count)) }
        if scalarOffset >= scalarCount { return bytes.count }
        let block = checkpoints.withUnsafeBufferPointer { points in
            let last = points.count - 1
            var low = min(scalarOffset >> Self.blockShift, last) // points[low] <= scalarOffset
            var step = 1
            while low + step <= last && points[low + step] <= scalarOffset { low += step; step <<= 1 }
            var high = min(low + step, last + 1) // points[high] > scalarOffset, or past the end
            while high - low > 1 {
                let mid = (low + high) >> 1
                if points[mid] <= scalarOffset { low = mid } else { high = mid }
            }
            return low
        }
        return bytes.withUnsafeBufferPointer { buf in
            let raw = UnsafeRawBufferPointer(buf)
            let n = buf.count
            var i = block << Self.blockShift
            // Scalar starts still to pass from `i`: whole words while the wanted one lies
            // beyond them, then its position within the word.
            var left = scalarOffset - checkpoints[block]
            while i + 8 <= n {
                var starts = Self.leadBits(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let count = Self.laneSum(starts >> 7)
                if count > left {
                    for _ in 0..<left { starts &= starts &- 1 }
                    return i + starts.trailingZeroBitCount >> 3
                }
                left -= count
                i += 8
            }
            while i < n {
                if buf[i] & 0xC0 != 0x80 {
                    if left == 0 { return i }
                    left -= 1
                }
                i += 1
            }
            return n
        }
    }

    @inline(__always) private static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// The top bit of each continuation byte (10xxxxxx) of a word: top bit set and the bit
    /// below clear.
    @inline(__always) static func continuationBits(_ w: UInt64) -> UInt64 {
        w & ~(w << 1) & highBits
    }

    /// The top bit of each byte of a little-endian word that starts a scalar, so that
    /// `trailingZeroBitCount >> 3` is the byte's index.
    @inline(__always) static func leadBits(_ w: UInt64) -> UInt64 {
        ~continuationBits(UInt64(littleEndian: w)) & highBits
    }

    /// The sum of a word's eight byte lanes (each sum below 256). One multiply: the build
    /// targets x86-64 without POPCNT, where `nonzeroBitCount` is a dozen instructions.
    @inline(__always) static func laneSum(_ lanes: UInt64) -> Int {
        Int(truncatingIfNeeded: (lanes &* 0x0101_0101_0101_0101) >> 56)
    }
}
