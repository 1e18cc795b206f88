/// What a plugin reads or writes: a format id shared by the importer and the exporter
/// of one format, a human name, file extensions and a quality that breaks ties when two
/// plugins claim the same file equally.
public struct FormatDescriptor: Sendable, Hashable, Codable {
    /// A short, stable id: `csv`, `graphml`, `linkedin`. Used by `--format`.
    public var id: String
    /// A human name: "LinkedIn Connections.csv".
    public var name: String
    /// File extensions without the dot, lower case: `["graphml", "xml"]`.
    public var fileExtensions: [String]
    /// Higher wins when two plugins are equally sure of a file (default 0).
    public var quality: Int
    /// Where the plugin comes from: `built-in`, or the path of an external executable.
    public var origin: String
    /// The plugin's version (external plugins report their own).
    public var version: String

    public init(
        id: String, name: String, fileExtensions: [String], quality: Int = 0,
        origin: String = "built-in", version: String = CercleVersion.current
    ) {
        self.id = id
        self.name = name
        self.fileExtensions = fileExtensions
        self.quality = quality
        self.origin = origin
        self.version = version
    }
}

/// The version of Cercle and of its plugin protocol.
public enum CercleVersion {
    /// Cercle's version.
    public static let current = "0.1.0"
    /// The version of the JSON-lines interchange and external-plugin protocol.
    public static let protocolVersion = 1
}

/// The first bytes of a file and its name, for content sniffing.
public struct SniffSample: Sendable {
    /// Up to the first 64 KiB of the file.
    public let bytes: [UInt8]
    /// The file's extension, lower-cased, without the dot (`""` if none).
    public let fileExtension: String
    /// The file's name without folders.
    public let fileName: String

    public init(bytes: [UInt8], fileExtension: String, fileName: String) {
        self.bytes = bytes
        self.fileExtension = fileExtension
        self.fileName = fileName
    }

    /// The sample as text (invalid UTF-8 repaired), without a byte-order mark.
    public var text: String {
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        return String(decoding: slice, as: UTF8.self)
    }

    /// The first non-empty line of ``text``, trimmed.
    public var firstLine: String {
        text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }

    /// Whether the file has one of `extensions`.
    public func hasExtension(_ extensions: [String]) -> Bool { extensions.contains(fileExtension) }
}

/// How sure a plugin is that it reads a file.
public enum SniffConfidence: Int, Sendable, Comparable {
    /// Not this format.
    case no = 0
    /// The extension fits, the content says nothing against it.
    case possible = 1
    /// The content has this format's signature (a header row, a root element).
    case likely = 2
    /// The content is unmistakably this format (`BEGIN:VCARD`, the LinkedIn notice).
    case certain = 3

    public static func < (lhs: SniffConfidence, rhs: SniffConfidence) -> Bool { lhs.rawValue < rhs.rawValue }
}
