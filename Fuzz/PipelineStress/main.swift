import BrevCore
import BrevPipeline
import Foundation
import Synchronization

// Several threads, each with its own pipeline, render every example case and the published
// standards over and over: a sanitizer build of this finds memory and thread errors that only
// show when pipelines run side by side (as in `brev batch --jobs N` and `brev serve`).
let arguments = CommandLine.arguments
let threads = arguments.count > 1 ? Int(arguments[1]) ?? 2 : 2
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
guard let root = BrevEnvironment.locateResources() else { fatalError("resources not found") }
let environment = BrevEnvironment(resourceRoot: root, today: CivilDate(year: 2026, month: 11, day: 24)!)
let examples = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Examples/cases").path)
    .filter { $0.hasSuffix(".json") }.sorted()
    .map { Array(try! Data(contentsOf: root.appendingPathComponent("Examples/cases/\($0)"))) }

let failures = Mutex(0)
let group = DispatchGroup()
for worker in 0..<threads {
    group.enter()
    Thread.detachNewThread {
        defer { group.leave() }
        do {
            let pipeline = try LetterPipeline(environment: environment)
            let publisher = try StandardPublisher(environment: environment)
            for round in 0..<rounds {
                var letters = 0
                for bytes in examples.shuffled() {
                    // Invalid examples are refused, as they should be; the sanitizer is the judge here.
                    if let made = try? pipeline.renderAll(caseJSON: bytes) { letters += made.count }
                    _ = pipeline.check(caseJSON: bytes)
                }
                if worker % 2 == 1 { _ = try publisher.publish(profile: "ishoej-vallensbaek", edition: "2020") }
                print("worker \(worker) round \(round): \(letters) letters")
            }
        } catch {
            print("worker \(worker): \(error)")
            failures.withLock { $0 += 1 }
        }
    }
}
group.wait()
let failed = failures.withLock { $0 }
print(failed == 0 ? "done" : "\(failed) worker(s) failed")
exit(failed == 0 ? 0 : 1)
