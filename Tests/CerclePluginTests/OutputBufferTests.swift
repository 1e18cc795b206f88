@_spi(Testing) import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

/// The output of exporters: large files written in blocks on a thread of their own
/// (through `O_DIRECT` where the file system takes it), byte for byte, and errors that
/// reach the exporter.
@Suite("Output files")
struct OutputBufferTests {
    /// Bytes that are not the same from block to block, of a length that is no multiple
    /// of a block or of a file-system block.
    static func bytes(count: Int, seed: UInt64) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    @Test("a file of many blocks and a tail is written byte for byte, whatever the writes")
    func largeFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let target = folder.path("big.bin")
        let data = Self.bytes(count: 13 * (1 << 20) + 1_234, seed: 5)
        var expected: [UInt8] = []
        try AtomicFile.write(to: target) { output in
            var offset = 0
            var step = 0
            while offset < data.count {
                let size = min(data.count - offset, [1, 4095, 70_000, 1 << 20, 5 << 20][step % 5])
                let piece = Array(data[offset..<offset + size])
                switch step % 3 {
                case 0: try output.write(contentsOf: piece)
                case 1: try output.write(bytes: piece)
                default: try output.write(String(decoding: piece.map { $0 & 0x7F }, as: UTF8.self))
                }
                expected += step % 3 == 2 ? piece.map { $0 & 0x7F } : piece
                offset += size
                step += 1
            }
        }
        #expect(try Data(contentsOf: target) == Data(expected))
        #expect(folder.contents() == ["big.bin"])
    }

    @Test("small files and empty files are written too")
    func smallFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for count in [0, 1, 4095, 4096, 4097] {
            let target = folder.path("f\(count)")
            let data = Self.bytes(count: count, seed: UInt64(count))
            try AtomicFile.write(data, to: target)
            #expect(try Data(contentsOf: target) == Data(data), "\(count) bytes")
        }
    }

    @Test("an exporter failing after blocks were handed on leaves the old file and nothing else")
    func failureAfterBlocks() throws {
        struct Failing: Error {}
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let target = folder.path("out.txt")
        try "old".write(to: target, atomically: false, encoding: .utf8)
        #expect(throws: Failing.self) {
            try AtomicFile.write(to: target) { output in
                for _ in 0..<6 { try output.write(contentsOf: Self.bytes(count: 3 << 20, seed: 1)) }
                throw Failing()
            }
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "old")
        #expect(folder.contents() == ["out.txt"])
    }

    @Test("a write the system refuses reaches the exporter as an error naming the file")
    func writeError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("readonly.bin", "")
        let descriptor = open(path.path, O_RDONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        let output = OutputBuffer(descriptor: descriptor, name: "readonly.bin", temporaryURL: path)
        let error = #expect(throws: ExportError.self) {
            for _ in 0..<4 { try output.write(contentsOf: Self.bytes(count: 3 << 20, seed: 2)) }
            try output.flush()
        }
        #expect(error?.file == "readonly.bin")
        #expect(error?.reason.isEmpty == false)
    }
}
