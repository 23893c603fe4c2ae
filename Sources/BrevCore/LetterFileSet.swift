#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The files of one letter (PDF, HTML, the Digital Post or print message, the SF1601 body)
/// appear together or not at all, even if brev is killed or the disk fills up halfway:
///
/// 1. every file is written to a temporary name `.brev-tmp-<pid>-…`;
/// 2. a pending marker `.brev-pending-<pid>-…` listing the set is written, and the files,
///    the marker and its name are made durable;
/// 3. the temporary files are renamed to their names and the folder is fsynced;
/// 4. the marker is removed and the folder fsynced again.
///
/// A run that dies before step 2 leaves only temporary files; one that dies during step 3
/// leaves the marker. `OutputRecovery` removes both at the next start. Files are mode 0600.
///
/// Step 2 is one flush of the file system (`syncfs`) rather than an fsync per file: on this
/// machine's disk each fsync costs about 0.3 ms of system time and a journal commit, eight a
/// letter before. Several letters can be written as one group (`write(sets:into:)`): one
/// marker lists every set (a blank line between sets), and a group of 32 letters needs three
/// flushes in all. The group is rolled back whole if the run dies while writing it, and none
/// of it is reported written before step 4.
public enum LetterFileSet {
    public static let temporaryPrefix = ".brev-tmp-"
    public static let pendingPrefix = ".brev-pending-"

    public typealias File = (name: String, bytes: [UInt8])

    /// Writes `files` (name in `directory` → bytes) as one set. On any failure nothing of the
    /// set is left behind and the error names the folder, never the letter's content.
    public static func write(_ files: [File], into directory: String) throws(SecureFile.WriteError) {
        try write(sets: [files], into: directory)
    }

    /// Writes several sets, each whole or not at all; on any failure none of them is left.
    public static func write(sets: [[File]], into directory: String) throws(SecureFile.WriteError) {
        guard sets.contains(where: { !$0.isEmpty }) else { return }
        let folder = open(directory, O_RDONLY | O_DIRECTORY)
        guard folder >= 0 else { throw SecureFile.WriteError(path: directory, reason: String(cString: strerror(errno))) }
        defer { close(folder) }
        // One syncfs instead of an fsync per file, even for one set: on this machine's disk it
        // took 18–22 ms of wall time for a set against 35 ms for the fsyncs while other
        // processes were writing (a fsync's journal commit waits for their data too), and less
        // CPU. Without syncfs (not Linux), file by file.
        let eachFile = syncfs == nil
        var temporaries: [String] = []
        var renamed: [String] = []
        var marker: String?
        func undo() {
            for path in temporaries + renamed { unlink(path) }
            if let marker { unlink(marker) }
        }
        func sync() throws(SecureFile.WriteError) {
            guard fsync(folder) == 0 else { throw SecureFile.WriteError(path: directory, reason: String(cString: strerror(errno))) }
        }
        do throws(SecureFile.WriteError) {
            var listing = ""
            var finals: [String] = []
            for set in sets where !set.isEmpty {
                if !listing.isEmpty { listing += "\n" }
                for file in set {
                    let temp = try SecureFile.writeTemporary(file.bytes, in: directory, sync: eachFile)
                    temporaries.append(temp)
                    finals.append((directory as NSString).appendingPathComponent(file.name))
                    listing += "\((temp as NSString).lastPathComponent)\t\(file.name)\n"
                }
            }
            let markerTemp = try SecureFile.writeTemporary(Array(listing.utf8), in: directory, sync: eachFile)
            let markerPath = (directory as NSString).appendingPathComponent(
                pendingPrefix + (markerTemp as NSString).lastPathComponent.dropFirst(temporaryPrefix.count))
            guard rename(markerTemp, markerPath) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(markerTemp)
                throw SecureFile.WriteError(path: directory, reason: reason)
            }
            marker = markerPath
            if eachFile {
                try sync()
            } else {
                try flushFileSystem(of: folder, directory: directory)
            }
            for (temp, final) in zip(temporaries, finals) {
                guard rename(temp, final) == 0 else { throw SecureFile.WriteError(path: final, reason: String(cString: strerror(errno))) }
                renamed.append(final)
            }
            temporaries.removeAll()
            try sync()
            unlink(markerPath)
            marker = nil
            try sync()
        } catch {
            undo()
            throw error
        }
    }

    /// Makes every file written so far on `folder`'s file system durable, with the names in
    /// it. syncfs reports a write-back error of any file there since `folder` was opened.
    static func flushFileSystem(of folder: Int32, directory: String) throws(SecureFile.WriteError) {
        guard let syncfs = syncfs else { preconditionFailure("only Linux flushes a file system for a group") }
        guard syncfs(folder) == 0 else { throw SecureFile.WriteError(path: directory, reason: String(cString: strerror(errno))) }
    }

    /// glibc's `syncfs(2)`, which Swift's Glibc module does not declare (it is a GNU extension).
    static let syncfs: (@convention(c) (Int32) -> Int32)? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
        #else
        return nil
        #endif
    }()

    /// The process id written into a temporary or marker name, if it has one.
    static func ownerPID(ofName name: String, prefix: String) -> pid_t? {
        guard name.hasPrefix(prefix) else { return nil }
        return pid_t(name.dropFirst(prefix.count).prefix { $0 != "-" })
    }
}
