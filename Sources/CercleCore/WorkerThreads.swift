import Foundation

/// How many threads Cercle's parallel work uses: the active processor count, or
/// `CERCLE_THREADS` when it is set to a positive number (the benchmarks set it to 1 to
/// compare with single-threaded peers).
public enum WorkerThreads {
    /// Read once: Foundation's environment is not safe to read from several threads at
    /// once on Linux.
    public static let count: Int = {
        if let text = getenv("CERCLE_THREADS").map({ String(cString: $0) }), let value = Int(text), value > 0 {
            return value
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()
}
