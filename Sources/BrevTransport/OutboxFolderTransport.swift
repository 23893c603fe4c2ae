#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BrevCore
import Foundation

/// Delivers each letter as one folder in the outbox, for an existing sender to pick up:
/// `outbox/<name>/<name>.pdf` and the message files. A folder either exists whole or not at all:
/// it is built under a temporary name, every file and the folder are synced, then it is renamed
/// into place and the outbox is synced. A sender must ignore names starting with `.`.
public struct OutboxFolderTransport: LetterTransport {
    public let directory: String
    private let clock: DispatchClock
    /// Prefix of folders under construction; a leftover one is from a run that was killed.
    public static let temporaryPrefix = ".brev-tmp-"

    public init(directory: String, clock: DispatchClock = .system) {
        self.directory = directory
        self.clock = clock
    }

    /// Removes what a killed run left half-built. Call before any worker starts.
    public func removeLeftovers() throws(TransportError) {
        try removeLeftovers(olderThan: nil)
    }

    /// As `removeLeftovers()`, for an outbox other workers write into at the same time: only
    /// temporary folders last changed more than `seconds` ago (theirs are seconds old at most).
    public func removeLeftovers(olderThan seconds: Double?) throws(TransportError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw TransportError(parcel: "outbox", reason: "cannot list the outbox folder")
        }
        for name in names where name.hasPrefix(Self.temporaryPrefix) {
            if let seconds,
               let changed = (try? FileManager.default.attributesOfItem(atPath: path(name)))?[.modificationDate] as? Date,
               Date().timeIntervalSince(changed) <= seconds { continue }
            do {
                try FileManager.default.removeItem(atPath: path(name))
            } catch {
                throw TransportError(parcel: name, reason: "cannot remove a leftover temporary folder")
            }
        }
    }

    public func send(name: String, parcelAt: (Date) throws(TransportError) -> Parcel) throws(TransportError) -> DispatchReceipt {
        let final = path(name)
        if let placed = (try? FileManager.default.attributesOfItem(atPath: final))?[.modificationDate] as? Date {
            // It went out when its folder was renamed into place: the letter was rendered for that day.
            try verifyPresent(parcelAt(placed))
            return DispatchReceipt(acceptedAt: placed, alreadyAccepted: true)
        }
        // Renaming takes far less than this, so the folder lands on the day the letter was rendered for.
        let start = clock.startOfAttempt(lasting: 1)
        let parcel = try parcelAt(start)
        // The folder's time, and the letter's dispatch time: the instant its files were rendered
        // for (before `start`, on the same day), to the whole second as MeMo writes it.
        let placedAt = Date(timeIntervalSince1970: (parcel.renderedFor ?? start).timeIntervalSince1970.rounded(.down))
        var template = Array(path("\(Self.temporaryPrefix)\(parcel.name)-XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw TransportError(parcel: parcel.name, reason: "cannot create a temporary folder: \(Self.systemError())")
        }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        do {
            for file in parcel.files {
                try SecureFile.write(file.bytes, to: "\(temporary)/\(file.name)")
            }
            // Not when its last file was written: a re-run that finds the folder renders the letter
            // again for the folder's time and must get the same bytes.
            try Self.setModificationTime(of: temporary, to: placedAt)
            try Self.sync(temporary)
            if rename(temporary, final) != 0 {
                let error = errno
                // Another writer finished the same letter first: it is there, whole.
                if error == EEXIST || error == ENOTEMPTY {
                    try? FileManager.default.removeItem(atPath: temporary)
                    try verifyPresent(parcel)
                    return DispatchReceipt(acceptedAt: placedAt, alreadyAccepted: true)
                }
                throw TransportError(parcel: parcel.name, reason: "cannot rename into place: \(String(cString: strerror(error)))")
            }
            try Self.sync(directory)
        } catch let error as TransportError {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw TransportError(parcel: parcel.name, reason: "\(error)")
        }
        return DispatchReceipt(acceptedAt: placedAt, alreadyAccepted: false)
    }

    /// A folder of that name is there: it must hold exactly these bytes (rendering is
    /// deterministic), otherwise two different letters claim one name.
    private func verifyPresent(_ parcel: Parcel) throws(TransportError) {
        for file in parcel.files {
            guard let data = FileManager.default.contents(atPath: "\(path(parcel.name))/\(file.name)"),
                  data.elementsEqual(file.bytes) else {
                throw TransportError(parcel: parcel.name, reason: "a folder of this name is already in the outbox with other content (\(file.name))")
            }
        }
    }

    private func path(_ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }

    /// fsync on a folder makes the names in it (a rename, a new file) durable.
    static func sync(_ folder: String) throws(TransportError) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw TransportError(parcel: (folder as NSString).lastPathComponent, reason: "cannot open to sync: \(systemError())") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw TransportError(parcel: (folder as NSString).lastPathComponent, reason: "fsync failed: \(systemError())") }
    }

    static func setModificationTime(of folder: String, to instant: Date) throws(TransportError) {
        let seconds = instant.timeIntervalSince1970.rounded(.down)
        let time = timespec(tv_sec: Int(seconds), tv_nsec: Int((instant.timeIntervalSince1970 - seconds) * 1_000_000_000))
        var times = [time, time]
        guard utimensat(AT_FDCWD, folder, &times, 0) == 0 else {
            throw TransportError(parcel: (folder as NSString).lastPathComponent, reason: "cannot set the folder's time: \(systemError())")
        }
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}
