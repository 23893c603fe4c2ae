#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes output files the way health data must be written: mode 0600, and atomically (a
/// temporary file in the same folder, then rename), so a reader never sees half a letter and
/// a failed run leaves nothing behind. A letter's several files go through `LetterFileSet`.
public enum SecureFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        let directory = (path as NSString).deletingLastPathComponent
        let tempPath = try writeTemporary(bytes, in: directory.isEmpty ? "." : directory)
        guard rename(tempPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(tempPath)
            throw WriteError(path: path, reason: reason)
        }
    }

    /// Writes `bytes` to a new temporary file `.brev-tmp-<pid>-XXXXXX` in `directory` (mode
    /// 0600, fsynced unless `sync` is false: then the caller makes it durable, as
    /// `LetterFileSet` does for many files at once) and returns its path. The process id lets a
    /// later run tell a dead process's leftovers from a live one's (`OutputRecovery`). On
    /// failure nothing is left.
    public static func writeTemporary(_ bytes: [UInt8], in directory: String, sync: Bool = true) throws(WriteError) -> String {
        var template = Array("\(directory)/\(LetterFileSet.temporaryPrefix)\(getpid())-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw WriteError(path: directory, reason: String(cString: strerror(errno))) }
        let tempPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var ok = fchmod(fd, 0o600) == 0
        var written = 0
        while ok && written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
            }
            if n <= 0 { ok = false } else { written += n }
        }
        if ok && sync { ok = fsync(fd) == 0 }
        let reason = ok ? "" : String(cString: strerror(errno))
        if close(fd) != 0 && ok { ok = false }
        guard ok else {
            unlink(tempPath)
            throw WriteError(path: directory, reason: reason.isEmpty ? "close failed" : reason)
        }
        return tempPath
    }

    /// Makes renames and removals in `directory` durable.
    public static func syncDirectory(_ directory: String) throws(WriteError) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw WriteError(path: directory, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw WriteError(path: directory, reason: String(cString: strerror(errno))) }
    }

    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Array(text.utf8), to: path)
    }

    /// Creates the folder (and parents) if missing, with mode 0700 for new folders.
    public static func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw WriteError(path: path, reason: "cannot create the folder (\(error.localizedDescription))")
        }
    }
}
