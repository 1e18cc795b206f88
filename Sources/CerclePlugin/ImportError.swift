/// Bad input: a file Cercle cannot read, with where and why.
///
/// The description is one line, `file:line:column: reason`, the way compilers report
/// errors, so that editors and terminals can jump to the place.
///
/// Built through static factories over an internal enum (the argument-parser way), so
/// new kinds of errors can be added without breaking callers.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, as given on the command line.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column, when known.
    public var column: Int?
    let kind: Kind

    enum Kind: Sendable, Equatable {
        case malformed(String)
        case unreadable(String)
        case unknownFormat(String)
        case unsafe(String)
        case plugin(name: String, message: String)
    }

    /// The reason, without the location.
    public var reason: String {
        switch kind {
        case .malformed(let reason), .unreadable(let reason), .unknownFormat(let reason), .unsafe(let reason):
            reason
        case .plugin(let name, let message):
            "plugin \(name): \(message)"
        }
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(reason)"
    }

    /// The content does not follow the format.
    public static func malformed(_ reason: String, file: String, line: Int? = nil, column: Int? = nil) -> ImportError {
        ImportError(file: file, line: line, column: column, kind: .malformed(reason))
    }

    /// The file cannot be opened or read.
    public static func unreadable(_ reason: String, file: String) -> ImportError {
        ImportError(file: file, line: nil, column: nil, kind: .unreadable(reason))
    }

    /// No importer recognises the file.
    public static func unknownFormat(_ reason: String, file: String) -> ImportError {
        ImportError(file: file, line: nil, column: nil, kind: .unknownFormat(reason))
    }

    /// The file asks for something Cercle refuses to do (an external XML entity, an
    /// entity-expansion bomb).
    public static func unsafe(_ reason: String, file: String, line: Int? = nil, column: Int? = nil) -> ImportError {
        ImportError(file: file, line: line, column: column, kind: .unsafe(reason))
    }

    /// An external plugin failed (non-zero exit, crash, malformed output, timeout).
    public static func plugin(_ name: String, _ message: String, file: String, line: Int? = nil) -> ImportError {
        ImportError(file: file, line: line, column: nil, kind: .plugin(name: name, message: message))
    }
}

/// A failure to write an output file.
public struct ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The output file.
    public var file: String
    /// What went wrong.
    public var reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "\(file): \(reason)" }
}
