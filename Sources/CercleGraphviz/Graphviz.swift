import CGraphviz
import Foundation

/// The one door to Graphviz in this process.
///
/// Graphviz is not thread-safe, even with separate contexts and graphs (parallel parsing
/// segfaulted, parallel layouts aborted), so every call into libcgraph or libgvc goes
/// through ``perform(_:)``, which holds one process-wide lock. It also collects the
/// messages Graphviz prints on errors, so that callers can show Graphviz's own words.
public enum Graphviz {
    private static let lock = NSRecursiveLock()

    /// Runs `body` holding the Graphviz lock, with error capture on.
    ///
    /// - Returns: what `body` returns.
    public static func perform<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        let previous = agseterrf(captureError)
        defer { _ = agseterrf(previous) }
        return try body()
    }

    /// Clears the captured messages (call at the start of an operation, inside ``perform(_:)``).
    public static func clearMessages() {
        ErrorBuffer.shared.text = ""
        _ = agreseterrors()
    }

    /// The messages Graphviz reported since ``clearMessages()``, trimmed to one line.
    public static var messages: String {
        ErrorBuffer.shared.text
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: "; ")
    }

    /// The version of libgvc in use.
    public static var version: String {
        perform {
            guard let context = gvContext() else { return "unknown" }
            defer { gvFreeContext(context) }
            return gvcVersion(context).map { String(cString: $0) } ?? "unknown"
        }
    }
}

/// Collects Graphviz's error text; only touched under the Graphviz lock.
final class ErrorBuffer: @unchecked Sendable {
    static let shared = ErrorBuffer()
    var text = ""
}

/// Graphviz calls this with each piece of an error message.
private func captureError(_ message: UnsafeMutablePointer<CChar>?) -> Int32 {
    if let message { ErrorBuffer.shared.text += String(cString: message) }
    return 0
}

extension String {
    /// Calls `body` with a mutable C string (most of Graphviz's API takes `char *`).
    public func withMutableCString<R>(_ body: (UnsafeMutablePointer<CChar>) throws -> R) rethrows -> R {
        try withCString { try body(UnsafeMutablePointer(mutating: $0)) }
    }
}
