import SlantText

/// A position in a rubric file, for `file:line:column` messages editors can jump to.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// Why a rubric could not be loaded. Every case names the file, and the line and
/// column where the YAML says where.
public enum RubricError: ReportableError, Equatable, Sendable {
    case notFound(path: String)
    case noManifest(directory: String)
    case unreadable(path: String, reason: String)
    /// YAML that does not parse, or a value of the wrong type or shape.
    case invalid(SourceLocation, message: String)
    case invalidNoPosition(file: String, message: String)

    public var description: String {
        switch self {
        case .notFound(let path): return "\(path): no such rubric directory or file"
        case .noManifest(let dir): return "\(dir): not a rubric (no rubric.yaml in it)"
        case .unreadable(let path, let reason): return "\(path): cannot be read: \(reason)"
        case .invalid(let at, let message): return "\(at): \(message)"
        case .invalidNoPosition(let file, let message): return "\(file): \(message)"
        }
    }

    public var location: SourceLocation? {
        if case .invalid(let at, _) = self { return at }
        return nil
    }
}

/// Something in a rubric that is allowed but probably a mistake (an unknown key).
public struct RubricWarning: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    public var description: String { "\(location): warning: \(message)" }
}
