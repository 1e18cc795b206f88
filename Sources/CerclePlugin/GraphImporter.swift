import CercleCore
import Foundation

/// Reads one file format into a ``GraphBuilder``.
///
/// An importer is a small value: a ``FormatDescriptor``, a ``sniff(_:)`` that says how
/// sure it is that a file is its format, and ``read(_:into:)``, which streams the file
/// into the builder through an ``ImportContext`` (which also keeps the report).
///
/// Register a new importer in `CercleBuiltins` (in-tree) or ship it as an external
/// `cercle-plugin-NAME` executable; see PLUGINS.md.
public protocol GraphImporter: Sendable {
    /// The format read; its id is shared with the exporter of the same format.
    var format: FormatDescriptor { get }

    /// Whether ids in this format name the same node across files (graph files) or only
    /// within the file (contact exports). Default: `.global`.
    var idScope: GraphBuilder.IDScope { get }

    /// What one row is: `row`, `card`, `message`, `event`. Default: `row`.
    var rowUnit: String { get }

    /// Whether files of this format are read before the others of the same command (node
    /// tables, so that node order follows them). Default: `false`.
    var readsFirst: Bool { get }

    /// How sure the importer is that `sample` is its format. Default: `.possible` when the
    /// extension matches, `.no` otherwise.
    func sniff(_ sample: SniffSample) -> SniffConfidence

    /// Reads `input` into `context`.
    ///
    /// - Throws: ``ImportError`` naming the file, the line and the reason when the file
    ///   cannot be read as a whole. A bad row that can be skipped is recorded with
    ///   ``ImportContext/skip(line:reason:)`` instead.
    func read(_ input: ImportInput, into context: inout ImportContext) throws
}

extension GraphImporter {
    public var idScope: GraphBuilder.IDScope { .global }
    public var rowUnit: String { "row" }
    public var readsFirst: Bool { false }

    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        sample.hasExtension(format.fileExtensions) ? .possible : .no
    }
}

/// A file to import.
public struct ImportInput: Sendable {
    /// Where the file is.
    public let url: URL
    /// The name to use in messages (the path as the user gave it).
    public let displayName: String

    public init(url: URL, displayName: String? = nil) {
        self.url = url
        self.displayName = displayName ?? url.path
    }

    /// The whole file, memory-mapped when possible.
    ///
    /// - Throws: ``ImportError/unreadable(_:file:)``.
    public func bytes() throws -> Data {
        do {
            return try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw ImportError.unreadable(Self.describe(error), file: displayName)
        }
    }

    /// The whole file as text: UTF-8 (a byte-order mark removed), or Latin-1 when the
    /// bytes are not valid UTF-8 (old Outlook and vCard 2.1 exports).
    public func text() throws -> String {
        let data = try bytes()
        return Self.decode(data)
    }

    /// Decodes bytes as UTF-8 (without BOM), falling back to Windows-1252/Latin-1.
    public static func decode(_ data: some Collection<UInt8>) -> String {
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            if let text = String(data: Data(bytes.dropFirst(2)), encoding: encoding) { return text }
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return CSVReader.decodeWindows1252(bytes)
    }

    static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileReadNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError: return "permission denied"
            default: break
            }
        }
        return nsError.localizedDescription
    }
}

/// Options shared by importers; each importer reads the ones it understands.
public struct ImportOptions: Sendable {
    /// The member (ego) whose export this is (`--member`), for LinkedIn and CRM exports.
    public var member: String?
    /// Whether edge lists are directed (`--directed`); `nil` leaves the default
    /// (undirected) or what a graph file declares.
    public var directed: Bool?
    /// "Now" for recurring events and tie strength (`--as-of`).
    public var asOf: Date?
    /// Column mapping for CRM and CSV files (`--map "Email=email,Account=organisation"`).
    public var columnMap: [String: String] = [:]
    /// A named column-mapping preset (`--preset salesforce`).
    public var preset: String?
    /// Seconds an external plugin may run before it is killed (`--plugin-timeout`).
    public var pluginTimeout: Double = 300
    /// Further `key=value` options for specific importers.
    public var extra: [String: String] = [:]

    public init() {}
}
