@testable import BrevServer
import BrevTestSupport
import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The service's limits, in-process: a short waiting line before 429, and a deadline (503) that
/// never lets more renders run at once than there are pipelines. Body size: APITests. The pool's
/// work here waits on a semaphore rather than rendering: a real render's length on a loaded
/// machine cannot be set against a deadline without a race.
@Suite struct LimitsTests {
    static let example = "afslag-doegn-sel101.json"

    /// Takes the pool's one pipeline until `release` is signalled.
    static func hold(_ pool: PipelinePool, until release: DispatchSemaphore) async throws -> Task<Void, Never> {
        let holding = Task { _ = await pool.run { _ in release.wait() } }
        for _ in 0..<500 where pool.freeCount > 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(pool.freeCount == 0)
        return holding
    }

    @Test func aRequestWaitsForAFreePipelineAndOneMoreThanTheLineHoldsIsRefused() async throws {
        let h = try ServiceHarness(pipelines: 1, waiting: 1)
        let caseJSON = try TestSupport.exampleBytes(Self.example)
        let release = DispatchSemaphore(value: 0)
        let holding = try await Self.hold(h.parts.pool, until: release)
        try await h.run { client in
            async let waited = client.execute(uri: "/api/letters", method: .post, headers: h.authorized, body: buffer(caseJSON)) { r in
                r.status
            }
            for _ in 0..<500 where h.parts.pool.waitingCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
            #expect(h.parts.pool.waitingCount == 1)
            try await client.execute(uri: "/api/check", method: .post, headers: h.authorized, body: buffer(caseJSON)) { r in
                #expect(r.status == .tooManyRequests)
                #expect(r.headers[.retryAfter] == "1")
                #expect(r.problem["code"] as? String == "SERVER_BUSY")
            }
            release.signal()
            #expect(try await waited == .ok)
        }
        _ = await holding.value
        #expect(h.parts.pool.freeCount == 1 && h.parts.pool.waitingCount == 0)
        // Answered, refused or not: no request leaves its deadline behind.
        #expect(h.parts.pool.openDeadlines == 0)
    }

    @Test func workPastTheDeadlineIsAnsweredTimedOutAndFreesItsPipelineOnlyWhenItEnds() async throws {
        let h = try ServiceHarness(pipelines: 1, timeout: .milliseconds(200))
        let release = DispatchSemaphore(value: 0)
        let outcome = await h.parts.pool.run { _ in release.wait() }
        guard case .timedOut = outcome else { Issue.record("not timed out: \(outcome)"); return }
        // Answered, but the work still holds the pipeline: no second render may start beside it.
        #expect(h.parts.pool.freeCount == 0)
        guard case .busy = await h.parts.pool.run({ _ in }) else { Issue.record("a second render got the busy pipeline"); return }
        release.signal()
        for _ in 0..<500 where h.parts.pool.freeCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(h.parts.pool.freeCount == 1)
        guard case .done = await h.parts.pool.run({ _ in }) else { Issue.record("the freed pipeline did not work"); return }
        #expect(h.parts.pool.openDeadlines == 0)
    }

    @Test func aRequestThatWaitsPastTheDeadlineIs503AndLeavesTheLine() async throws {
        let h = try ServiceHarness(pipelines: 1, waiting: 4, timeout: .milliseconds(300))
        let release = DispatchSemaphore(value: 0)
        let holding = try await Self.hold(h.parts.pool, until: release)
        try await h.run { client in
            try await client.execute(uri: "/api/letters", method: .post, headers: h.authorized,
                                     body: buffer(try TestSupport.exampleBytes(Self.example))) { r in
                #expect(r.status == .serviceUnavailable)
                #expect(r.headers[.contentType] == "application/problem+json")
                #expect(r.headers[.retryAfter] == "1")
                #expect(r.problem["code"] as? String == "REQUEST_TIMEOUT")
            }
            try await client.execute(uri: "/metrics", method: .get, headers: h.authorized) { r in
                #expect(r.text.contains("brev_timeouts_total 1"))
            }
        }
        #expect(h.parts.pool.waitingCount == 0)
        release.signal()
        _ = await holding.value
        // The holder's own request timed out too; its work gives the pipeline back when it ends.
        for _ in 0..<500 where h.parts.pool.freeCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(h.parts.pool.freeCount == 1)
    }

    @Test func theDefaultsWaitSixteenPerPipelineForTenSeconds() {
        let s = ServerSettings(databasePath: "/x/brev.sqlite", environment: TestSupport.environment, pipelineCount: 2)
        #expect(s.waitingLimit == 32)
        #expect(s.requestTimeout == .seconds(10))
        #expect(ServiceParts.idleTimeout == .seconds(30))
        #expect(ServerSettings.defaultOutboxPath(databasePath: "/x/brev.sqlite", environment: [:]) == "/x/outbox")
        #expect(ServerSettings.defaultOutboxPath(databasePath: "/x/brev.sqlite", environment: ["BREV_OUTBOX": "/o"]) == "/o")
    }
}
