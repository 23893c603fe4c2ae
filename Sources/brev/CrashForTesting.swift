import ArgumentParser
import BrevCommandLine
import Foundation

/// Hidden, for the tests: reads a case into memory and crashes, to show that a crash prints
/// one fixed line and none of the case (`CrashReport`).
struct CrashForTesting: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "internal-crash-test", abstract: "Crash on purpose (for tests).", shouldDisplay: false)

    @Option(name: .customLong("case"), help: "A case file to hold in memory when crashing.")
    var casePath: String

    func run() throws {
        let text = String(decoding: try readInput(casePath), as: UTF8.self)
        // Keep the case text alive and in registers/stack while the crash happens.
        withExtendedLifetime(text) {
            let invalid = UnsafeMutablePointer<Int>(bitPattern: 8)!
            invalid.pointee = text.utf8.count
        }
    }
}
