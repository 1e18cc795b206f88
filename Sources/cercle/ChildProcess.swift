import Foundation

/// Runs a child process with a hard limit, collecting its output.
enum ChildProcess {
    enum Ending { case exited(Int32), signalled(Int32), hung }

    static func run(_ executable: URL, _ arguments: [String], limit: Double) -> (ending: Ending, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do {
            try process.run()
        } catch {
            return (.exited(127), "", "cannot run \(executable.path): \(error)")
        }
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isError) in [(output, false), (errors, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isError: isError)
                group.leave()
            }
        }
        if done.wait(timeout: .now() + .nanoseconds(Int(limit * 1e9))) == .timedOut {
            process.terminate()
            done.wait()
            _ = group.wait(timeout: .now() + .seconds(2))
            return (.hung, collected.text(isError: false), collected.text(isError: true))
        }
        _ = group.wait(timeout: .now() + .seconds(5))
        let ending: Ending = process.terminationReason == .uncaughtSignal
            ? .signalled(process.terminationStatus) : .exited(process.terminationStatus)
        return (ending, collected.text(isError: false), collected.text(isError: true))
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var output = Data()
        private var errors = Data()
        func set(_ data: Data, isError: Bool) {
            lock.lock()
            if isError { errors = data } else { output = data }
            lock.unlock()
        }
        func text(isError: Bool) -> String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: isError ? errors : output, as: UTF8.self)
        }
    }
}
