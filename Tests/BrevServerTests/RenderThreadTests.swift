@testable import BrevServer
import BrevTestSupport
import Foundation
import Synchronization
import Testing

/// The pipelines' own threads: renders run there, named, with the long time slice that lets the
/// event loops preempt them, and the threads end with their pool.
@Suite struct RenderThreadTests {
    /// What the kernel says of the calling thread: its name, id, and its time slice when the
    /// kernel reports one (`se.slice` in /proc, Linux 6.6 and later).
    struct ThreadFacts: Sendable {
        var name: String
        var id: String
        var slice: Int?

        static func current() throws -> ThreadFacts {
            let name = try String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8).trimmingCharacters(in: .newlines)
            let id = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self")
            let sched = (try? String(contentsOfFile: "/proc/thread-self/sched", encoding: .utf8)) ?? ""
            let slice = sched.split(separator: "\n").first { $0.hasPrefix("se.slice") }
                .flatMap { $0.split(separator: ":").last }
                .flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            return ThreadFacts(name: name, id: String(id.split(separator: "/").last ?? ""), slice: slice)
        }
    }

    @Test func renderThreadsAreNamedAndAskForTheLongSlice() async throws {
        let h = try ServiceHarness(pipelines: 2)
        let caller = try ThreadFacts.current()
        guard case .done(let facts) = await h.parts.pool.run({ _ in Result { try ThreadFacts.current() } }) else {
            Issue.record("the pool did not run the work")
            return
        }
        let render = try facts.get()
        #expect(render.name.hasPrefix("brev-render-"))
        #expect(render.id != caller.id)
        // This machine's kernel (6.18) reports slices; the default one is a few milliseconds.
        if let slice = render.slice, let callerSlice = caller.slice {
            #expect(slice == Int(RenderThread.timeSlice))
            #expect(callerSlice < slice)
        } else {
            Issue.record("the kernel reports no time slice in /proc/thread-self/sched")
        }
    }

    @Test func thePoolsThreadsEndWithThePool() async throws {
        var pool: PipelinePool? = try PipelinePool(environment: TestSupport.environment, size: 1)
        guard case .done(let facts) = await pool!.run({ _ in try? ThreadFacts.current() }), let facts else {
            Issue.record("the pool did not run the work")
            return
        }
        let task = "/proc/self/task/\(facts.id)"
        #expect(FileManager.default.fileExists(atPath: task))
        pool = nil
        for _ in 0..<500 where FileManager.default.fileExists(atPath: task) { try await Task.sleep(for: .milliseconds(10)) }
        #expect(!FileManager.default.fileExists(atPath: task))
    }

    @Test func aStoppedThreadEnds() async throws {
        let thread = RenderThread(name: "brev-render-t")
        let ran = Mutex<ThreadFacts?>(nil)
        let done = DispatchSemaphore(value: 0)
        thread.run {
            ran.withLock { $0 = try? ThreadFacts.current() }
            done.signal()
        }
        done.wait()
        let facts = try #require(ran.withLock { $0 })
        #expect(facts.name == "brev-render-t")
        let task = "/proc/self/task/\(facts.id)"
        #expect(FileManager.default.fileExists(atPath: task))
        thread.stop()
        for _ in 0..<500 where FileManager.default.fileExists(atPath: task) { try await Task.sleep(for: .milliseconds(10)) }
        #expect(!FileManager.default.fileExists(atPath: task))
    }
}
