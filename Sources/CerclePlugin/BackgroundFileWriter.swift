import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the blocks of an output file on a thread of its own, in order, while the
/// exporter formats the next ones.
///
/// Full blocks go through `O_DIRECT` where the file system takes it: the device reads them
/// from memory, with no copy into the page cache (for a 500 MB export that copy was a
/// second of CPU time) and no pages left to write back when the file is closed. The
/// blocks are copied into an aligned staging area for that; what is left at the end,
/// shorter than a file-system block, is written through the page cache. Where `O_DIRECT`
/// is refused, everything goes through the page cache, whose writeback is started every
/// 16 MiB so that the closing `fsync` waits for the last blocks only.
///
/// At most a few blocks wait at a time: an exporter faster than the disk waits in
/// ``submit(_:)``. The first error is thrown by the next ``submit(_:)`` or by ``finish()``.
final class BackgroundFileWriter: @unchecked Sendable {
    private let descriptor: Int32
    private let name: String
    private let queue = DispatchQueue(label: "cercle.output")
    /// Blocks that may wait at a time. Created at zero and signalled up: libdispatch traps
    /// when a semaphore is freed below the value it was created with.
    private let slots = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    /// Guarded by `lock`: the first error, and emptied blocks to fill again.
    private var failure: Error?
    private var spare: [[UInt8]] = []

    // Used on `queue` only.
    private var direct: Bool
    private let alignment = 4096
    private var staging: UnsafeMutableRawPointer?
    private var stagingCapacity = 0
    private var staged = 0
    private var written = 0
    private var writebackStart = 0

    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        for _ in 0..<3 { slots.signal() }
        #if os(Linux) && (arch(x86_64) || arch(arm64))
        let flags = fcntl(descriptor, F_GETFL)
        direct = flags >= 0 && fcntl(descriptor, F_SETFL, flags | Self.directFlag) == 0
        #else
        direct = false
        #endif
    }

    deinit {
        staging?.deallocate()
    }

    /// Linux's `O_DIRECT`, which Glibc's headers show only to C code that asks for GNU
    /// extensions; its value depends on the architecture.
    #if arch(arm64)
    static let directFlag: Int32 = 0o200000
    #else
    static let directFlag: Int32 = 0o40000
    #endif

    /// Queues `block` for writing.
    ///
    /// - Returns: an empty array with capacity, to fill next (an emptied earlier block:
    ///   the same pages serve again instead of fresh ones).
    func submit(_ block: [UInt8]) throws -> [UInt8] {
        try check()
        slots.wait()
        let box = Block(block)
        queue.async { [self] in
            defer { slots.signal() }
            // Taken out of the box, the array is uniquely referenced: emptied, it keeps its
            // pages for the next block.
            var bytes: [UInt8] = []
            swap(&bytes, &box.bytes)
            if currentFailure == nil {
                do {
                    try write(bytes)
                } catch {
                    record(error)
                }
            }
            bytes.removeAll(keepingCapacity: true)
            lock.withLock { spare.append(bytes) }
        }
        if let reused = lock.withLock({ spare.popLast() }) { return reused }
        var fresh: [UInt8] = []
        fresh.reserveCapacity(block.capacity)
        return fresh
    }

    /// Writes what is staged and waits for every write.
    func finish() throws {
        queue.sync {
            guard currentFailure == nil else { return }
            do {
                try writeTail()
            } catch {
                record(error)
            }
        }
        try check()
    }

    /// Waits for the writes under way, ignoring their outcome.
    func abandon() {
        queue.sync {}
    }

    /// A block on its way to the queue, which alone touches it from then on.
    private final class Block: @unchecked Sendable {
        var bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    private var currentFailure: Error? { lock.withLock { failure } }

    private func record(_ error: Error) {
        lock.withLock { if failure == nil { failure = error } }
    }

    private func check() throws {
        if let error = currentFailure { throw error }
    }

    // MARK: On the queue

    private func write(_ block: [UInt8]) throws {
        guard direct else {
            try block.withUnsafeBytes { try OutputBuffer.writeAll($0, to: descriptor, name: name) }
            written += block.count
            startWriteback()
            return
        }
        reserveStaging(staged + block.count)
        guard let staging else { throw ExportError(file: name, reason: "no memory to stage a block") }
        block.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress { (staging + staged).copyMemory(from: base, byteCount: bytes.count) }
        }
        staged += block.count
        let aligned = staged - staged % alignment
        guard aligned > 0 else { return }
        var offset = 0
        while offset < aligned {
            let count = Glibc.write(descriptor, staging + offset, aligned - offset)
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EINVAL, written + offset == 0 {
                    // The file system took the flag but not the write: the page cache then.
                    try writeStagedThroughPageCache()
                    return
                }
                throw ExportError(file: name, reason: String(cString: strerror(errno)))
            }
            offset += count
        }
        written += aligned
        staged -= aligned
        if staged > 0 { staging.copyMemory(from: staging + aligned, byteCount: staged) }
    }

    /// Writes what is left staged, shorter than an aligned block.
    private func writeTail() throws {
        guard direct, staged > 0 else { return }
        try writeStagedThroughPageCache()
    }

    /// Turns `O_DIRECT` off and writes what is staged through the page cache, as every
    /// block from then on.
    private func writeStagedThroughPageCache() throws {
        try turnOffDirect()
        guard let staging else { return }
        try OutputBuffer.writeAll(UnsafeRawBufferPointer(start: staging, count: staged), to: descriptor, name: name)
        written += staged
        staged = 0
    }

    private func turnOffDirect() throws {
        direct = false
        #if os(Linux)
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags & ~Self.directFlag) == 0 else {
            throw ExportError(file: name, reason: String(cString: strerror(errno)))
        }
        #endif
    }

    private func reserveStaging(_ count: Int) {
        guard count > stagingCapacity else { return }
        let capacity = max(count, 2 * stagingCapacity, OutputBuffer.blockSize + alignment)
        let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: alignment)
        if let staging {
            grown.copyMemory(from: staging, byteCount: staged)
            staging.deallocate()
        }
        staging = grown
        stagingCapacity = capacity
    }

    /// Starts writing back what was written through the page cache so far, every 16 MiB,
    /// so that the `fsync` that ends an atomic write waits for the last blocks only (it
    /// waited almost a second for a 500 MB export). Linux starts the writeback of a range
    /// given `POSIX_FADV_DONTNEED` without waiting for it, and drops the pages once clean.
    private func startWriteback() {
        #if os(Linux)
        guard written - writebackStart >= 16 << 20 else { return }
        _ = posix_fadvise(descriptor, off_t(writebackStart), off_t(written - writebackStart), POSIX_FADV_DONTNEED)
        writebackStart = written
        #endif
    }
}
