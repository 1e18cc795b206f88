import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered byte sink over a file descriptor, for exporters.
///
/// Text is appended as UTF-8 and handed on in blocks of a few mebibytes. Create one with
/// ``AtomicFile/write(to:_:)``; exporters only append.
///
/// A file being written (not standard output or a pipe) is written by a
/// ``BackgroundFileWriter`` while the exporter formats the next block: on two cores the
/// formatting of a 500 MB export no longer waits for the system's copying of it.
public final class OutputBuffer {
    private var buffer: [UInt8] = []
    private let descriptor: Int32
    /// Writes the blocks of a file on its own thread (`nil`: written here, in order).
    private let writer: BackgroundFileWriter?
    /// The destination's name, for error messages.
    public let name: String
    /// The temporary file the host renames over the destination when the export
    /// succeeds (`nil` for standard output). An external exporter writes this path.
    public let temporaryURL: URL?
    /// Bytes written so far.
    public private(set) var byteCount = 0

    /// Bytes gathered before they are handed on.
    static let blockSize = 4 << 20

    /// A sink over `descriptor`; one with a `temporaryURL` is a file, written on a
    /// thread of its own (tests build one over a descriptor of their own).
    @_spi(Testing) public init(descriptor: Int32, name: String, temporaryURL: URL? = nil) {
        self.descriptor = descriptor
        self.name = name
        self.temporaryURL = temporaryURL
        writer = temporaryURL == nil ? nil : BackgroundFileWriter(descriptor: descriptor, name: name)
        buffer.reserveCapacity(Self.blockSize)
    }

    /// Appends text as UTF-8.
    public func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.blockSize { try handOn() }
    }

    /// Appends bytes.
    public func write(bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.blockSize { try handOn() }
    }

    /// Appends a block of bytes formatted elsewhere (a chunk of lines).
    public func write(contentsOf block: [UInt8]) throws {
        buffer.append(contentsOf: block)
        if buffer.count >= Self.blockSize { try handOn() }
    }

    /// Appends text and a line feed.
    public func writeLine(_ text: String) throws {
        try write(text)
        buffer.append(0x0A)
    }

    /// Writes out what is buffered, and waits until everything handed on is written.
    public func flush() throws {
        try handOn()
        try writer?.finish()
    }

    /// Waits for the writes under way and drops the rest: the export failed.
    func abandon() {
        buffer.removeAll()
        writer?.abandon()
    }

    private func handOn() throws {
        guard !buffer.isEmpty else { return }
        byteCount += buffer.count
        if let writer {
            buffer = try writer.submit(buffer)
        } else {
            try buffer.withUnsafeBytes { try Self.writeAll($0, to: descriptor, name: name) }
            buffer.removeAll(keepingCapacity: true)
        }
    }

    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, name: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw ExportError(file: name, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}

/// Writes files so that they are either complete or absent: to a temporary file in the
/// destination's folder, renamed over the destination once everything is written.
public enum AtomicFile {
    /// Writes `url` through `body`. `-` writes to standard output.
    ///
    /// - Throws: ``ExportError`` with the system's reason when the folder is not
    ///   writable; whatever `body` throws, after removing the temporary file.
    public static func write(to url: URL, displayName: String? = nil, _ body: (OutputBuffer) throws -> Void) throws {
        let name = displayName ?? url.path
        if url.path == "-" || url.lastPathComponent == "-" {
            let output = OutputBuffer(descriptor: STDOUT_FILENO, name: "standard output")
            try body(output)
            try output.flush()
            return
        }
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isFolder),
              isFolder.boolValue else {
            throw ExportError(file: name, reason: "folder \(folder) does not exist")
        }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).cercle-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ExportError(file: name, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        var isOpen = true
        var output: OutputBuffer?
        do {
            let buffer = OutputBuffer(descriptor: descriptor, name: name, temporaryURL: temporary)
            output = buffer
            try body(buffer)
            try buffer.flush()
            guard fsync(descriptor) == 0 || errno == EINVAL else {
                throw ExportError(file: name, reason: String(cString: strerror(errno)))
            }
            close(descriptor)
            isOpen = false
            guard rename(temporary.path, url.path) == 0 else {
                throw ExportError(file: name, reason: "cannot write: \(String(cString: strerror(errno)))")
            }
        } catch {
            output?.abandon()
            if isOpen { close(descriptor) }
            unlink(temporary.path)
            throw error
        }
    }

    /// Writes `data` to `url` atomically.
    public static func write(_ data: some Sequence<UInt8>, to url: URL, displayName: String? = nil) throws {
        try write(to: url, displayName: displayName) { try $0.write(bytes: data) }
    }
}
