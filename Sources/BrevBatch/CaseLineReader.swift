#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Streams the cases of a JSON Lines input, one line at a time, without reading the whole input
/// into memory. Line numbers count every line (blank ones too) so the report matches an editor.
/// A line that is not a valid case is still handed on: the pipeline refuses it with its code.
final class CaseLineReader: CaseSource {
    private let fd: Int32
    private let keepBlankLines: Bool
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    private var lineNumber = 0

    /// `-` is standard input. Blank lines are skipped unless `keepBlankLines` (CSV cells may hold them).
    init(path: String, keepBlankLines: Bool = false) throws(BatchError) {
        self.keepBlankLines = keepBlankLines
        if path == "-" {
            fd = STDIN_FILENO
            ownsDescriptor = false
        } else {
            fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw .cannotRun("cannot read the input \(path): \(String(cString: strerror(errno)))") }
            ownsDescriptor = true
        }
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    /// The next non-blank line and its number, or nil at the end.
    func next() throws(BatchError) -> (line: Int, bytes: [UInt8])? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[start..<newline])
                start = newline + 1
                lineNumber += 1
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                if !keepBlankLines && Self.isBlank(line) { continue }
                return (lineNumber, line)
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                lineNumber += 1
                if Self.isBlank(line) { return nil }
                return (lineNumber, line)
            }
            try fill()
        }
    }

    private func fill() throws(BatchError) {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
                return
            }
            if n == 0 {
                finished = true
                return
            }
            if errno != EINTR { throw .cannotRun("cannot read the input: \(String(cString: strerror(errno)))") }
        }
    }

    static func isBlank(_ line: [UInt8]) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    func nextCase() throws(BatchError) -> RawCase? {
        try next().map { RawCase(line: $0.line, bytes: $0.bytes) }
    }
}
