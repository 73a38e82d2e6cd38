/// Converts between UTF-8 byte offsets and Unicode scalar offsets of one text.
///
/// Matchers run over UTF-8 bytes because that is fast; everything a user sees is in
/// code points. A checkpoint every 64 bytes keeps the table at 1/16 of the text size
/// while each lookup scans at most 63 bytes; for non-ASCII text a second table holds
/// the byte offset of every 32nd scalar for the opposite direction.
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
                // and the bit below is clear; one mask and a popcount count eight bytes.
                var anyWord: UInt64 = 0
                while i + 8 <= end {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    anyWord |= w
                    continuation &+= (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                    i += 8
                }
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
        // Byte offset of every 32nd scalar, so finding a scalar is one lookup and a short walk.
        var starts: [Int] = []
        if !isASCII {
            starts.reserveCapacity(scalars / Self.scalarBlock + 1)
            bytes.withUnsafeBufferPointer { buf in
                var n = 0
                for i in 0..<buf.count where buf[i] & 0xC0 != 0x80 {
                    if n & (Self.scalarBlock - 1) == 0 { starts.append(i) }
                    n += 1
                }
            }
        }
        scalarStarts = starts
    }

    private static let scalarBlock = 32
    /// Byte offset of scalar 0, 32, 64, … (empty for ASCII text, where offsets coincide).
    private let scalarStarts: [Int]

    public var byteCount: Int { bytes.count }

    /// The scalar offset of the scalar that starts at (or contains) byte `byteOffset`.
    public func scalarOffset(ofByte byteOffset: Int) -> Int {
        if isASCII || byteOffset <= 0 { return max(0, byteOffset) }
        if byteOffset >= bytes.count { return scalarCount }
        let block = byteOffset >> Self.blockShift
        var scalars = checkpoints[block]
        var i = block << Self.blockShift
        while i < byteOffset {
            if bytes[i] & 0xC0 != 0x80 { scalars += 1 }
            i += 1
        }
        // A byte in the middle of a scalar belongs to the scalar already counted.
        if bytes[byteOffset] & 0xC0 == 0x80 { scalars -= 1 }
        return scalars
    }

    /// The byte offset where scalar number `scalarOffset` starts.
    public func byteOffset(ofScalar scalarOffset: Int) -> Int {
        if isASCII || scalarOffset <= 0 { return max(0, min(scalarOffset, bytes.count)) }
        if scalarOffset >= scalarCount { return bytes.count }
        return bytes.withUnsafeBufferPointer { buf in
            var i = scalarStarts[scalarOffset / Self.scalarBlock]
            var left = scalarOffset % Self.scalarBlock
            while left > 0 {
                i += 1
                while i < buf.count && buf[i] & 0xC0 == 0x80 { i += 1 }
                left -= 1
            }
            return i
        }
    }
}
