#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The files of one letter (PDF, HTML, the Digital Post or print message, the SF1601 body)
/// appear together or not at all, even if brev is killed or the disk fills up halfway:
///
/// 1. every file is written to a temporary name `.brev-tmp-<pid>-…` and fsynced;
/// 2. a pending marker `.brev-pending-<pid>-…` listing the set is written and fsynced;
/// 3. the temporary files are renamed to their names and the folder is fsynced;
/// 4. the marker is removed.
///
/// A run that dies before step 2 leaves only temporary files; one that dies during step 3
/// leaves the marker. `OutputRecovery` removes both at the next start. Files are mode 0600.
public enum LetterFileSet {
    public static let temporaryPrefix = ".brev-tmp-"
    public static let pendingPrefix = ".brev-pending-"

    /// Writes `files` (name in `directory` → bytes) as one set. On any failure nothing of the
    /// set is left behind and the error names the folder, never the letter's content.
    public static func write(_ files: [(name: String, bytes: [UInt8])], into directory: String) throws(SecureFile.WriteError) {
        var temporaries: [String] = []
        var renamed: [String] = []
        var marker: String?
        func undo() {
            for path in temporaries + renamed { unlink(path) }
            if let marker { unlink(marker) }
        }
        do throws(SecureFile.WriteError) {
            for file in files {
                let temp = try SecureFile.writeTemporary(file.bytes, in: directory)
                temporaries.append(temp)
            }
            let finals = files.map { (directory as NSString).appendingPathComponent($0.name) }
            let list = zip(temporaries, finals).map { "\(($0 as NSString).lastPathComponent)\t\(($1 as NSString).lastPathComponent)\n" }
            let markerTemp = try SecureFile.writeTemporary(Array(list.joined().utf8), in: directory)
            let markerPath = (directory as NSString).appendingPathComponent(
                pendingPrefix + (markerTemp as NSString).lastPathComponent.dropFirst(temporaryPrefix.count))
            guard rename(markerTemp, markerPath) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(markerTemp)
                throw SecureFile.WriteError(path: directory, reason: reason)
            }
            marker = markerPath
            try SecureFile.syncDirectory(directory)
            for (temp, final) in zip(temporaries, finals) {
                guard rename(temp, final) == 0 else { throw SecureFile.WriteError(path: final, reason: String(cString: strerror(errno))) }
                renamed.append(final)
            }
            temporaries.removeAll()
            try SecureFile.syncDirectory(directory)
            unlink(markerPath)
            marker = nil
            try SecureFile.syncDirectory(directory)
        } catch {
            undo()
            throw error
        }
    }

    /// The process id written into a temporary or marker name, if it has one.
    static func ownerPID(ofName name: String, prefix: String) -> pid_t? {
        guard name.hasPrefix(prefix) else { return nil }
        return pid_t(name.dropFirst(prefix.count).prefix { $0 != "-" })
    }
}
