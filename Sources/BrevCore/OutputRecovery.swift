#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Cleans an output folder at the start of a run after a run that was killed or lost its disk:
/// every letter set with a pending marker is rolled back (its files removed, so it is absent
/// rather than half there), and temporary files of processes that no longer run are removed.
/// Files of a process that is still running (another brev writing to the same folder) are left alone.
public enum OutputRecovery {
    public struct Report: Equatable, Sendable {
        /// Letter sets removed because their writing was interrupted.
        public var rolledBackSets = 0
        /// Temporary files of dead processes removed.
        public var removedTemporaries = 0
    }

    /// Temporary files without a process id (written by an older brev) count as dead after this long.
    static let unownedTemporaryAge: TimeInterval = 3600

    public static func recover(directory: String) throws(SecureFile.WriteError) -> Report {
        var report = Report()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return report }
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        // Markers first: they name the temporary files of their set.
        for name in names where name.hasPrefix(LetterFileSet.pendingPrefix) {
            guard let pid = LetterFileSet.ownerPID(ofName: name, prefix: LetterFileSet.pendingPrefix), !isRunning(pid) else { continue }
            let listing = (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? ""
            // A marker lists one set, or a group of sets with a blank line between them.
            var sets = 0
            var inSet = false
            for line in listing.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.isEmpty { inSet = false; continue }
                if !inSet { sets += 1; inSet = true }
                for file in line.split(separator: "\t") where isPlainName(file) {
                    unlink(path(String(file)))
                }
            }
            unlink(path(name))
            report.rolledBackSets += max(sets, 1)
        }
        let now = Date()
        for name in names where name.hasPrefix(LetterFileSet.temporaryPrefix) {
            if let pid = LetterFileSet.ownerPID(ofName: name, prefix: LetterFileSet.temporaryPrefix) {
                if isRunning(pid) { continue }
            } else {
                let modified = (try? FileManager.default.attributesOfItem(atPath: path(name)))?[.modificationDate] as? Date
                if let modified, now.timeIntervalSince(modified) < unownedTemporaryAge { continue }
            }
            if unlink(path(name)) == 0 { report.removedTemporaries += 1 }
        }
        if report != Report() { try SecureFile.syncDirectory(directory) }
        return report
    }

    /// Whether a process with this id exists (EPERM: it exists but belongs to someone else).
    static func isRunning(_ pid: pid_t) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    /// A marker line names files in the folder itself, never a path elsewhere.
    static func isPlainName(_ name: Substring) -> Bool {
        !name.isEmpty && !name.contains("/") && name != "." && name != ".."
    }
}
