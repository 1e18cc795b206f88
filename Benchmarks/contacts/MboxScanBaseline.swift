// Header scanning alone: MboxReader over a mailbox, counting messages and header bytes,
// with no address parsing and no graph. Compiled by Benchmarks/contacts/run.sh together
// with the reader's sources (their `import Cercle…` lines removed).
import Foundation

@main
struct MboxScanBaseline {
    static func main() throws {
        let path = CommandLine.arguments[1]
        let reader = try MboxReader(url: URL(fileURLWithPath: path), displayName: path)
        var headerBytes = 0
        let started = Date()
        let summary = try reader.forEachMessage(file: path) { headers in
            headerBytes += (headers.from?.utf8.count ?? 0) + (headers.to?.utf8.count ?? 0) + (headers.cc?.utf8.count ?? 0)
                + (headers.date?.utf8.count ?? 0) + (headers.messageID?.utf8.count ?? 0)
        }
        let seconds = Date().timeIntervalSince(started)
        let megabytes = Double(summary.bytes) / 1_048_576
        print(String(format: "%d messages, %d lines, %.0f MB, %d header bytes kept: %.2f s wall, %.0f MB/s",
                     summary.messages, summary.lines, megabytes, headerBytes, seconds, megabytes / seconds))
    }
}
