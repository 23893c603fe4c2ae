@testable import BrevServer
import BrevTestSupport
import Foundation
import Testing

/// `brev serve` runs one event loop per four cores (at least one) unless told otherwise, and
/// the count reaches NIO's group: the running service has exactly that many loop threads.
@Suite struct EventLoopCountTests {
    @Test func oneLoopPerFourCoresAtLeastOne() {
        #expect([1, 2, 3, 4, 5, 8, 16].map { ServerSettings.defaultEventLoopCount(cores: $0) } == [1, 1, 1, 1, 1, 2, 4])
        #expect(ServerSettings(databasePath: "/x/brev.sqlite", environment: TestSupport.environment, eventLoopCount: 0).eventLoopCount == 1)
    }

    @Test func brevServeRunsThatManyEventLoops() throws {
        let byDefault = ServerSettings.defaultEventLoopCount(cores: ProcessInfo.processInfo.activeProcessorCount)
        for (arguments, expected) in [([String](), byDefault), (["--event-loops", "3"], 3)] {
            let served = try ServedBrev(caseworker: "loops", arguments: arguments)
            defer { served.stop() }
            let tasks = "/proc/\(served.process.processIdentifier)/task"
            let names = try FileManager.default.contentsOfDirectory(atPath: tasks).compactMap {
                try? String(contentsOfFile: "\(tasks)/\($0)/comm", encoding: .utf8)
            }
            // NIO names its singleton group's threads NIO-SGLTN-<group>-#<loop>.
            #expect(names.filter { $0.hasPrefix("NIO-SGLTN-") }.count == expected, "\(arguments): \(names.sorted())")
        }
    }
}
