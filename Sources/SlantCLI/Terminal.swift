import Foundation

/// Writing to the terminal: errors on stderr, colour only when a person is watching.
public enum Terminal {
    public static func error(_ message: String) {
        FileHandle.standardError.write(Data("slant: \(message)\n".utf8))
    }

    public static func warning(_ message: String) {
        FileHandle.standardError.write(Data("slant: warning: \(message)\n".utf8))
    }

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    public static var useColor: Bool {
        if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return false }
        return isatty(STDOUT_FILENO) != 0
    }

    /// Writes to stdout in one piece so large reports are not interleaved with stderr.
    public static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
