import BrevCore
import BrevPipeline
import BrevTestSupport
import Foundation
import Synchronization
import Testing

/// The same input gives the same bytes, on one thread or several (one pipeline per worker, as
/// platform-notes.md §5 prescribes: fonts and caches are per worker).
@Suite(.serialized) struct DeterminismTests {
    static let examples: [String] = {
        let dir = TestSupport.repositoryRoot.appendingPathComponent("Examples/cases").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.contains("invalid") }.sorted()
    }()

    static func digests(of letters: [RenderedLetter]) -> [String] {
        letters.map { SHA256.hex($0.pdf) + "/" + $0.messages.map { SHA256.hex($0.bytes) }.joined(separator: ",") }
    }

    @Test func twoThreadsGiveTheSameBytesAsOne() throws {
        let inputs = try Self.examples.map { try TestSupport.exampleBytes($0) }
        let sequential = try LetterPipeline(environment: TestSupport.environment)
        let expected = try inputs.map { Self.digests(of: try sequential.renderAll(caseJSON: $0)) }

        let results = Mutex<[Int: [String]]>([:])
        let failures = Mutex<[String]>([])
        let rounds = 3
        // Both workers render every example, three times, at the same time.
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let pipeline = try LetterPipeline(environment: TestSupport.environment)
                for _ in 0..<rounds {
                    for (i, input) in inputs.enumerated() {
                        let d = Self.digests(of: try pipeline.renderAll(caseJSON: input))
                        results.withLock { r in
                            if let previous = r[i], previous != d { failures.withLock { $0.append("\(i) differs between threads") } }
                            r[i] = d
                        }
                    }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
        let got = results.withLock { $0 }
        for (i, digest) in expected.enumerated() { #expect(got[i] == digest, "\(Self.examples[i])") }
    }

    /// The caches of a worker (shaped words, set paragraphs, hyphenation) only save work: every
    /// example rendered by a pipeline that has rendered all of them before gives the bytes a new
    /// pipeline gives it, with nothing cached.
    @Test func aWarmPipelineGivesTheBytesOfAFreshOne() throws {
        let inputs = try Self.examples.map { try TestSupport.exampleBytes($0) }
        let warm = try LetterPipeline(environment: TestSupport.environment)
        for input in inputs { _ = try warm.renderAll(caseJSON: input) }
        for (i, input) in inputs.enumerated().reversed() {
            let fresh = try LetterPipeline(environment: TestSupport.environment).renderAll(caseJSON: input)
            let again = try warm.renderAll(caseJSON: input)
            #expect(Self.digests(of: again) == Self.digests(of: fresh), "\(Self.examples[i])")
            #expect(again.map(\.html) == fresh.map(\.html), "\(Self.examples[i])")
        }
    }
}
