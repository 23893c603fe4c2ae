import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What earlier brev processes have already checked, so that a start does not check it again:
/// the templates (lint and the model-type check) and the fonts (their SHA-256 against the
/// manifest) take most of the time of building a pipeline, and they change only on deploy.
///
/// Each check that passed leaves an empty marker file named by a key that covers everything
/// the check read: the SHA-256 of the templates' bytes, or a font's inode, size and change
/// time (`st_ctime`, which no user call can set back: any write to the file moves it), with
/// the brev executable's own identity (a new build checks again, its rules may differ). A
/// changed input gives another key, no marker, and the full check; only passes are recorded,
/// so a broken template or font is refused at every start. The folder is the user's own
/// (`$BREV_CACHE_DIR`, else `$XDG_CACHE_HOME/brev`, else `~/.cache/brev`), mode 0700; a
/// marker in a folder another user could write is not trusted. `BREV_CACHE_DIR=off` turns
/// the markers off (every start checks everything).
public struct CheckedResources: Sendable {
    /// nil: no usable cache folder; every check runs.
    public let directory: String?

    /// From the three variables alone: `ProcessInfo`'s copy of the whole environment costs a start more.
    public static let shared = CheckedResources(environment: ["BREV_CACHE_DIR", "XDG_CACHE_HOME", "HOME"].reduce(into: [:]) { found, name in
        if let value = getenv(name) { found[name] = String(cString: value) }
    })

    public init(environment: [String: String]) {
        let base: String?
        if let explicit = environment["BREV_CACHE_DIR"], !explicit.isEmpty {
            base = explicit == "off" ? nil : explicit
        } else if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            base = (xdg as NSString).appendingPathComponent("brev")
        } else if let home = environment["HOME"], !home.isEmpty {
            base = (home as NSString).appendingPathComponent(".cache/brev")
        } else {
            base = nil
        }
        directory = base.flatMap { CheckedResources.privateFolder($0) }
    }

    public init(directory: String?) {
        self.directory = directory.flatMap { CheckedResources.privateFolder($0) }
    }

    /// True when a check with this key has passed before.
    public func passed(_ key: String) -> Bool {
        guard let path = markerPath(key) else { return false }
        var s = stat()
        return lstat(path, &s) == 0 && s.st_mode & 0o170000 == 0o100000 && s.st_uid == geteuid()  // a regular file of ours
    }

    /// Records that the check with this key passed. Failing to record costs only time.
    public func recordPass(_ key: String) {
        guard let path = markerPath(key) else { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd >= 0 { close(fd) }
    }

    private func markerPath(_ key: String) -> String? {
        directory.map { ($0 as NSString).appendingPathComponent("checked-\(key)") }
    }

    /// The key for a check that read `parts`: their SHA-256 with the executable's identity.
    public static func key(_ kind: String, _ parts: [[UInt8]]) -> String {
        var bytes = Array("brev-checked-v1|\(kind)|\(executableIdentity)|".utf8)
        for part in parts {
            bytes += Array("\(part.count):".utf8)
            bytes += part
        }
        return SHA256.hex(bytes)
    }

    /// What identifies a file's content without reading it: device, inode, size, modification
    /// and change times (ns); nil when it cannot be read (the caller then checks in full).
    public static func fileIdentity(_ path: String) -> String? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        return identityText(s)
    }

    private static func identityText(_ s: stat) -> String {
        "\(s.st_dev)|\(s.st_ino)|\(s.st_size)|\(s.st_mtim.tv_sec).\(s.st_mtim.tv_nsec)|\(s.st_ctim.tv_sec).\(s.st_ctim.tv_nsec)"
    }

    /// `fileIdentity` of every file and folder under `root`, each after its path relative to
    /// `root`, sorted; nil when something under it cannot be read. A folder's identity moves
    /// when a file is added or removed. A plain readdir walk: FileManager's enumerator cost
    /// more than the rest of a start's schema check (issue 15). Each entry is stat'ed by its
    /// name in its open folder (`fstatat`), so the kernel does not walk the whole path again
    /// for each of the schemas' 150 files.
    public static func fileIdentities(under root: String) -> [[UInt8]]? {
        var parts: [[UInt8]] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let folder = opendir(relative.isEmpty ? root : "\(root)/\(relative)") else { return nil }
            defer { closedir(folder) }
            let fd = dirfd(folder)
            while let entry = readdir(folder) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                var s = stat()
                guard fstatat(fd, name, &s, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
                let isLink = s.st_mode & 0o170000 == 0o120000
                if s.st_mode & 0o170000 == 0o040000 { pending.append(path) }  // a folder (not a link to one)
                // One stat per file; a link is identified by what it points to.
                if isLink {
                    guard fstatat(fd, name, &s, 0) == 0 else { return nil }
                }
                var part = Array(path.utf8)
                part.append(UInt8(ascii: "|"))
                appendIdentity(s, to: &part)
                parts.append(part)
            }
        }
        // Byte order, as `lexicographicallyPrecedes` gives it, with memcmp.
        return parts.sorted { a, b in
            let common = min(a.count, b.count)
            let order = common == 0 ? 0 : a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in memcmp(x.baseAddress!, y.baseAddress!, common) } }
            return order != 0 ? order < 0 : a.count < b.count
        }
    }

    /// `identityText(s)`'s bytes, without string interpolation (the schemas' 150 files at every start).
    private static func appendIdentity(_ s: stat, to bytes: inout [UInt8]) {
        func decimal<Number: BinaryInteger>(_ value: Number) {
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            var magnitude = UInt64(value.magnitude)
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in  // UInt64.max has 20
                var start = 20
                repeat {
                    start -= 1
                    digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                } while magnitude > 0
                bytes.append(contentsOf: digits[start..<20])
            }
        }
        let bar = UInt8(ascii: "|"), dot = UInt8(ascii: ".")
        decimal(s.st_dev); bytes.append(bar)
        decimal(s.st_ino); bytes.append(bar)
        decimal(s.st_size); bytes.append(bar)
        decimal(s.st_mtim.tv_sec); bytes.append(dot); decimal(s.st_mtim.tv_nsec); bytes.append(bar)
        decimal(s.st_ctim.tv_sec); bytes.append(dot); decimal(s.st_ctim.tv_nsec)
    }

    /// The running executable (a new build has new rules); empty if unknown.
    static let executableIdentity: String = fileIdentity("/proc/self/exe") ?? "unknown-\(getpid())"

    /// The folder, created 0700 if missing; nil if it is not a folder of this user that only
    /// this user can write.
    static func privateFolder(_ path: String) -> String? {
        _ = mkdir((path as NSString).deletingLastPathComponent, 0o700)
        _ = mkdir(path, 0o700)
        var s = stat()
        // A folder (0o040000) of ours that neither group nor others may write (0o022).
        guard lstat(path, &s) == 0, s.st_mode & 0o170000 == 0o040000, s.st_uid == geteuid(),
              s.st_mode & 0o022 == 0 else { return nil }
        return path
    }
}
