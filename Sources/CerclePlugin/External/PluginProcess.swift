import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of an external plugin: Foundation's `Process` with pipes, a deadline, and
/// stderr drained on a background thread so that a chatty plugin never blocks.
///
/// Standard output is read on the caller's thread with `poll(2)` against the deadline,
/// not with a blocking read: a plugin that hangs (or leaves a child holding the pipe
/// open) is killed when its time is up instead of hanging Cercle.
final class PluginProcess: @unchecked Sendable {
    /// How a run ended.
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    let name: String
    let timeout: Double
    private let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private let input: Pipe?
    private let deadline: DispatchTime
    private let exited = DispatchSemaphore(value: 0)
    private let drained = DispatchGroup()
    private let lock = NSLock()
    private var errorBytes: [UInt8] = []
    private var killedForTimeout = false
    private var killedByHost = false

    /// Launches `executable arguments…`.
    ///
    /// - Parameter withInput: whether the host writes the plugin's standard input
    ///   (export); otherwise it reads `/dev/null`.
    /// - Parameter drainOutput: whether standard output is only collected as a
    ///   diagnostic (export) rather than read by ``readLines(file:_:)``.
    init(
        executable: URL, arguments: [String], environment: [String: String], name: String, timeout: Double,
        withInput: Bool = false, drainOutput: Bool = false
    ) throws {
        self.name = name
        self.timeout = timeout
        input = withInput ? Pipe() : nil
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input ?? FileHandle.nullDevice
        let exited = exited
        process.terminationHandler = { _ in exited.signal() }
        deadline = .now() + .nanoseconds(Int(min(timeout, 1e6) * 1e9))
        if withInput {
            // A plugin that exits early must give the writer EPIPE, not kill Cercle.
            signal(SIGPIPE, SIG_IGN)
        }
        try process.run()
        drain(errors.fileHandleForReading.fileDescriptor)
        if drainOutput { drain(output.fileHandleForReading.fileDescriptor) }
        if withInput || drainOutput { armTimer() }
    }

    /// The write end of the plugin's standard input (export runs only).
    var inputDescriptor: Int32? { input?.fileHandleForWriting.fileDescriptor }

    /// Closes the plugin's standard input, so it sees the end of the records.
    func closeInput() { try? input?.fileHandleForWriting.close() }

    // MARK: Reading standard output

    /// Calls `body` for each line of standard output (without its `\n`) with its 1-based
    /// number and whether it ended with a newline, until the end of output, until `body`
    /// returns `false`, or until the deadline.
    ///
    /// - Returns: the number of lines handed to `body`, and whether the deadline passed.
    /// - Throws: ``ImportError`` naming `file` when the pipe cannot be read.
    func readLines(file: String, _ body: (UnsafeBufferPointer<UInt8>, Int, Bool) throws -> Bool) throws -> (lines: Int, timedOut: Bool) {
        let descriptor = output.fileHandleForReading.fileDescriptor
        let blockSize = 1 << 20
        var block = [UInt8](repeating: 0, count: blockSize)
        var pending: [UInt8] = []
        var number = 0
        while true {
            guard wait(readable: descriptor) else {
                timeOut()
                return (number, true)
            }
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, blockSize) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw ImportError.plugin(name, "cannot read its output: \(String(cString: strerror(errno)))", file: file)
            }
            if count == 0 { break }
            var keepGoing = true
            try block.withUnsafeBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return }
                var start = 0
                while start < count {
                    guard let newline = memchr(base + start, 0x0A, count - start) else {
                        pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count]))
                        return
                    }
                    let end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                    number += 1
                    if pending.isEmpty {
                        keepGoing = try body(UnsafeBufferPointer(rebasing: bytes[start..<end]), number, true)
                    } else {
                        pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                        keepGoing = try pending.withUnsafeBufferPointer { try body($0, number, true) }
                        pending.removeAll(keepingCapacity: true)
                    }
                    if !keepGoing { return }
                    start = end + 1
                }
            }
            if !keepGoing { return (number, false) }
        }
        if !pending.isEmpty {
            number += 1
            _ = try pending.withUnsafeBufferPointer { try body($0, number, false) }
        }
        return (number, false)
    }

    /// Waits until `descriptor` has data (or end of file) or the deadline passes.
    private func wait(readable descriptor: Int32) -> Bool {
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            let end = deadline.uptimeNanoseconds
            guard now < end else { return false }
            let milliseconds = Int32(min((end - now) / 1_000_000 + 1, 60_000))
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { return true }
            if ready < 0, errno != EINTR { return true }  // let read() report the error
        }
    }

    // MARK: Ending

    /// Waits for the plugin to exit (killing it at the deadline) and says how it ended.
    func finish() -> Ending {
        if exited.wait(timeout: deadline) == .timedOut {
            timeOut()
            exited.wait()
        }
        // stderr may be held open by a grandchild; do not wait for it for long.
        _ = drained.wait(timeout: .now() + .seconds(1))
        lock.lock()
        let timedOut = killedForTimeout
        lock.unlock()
        if timedOut { return .timedOut }
        switch process.terminationReason {
        case .uncaughtSignal: return .signalled(process.terminationStatus)
        case .exit: return .exited(process.terminationStatus)
        @unknown default: return .exited(process.terminationStatus)
        }
    }

    /// Stops the plugin now (after a bad line): the host needs nothing more from it.
    func stop() {
        lock.lock()
        killedByHost = true
        lock.unlock()
        kill()
        exited.wait()
    }

    /// The last non-empty line the plugin wrote on stderr, shortened.
    var lastErrorLine: String? {
        lock.lock()
        let bytes = errorBytes
        lock.unlock()
        let text = String(decoding: bytes, as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).last(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            return nil
        }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 300 ? String(trimmed.prefix(300)) + "…" : trimmed
    }

    /// Everything the plugin wrote on stderr (the last 64 KiB).
    var errorText: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: errorBytes, as: UTF8.self)
    }

    /// A one-line description of a failed ending, or `nil` for a clean exit.
    func describe(_ ending: Ending) -> String? {
        let detail = lastErrorLine.map { ": \($0)" } ?? " (nothing on stderr)"
        switch ending {
        case .exited(0): return nil
        case .exited(let status): return "exited with status \(status)\(detail)"
        case .signalled(let number): return "crashed (signal \(number), \(Self.signalName(number)))\(detail)"
        case .timedOut: return "timed out after \(DurationText.seconds(timeout)) (see --plugin-timeout)"
        }
    }

    static func signalName(_ number: Int32) -> String {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
            SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV",
            SIGPIPE: "SIGPIPE", SIGTERM: "SIGTERM",
        ]
        return names[number] ?? "signal \(number)"
    }

    // MARK: Internals

    private func armTimer() {
        let deadline = deadline
        DispatchQueue.global().asyncAfter(deadline: deadline) { [weak self] in
            guard let self, self.process.isRunning else { return }
            self.timeOut()
        }
    }

    private func timeOut() {
        lock.lock()
        let byHost = killedByHost
        if !byHost { killedForTimeout = true }
        lock.unlock()
        kill()
    }

    /// Kills the plugin and, when it leads its own process group, its children too.
    private func kill() {
        guard process.isRunning else { return }
        let pid = process.processIdentifier
        if getpgid(pid) == pid { _ = Glibc.kill(-pid, SIGKILL) } else { _ = Glibc.kill(pid, SIGKILL) }
    }

    /// Reads `descriptor` to its end on a thread of its own, keeping the last 64 KiB as
    /// diagnostics (an exporter's stdout joins its stderr).
    private func drain(_ descriptor: Int32) {
        drained.enter()
        let thread = Thread { [self] in
            var block = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 65_536) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                lock.lock()
                errorBytes.append(contentsOf: block[0..<count])
                if errorBytes.count > 65_536 { errorBytes.removeFirst(errorBytes.count - 65_536) }
                lock.unlock()
            }
            drained.leave()
        }
        thread.start()
    }
}

/// Short human texts for durations.
enum DurationText {
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
