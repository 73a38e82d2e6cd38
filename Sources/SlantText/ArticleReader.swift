import Foundation

/// Reads article files (or stdin) into `Article`s, turning every way a file can be
/// wrong into a `SlantTextError` that names it.
public enum ArticleReader {
    /// Reads and segments the article at `path`; `-` reads standard input.
    public static func read(path: String, format: ArticleFormat? = nil, lossy: Bool = false, limit: Int = maxBytes) throws -> Article {
        let bytes = try readBytes(path: path, limit: limit)
        let text = try decode(bytes, path: path, lossy: lossy)
        let chosen = format ?? ArticleFormat.from(path: path) ?? ArticleFormat.sniff(text)
        return Article(source: path, format: chosen, rawText: text)
    }

    /// The environment variable that sets `maxBytes` in MB.
    public static let maxBytesVariable = "SLANT_MAX_ARTICLE_MB"

    /// The largest article read: 16 MB, or `$SLANT_MAX_ARTICLE_MB`. Scoring holds an
    /// article's text, tokens and findings in memory (tens of bytes per byte of text),
    /// so a larger file — a log, a dump, a whole site in one file — is refused with a
    /// one-line error before it is read rather than exhausting memory.
    public static let maxBytes: Int = {
        if let value = ProcessInfo.processInfo.environment[maxBytesVariable], let mb = Double(value), mb > 0, mb < 1_048_576 {
            return Int(mb * 1_048_576)
        }
        return 16 << 20
    }()

    public static func readBytes(path: String, limit: Int = maxBytes) throws -> [UInt8] {
        if path == "-" {
            return try readStream(FileHandle.standardInput, path: path, limit: limit)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw SlantTextError.fileNotFound(path: path)
        }
        if isDir.boolValue { throw SlantTextError.isDirectory(path: path) }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw SlantTextError.unreadable(path: path, reason: "permission denied")
        }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
            if Int(info.st_size) > limit { throw SlantTextError.tooLarge(path: path, bytes: Int(info.st_size), limit: limit) }
            do {
                return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe))
            } catch {
                throw SlantTextError.unreadable(path: path, reason: reason(error))
            }
        }
        // A pipe (`<(…)`), FIFO or device: read it as a stream, up to the limit.
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SlantTextError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { try? handle.close() }
        return try readStream(handle, path: path, limit: limit)
    }

    /// Reads `handle` to its end, refusing more than `limit` bytes.
    static func readStream(_ handle: FileHandle, path: String, limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw SlantTextError.unreadable(path: path, reason: reason(error))
            }
            if chunk.isEmpty { return bytes }
            bytes += chunk
            if bytes.count > limit { throw SlantTextError.tooLarge(path: path, bytes: 0, limit: limit) }
        }
    }

    /// The system's reason for a failed read, in one line.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription.replacingOccurrences(of: "\n", with: " ")
    }

    /// Decodes UTF-8 (with or without BOM) or BOM-marked UTF-16 and normalises line endings.
    public static func decode(_ bytes: [UInt8], path: String, lossy: Bool = false) throws -> String {
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            return normalizeLineEndings(try decodeUTF16(bytes, bigEndian: bytes[0] == 0xFE, path: path, lossy: lossy))
        }
        var body = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { body = bytes[3...] }
        if body.prefix(8192).contains(0) { throw SlantTextError.binary(path: path) }
        if !lossy, let bad = firstInvalidUTF8(body) {
            throw SlantTextError.invalidUTF8(path: path, byteOffset: bad + (bytes.count - body.count))
        }
        return normalizeLineEndings(String(decoding: body, as: UTF8.self))
    }

    private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool, path: String, lossy: Bool) throws -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        if !lossy {
            var it = units.makeIterator()
            var codec = UTF16()
            decoding: while true {
                switch codec.decode(&it) {
                case .scalarValue(let s) where s.value == 0: throw SlantTextError.binary(path: path)
                case .scalarValue: continue
                case .emptyInput: break decoding
                case .error: throw SlantTextError.invalidUTF16(path: path)
                }
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil.
    public static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        let base = bytes.startIndex
        var i = base
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let need: Int, minValue: UInt32
            var value: UInt32
            switch b {
            case 0xC2...0xDF: need = 1; value = UInt32(b & 0x1F); minValue = 0x80
            case 0xE0...0xEF: need = 2; value = UInt32(b & 0x0F); minValue = 0x800
            case 0xF0...0xF4: need = 3; value = UInt32(b & 0x07); minValue = 0x10000
            default: return i - base
            }
            if i + need >= end { return i - base }
            for k in 1...need {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 { return i - base }
                value = value << 6 | UInt32(c & 0x3F)
            }
            if value < minValue || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return i - base }
            i += need + 1
        }
        return nil
    }

    /// CRLF and lone CR become LF; nothing else changes, so offsets stay predictable.
    public static func normalizeLineEndings(_ text: String) -> String {
        var probe = text
        let hasCR = probe.withUTF8 { buf in buf.baseAddress.map { memchr($0, 0x0D, buf.count) != nil } ?? false }
        guard hasCR else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for b in text.utf8 {
            if b == 0x0D { out.append(0x0A); previousCR = true; continue }
            if b == 0x0A && previousCR { previousCR = false; continue }
            previousCR = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
