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
/// Text is appended as UTF-8 and flushed in 1 MiB blocks. Create one with
/// ``AtomicFile/write(to:_:)``; exporters only append.
public final class OutputBuffer {
    private var buffer: [UInt8] = []
    private let descriptor: Int32
    /// The destination's name, for error messages.
    public let name: String
    /// The temporary file the host renames over the destination when the export
    /// succeeds (`nil` for standard output). An external exporter writes this path.
    public let temporaryURL: URL?
    /// Bytes written so far.
    public private(set) var byteCount = 0

    init(descriptor: Int32, name: String, temporaryURL: URL? = nil) {
        self.descriptor = descriptor
        self.name = name
        self.temporaryURL = temporaryURL
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends text as UTF-8.
    public func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends bytes.
    public func write(bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends a block of bytes formatted elsewhere (a chunk of lines); a block of a
    /// mebibyte or more goes to the file without being copied into the buffer.
    public func write(contentsOf block: [UInt8]) throws {
        if block.count < 1 << 20 {
            buffer.append(contentsOf: block)
            if buffer.count >= 1 << 20 { try flush() }
            return
        }
        try flush()
        try block.withUnsafeBytes { try writeAll($0) }
        byteCount += block.count
    }

    /// Appends text and a line feed.
    public func writeLine(_ text: String) throws {
        try write(text)
        buffer.append(0x0A)
    }

    /// Writes out what is buffered.
    public func flush() throws {
        try buffer.withUnsafeBytes { try writeAll($0) }
        byteCount += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw ExportError(file: name, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        if temporaryURL != nil { startWriteback(upTo: byteCount + bytes.count) }
    }

    /// Bytes of the file handed to the kernel for writing back to disk so far.
    private var writebackStart = 0

    /// Starts writing back what was written so far, every 16 MiB, so that the `fsync`
    /// that ends an atomic write waits for the last blocks only (it waited almost a
    /// second for a 500 MB export). Linux starts the writeback of a range given
    /// `POSIX_FADV_DONTNEED` without waiting for it, and drops the pages once clean.
    private func startWriteback(upTo end: Int) {
        #if os(Linux)
        guard end - writebackStart >= 16 << 20 else { return }
        _ = posix_fadvise(descriptor, off_t(writebackStart), off_t(end - writebackStart), POSIX_FADV_DONTNEED)
        writebackStart = end
        #endif
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
        do {
            let output = OutputBuffer(descriptor: descriptor, name: name, temporaryURL: temporary)
            try body(output)
            try output.flush()
            guard fsync(descriptor) == 0 || errno == EINVAL else {
                throw ExportError(file: name, reason: String(cString: strerror(errno)))
            }
            close(descriptor)
            isOpen = false
            guard rename(temporary.path, url.path) == 0 else {
                throw ExportError(file: name, reason: "cannot write: \(String(cString: strerror(errno)))")
            }
        } catch {
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
