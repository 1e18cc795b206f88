/// An analysis that cannot run on the data it was given (negative weights for a path
/// measure, a Katz α too large to converge, a node id that does not exist).
///
/// Built through static factories over an internal enum, so cases can be added without
/// breaking callers.
public struct AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    let kind: Kind

    enum Kind: Sendable, Equatable {
        case invalidWeights(String)
        case noConvergence(String)
        case invalidInput(String)
    }

    public var description: String {
        switch kind {
        case .invalidWeights(let message), .noConvergence(let message), .invalidInput(let message): message
        }
    }

    /// Edge weights that the chosen convention cannot use.
    public static func invalidWeights(_ message: String) -> AnalysisError { AnalysisError(kind: .invalidWeights(message)) }
    /// An iterative method that did not converge.
    public static func noConvergence(_ message: String) -> AnalysisError { AnalysisError(kind: .noConvergence(message)) }
    /// Input that the analysis cannot use (an unknown node, an empty graph).
    public static func invalidInput(_ message: String) -> AnalysisError { AnalysisError(kind: .invalidInput(message)) }
}

/// Called with the fraction of work done, in [0, 1], from any thread.
public typealias ProgressHandler = @Sendable (Double) -> Void
