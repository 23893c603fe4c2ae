import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A check's result kept beside the markers (issue 15): what a start would otherwise compute
/// again from the same files, such as a profile decoded from its YAML. The key covers
/// everything the computation read and the executable (`CheckedResources.key`), so a stored
/// result can never stand for other input or for another build's types: a changed file gives
/// another key and the computation runs again.
extension CheckedResources {
    /// Largest stored result read back; anything bigger is ignored (and computed again).
    static let storedLimit = 1 << 20

    /// The bytes stored under `key` by an earlier process, or nil. Only a regular file of this
    /// user, in the private folder, is read.
    public func stored(_ key: String) -> [UInt8]? {
        guard let path = storedPath(key) else { return nil }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var s = stat()
        guard fstat(fd, &s) == 0, s.st_mode & 0o170000 == 0o100000, s.st_uid == geteuid(),
              s.st_size > 0, s.st_size <= CheckedResources.storedLimit else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(s.st_size))
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, $0.count - done) }
            guard n > 0 else { return nil }
            done += n
        }
        return bytes
    }

    /// Stores `bytes` under `key`: written to a file of its own and renamed into place, so a
    /// reader sees the whole result or none. Failing to store costs only time.
    public func store(_ bytes: [UInt8], as key: String) {
        guard let path = storedPath(key), !bytes.isEmpty, bytes.count <= CheckedResources.storedLimit else { return }
        let temporary = "\(path).\(getpid()).partial"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            guard n > 0 else { break }
            done += n
        }
        close(fd)
        if done == bytes.count, rename(temporary, path) == 0 { return }
        unlink(temporary)
    }

    private func storedPath(_ key: String) -> String? {
        directory.map { ($0 as NSString).appendingPathComponent("stored-\(key)") }
    }
}
