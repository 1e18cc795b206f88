import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the lines of a file or pipe in 1 MiB blocks, so that a 1 GB mailbox is never
/// held in memory.
///
/// Each line is handed to the body as bytes without its `\n` (a trailing `\r` is kept:
/// some formats need to see it, others trim it), with its 1-based number.
public struct LineReader {
    let descriptor: Int32
    let ownsDescriptor: Bool
    let name: String

    /// Opens `url` for reading.
    ///
    /// - Throws: ``ImportError/unreadable(_:file:)``.
    public init(url: URL, displayName: String) throws {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ImportError.unreadable(String(cString: strerror(errno)), file: displayName)
        }
        self.descriptor = descriptor
        ownsDescriptor = true
        name = displayName
    }

    /// Reads from an open descriptor (a pipe), which the caller closes.
    public init(descriptor: Int32, displayName: String) {
        self.descriptor = descriptor
        ownsDescriptor = false
        name = displayName
    }

    /// Calls `body` for every line; stop early by returning `false`.
    ///
    /// - Returns: the number of bytes read.
    @discardableResult
    public func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Bool) throws -> Int {
        defer { if ownsDescriptor { close(descriptor) } }
        let blockSize = 1 << 20
        var buffer = [UInt8](repeating: 0, count: blockSize)
        var pending: [UInt8] = []
        var lineNumber = 0
        var total = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, blockSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ImportError.unreadable(String(cString: strerror(errno)), file: name)
            }
            if count == 0 { break }
            total += count
            var keepGoing = true
            try buffer.withUnsafeBufferPointer { block in
                guard let base = block.baseAddress else { return }
                var start = 0
                while start < count {
                    guard let newline = memchr(base + start, 0x0A, count - start) else {
                        pending.append(contentsOf: UnsafeBufferPointer(rebasing: block[start..<count]))
                        break
                    }
                    let end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                    lineNumber += 1
                    if pending.isEmpty {
                        keepGoing = try body(UnsafeBufferPointer(rebasing: block[start..<end]), lineNumber)
                    } else {
                        pending.append(contentsOf: UnsafeBufferPointer(rebasing: block[start..<end]))
                        keepGoing = try pending.withUnsafeBufferPointer { try body($0, lineNumber) }
                        pending.removeAll(keepingCapacity: true)
                    }
                    if !keepGoing { return }
                    start = end + 1
                }
            }
            if !keepGoing { return total }
        }
        if !pending.isEmpty {
            lineNumber += 1
            _ = try pending.withUnsafeBufferPointer { try body($0, lineNumber) }
        }
        return total
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes as a string (invalid UTF-8 repaired), without a trailing `\r`.
    public var lineText: String {
        var end = count
        if end > 0, self[end - 1] == 0x0D { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: self[0..<end]), as: UTF8.self)
    }
}
