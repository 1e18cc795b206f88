import Foundation

/// What ``GraphvizRenderer`` can write: chosen from the output file's extension.
public enum RenderFormat: String, Sendable, CaseIterable {
    case svg, png, pdf, dot

    /// The format for `path` by its extension (`.gv` is DOT too), or `nil`.
    public init?(path: String) {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "gv" { self = .dot; return }
        self.init(rawValue: ext)
    }

    /// Graphviz's output format name (`-T`): PNG and PDF go through cairo, whose text is
    /// set by pango and antialiased.
    var graphvizName: String {
        switch self {
        case .svg: "svg"
        case .png: "png:cairo"
        case .pdf: "pdf:cairo"
        case .dot: "dot"
        }
    }
}

/// A map that could not be drawn; the message is Graphviz's own when it has one.
public struct RenderError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
