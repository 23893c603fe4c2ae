@testable import BrevServer
import Foundation
import Synchronization
import Testing

/// The pool's deadlines: each open one fires once, at or after its time; one answered in time
/// never fires; and many requests share one timer instead of setting one each.
@Suite struct RequestDeadlinesTests {
    /// Waits until `done` holds, up to five seconds.
    static func wait(until done: () -> Bool) async throws {
        for _ in 0..<500 where !done() { try await Task.sleep(for: .milliseconds(10)) }
    }

    @Test func deadlinesAnsweredInTimeNeverFireAndShareOneTimer() async throws {
        let deadlines = RequestDeadlines(timeout: .milliseconds(300))
        let fired = Atomic(0)
        for id in 0..<5_000 {
            deadlines.add(id: id) { fired.add(1, ordering: .relaxed) }
            deadlines.remove(id: id)
        }
        #expect(deadlines.openCount == 0)
        // Answered in the order they came, so nothing is left to keep.
        #expect(deadlines.keptCount == 0)
        #expect(deadlines.timersSet == 1)
        try await Task.sleep(for: .milliseconds(600))
        #expect(fired.load(ordering: .relaxed) == 0)
        #expect(deadlines.timersSet == 1)
    }

    @Test func openDeadlinesFireOnceEachNotBeforeTheirTime() async throws {
        let timeout = Duration.milliseconds(200)
        let deadlines = RequestDeadlines(timeout: timeout)
        let fired = Mutex<[Int: Duration]>([:])
        let start = ContinuousClock.now
        // Every third is answered in time; the others are due.
        for id in 0..<30 {
            deadlines.add(id: id) {
                fired.withLock { $0[id, default: .zero] += start.duration(to: .now) }
            }
            if id % 3 == 0 { deadlines.remove(id: id) }
        }
        #expect(deadlines.openCount == 20)
        try await Self.wait { deadlines.openCount == 0 }
        try await Task.sleep(for: .milliseconds(100))
        let times = fired.withLock { $0 }
        #expect(Set(times.keys) == Set((0..<30).filter { $0 % 3 != 0 }))
        for (id, elapsed) in times { #expect(elapsed >= timeout, "deadline \(id) fired after \(elapsed)") }
        #expect(deadlines.keptCount == 0)
    }

    @Test func theTimerIsSetAgainForDeadlinesAddedAfterItFired() async throws {
        let deadlines = RequestDeadlines(timeout: .milliseconds(100))
        let fired = Atomic(0)
        deadlines.add(id: 1) { fired.add(1, ordering: .relaxed) }
        try await Self.wait { fired.load(ordering: .relaxed) == 1 }
        #expect(deadlines.timersSet == 1)
        // A later request: the timer is no longer set, so it is set again.
        deadlines.add(id: 2) { fired.add(1, ordering: .relaxed) }
        // One added while the first is open is covered by the same timer, then the timer is set for it.
        try await Task.sleep(for: .milliseconds(50))
        deadlines.add(id: 3) { fired.add(1, ordering: .relaxed) }
        try await Self.wait { fired.load(ordering: .relaxed) == 3 }
        #expect(fired.load(ordering: .relaxed) == 3)
        #expect(deadlines.timersSet == 3)
        #expect(deadlines.openCount == 0 && deadlines.keptCount == 0)
    }

    @Test func answeringOutOfOrderKeepsOnlyWhatIsStillAhead() {
        let deadlines = RequestDeadlines(timeout: .seconds(60))
        for id in 0..<10 { deadlines.add(id: id) {} }
        // The first stays open (a slow render): those behind it are kept until it goes.
        for id in 1..<10 { deadlines.remove(id: id) }
        #expect(deadlines.openCount == 1)
        #expect(deadlines.keptCount == 10)
        deadlines.remove(id: 0)
        #expect(deadlines.openCount == 0 && deadlines.keptCount == 0)
        // Taking out one that is not open does nothing.
        deadlines.remove(id: 42)
        #expect(deadlines.openCount == 0)
    }
}
