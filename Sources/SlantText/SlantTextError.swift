/// An error whose description is a complete one-line message for the person running Slant.
/// The CLI prints it as is and exits 2.
public protocol ReportableError: Error, CustomStringConvertible {}

/// Why an article could not be read. Each message names the file, so a batch run
/// tells the reviewer exactly which input to fix.
public enum SlantTextError: ReportableError, Equatable, Sendable {
    case fileNotFound(path: String)
    case isDirectory(path: String)
    case unreadable(path: String, reason: String)
    case binary(path: String)
    case invalidUTF8(path: String, byteOffset: Int)
    case invalidUTF16(path: String)
    /// Larger than `ArticleReader.maxBytes`: refused before it is read, so memory stays bounded.
    case tooLarge(path: String, bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .fileNotFound(let path): return "\(path): no such file"
        case .isDirectory(let path): return "\(path): is a directory, not an article file"
        case .unreadable(let path, let reason): return "\(path): cannot be read: \(reason)"
        case .binary(let path): return "\(path): looks like a binary file (it contains NUL bytes), not an article"
        case .invalidUTF8(let path, let offset): return "\(path): invalid UTF-8 at byte \(offset) (use --lossy to replace bad bytes)"
        case .invalidUTF16(let path): return "\(path): starts with a UTF-16 byte-order mark but is not valid UTF-16"
        case .tooLarge(let path, let bytes, let limit):
            // bytes is 0 for a stream (stdin, a pipe) stopped at the limit.
            let size = bytes == 0 ? "more than \(megabytes(limit)) MB"
                : megabytes(bytes) == megabytes(limit) ? "\(bytes) bytes" : "\(megabytes(bytes)) MB"
            return "\(path): \(size) is too large for one article (the limit is \(megabytes(limit)) MB; set \(ArticleReader.maxBytesVariable) to raise it)"
        }
    }
}

/// `n` bytes in MB (2^20) with at most one decimal: 16, 100.5.
private func megabytes(_ n: Int) -> String {
    let tenths = (n * 10 + (1 << 19)) >> 20
    return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
}
