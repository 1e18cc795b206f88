import Foundation

/// A plugin executable that was found but cannot be used, and why.
public struct ExternalPluginFailure: Sendable, Equatable {
    /// The `NAME` of `cercle-plugin-NAME`.
    public let name: String
    /// Where the executable is.
    public let executable: URL
    /// The one-line reason.
    public let reason: String
}

/// Why a descriptor was refused: one line.
public struct DescriptorError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
