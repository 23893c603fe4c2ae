// Letters per CPU-second for brev's afslag letter, and the cost of the HTML twin and of the
// PDF writer. CPU time of this thread (not wall time: these machines are shared and
// noisy); medians over rounds. Run: swift run -c release letter-benchmark [letters] [rounds]
// Memory: letter-benchmark --memory N [--mix] renders N distinct letters (each its own
// recipient, address and case number; --mix: every valid example kind in turn) in one process
// and prints the peak resident set size, malloc's figures and the layout caches' hit rates.
// Cold start: letter-benchmark --one CASE OUT does what `brev render --case CASE --out OUT`
// does in a fresh process (build a pipeline, render, write the letter set), without brev's
// argument parser and server libraries; with --startup it prints where the time went.
import BrevCore
import BrevPipeline
import Foundation

func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024 // kilobytes on Linux
}

/// The resident set now (not the peak): /proc/self/statm's second field, in pages.
func currentRSSMiB() -> Double {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
          let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

/// What malloc holds (jemalloc's, in release builds, or glibc's): bytes handed out (heap and
/// mmapped) and bytes free inside its arenas (fragmentation, or memory not yet given back): the split tells a growing cache from
/// a fragmenting heap. From `malloc_info`'s totals (Swift's Glibc module has no malloc.h, so
/// the function is looked up by name; its signature is plain C).
struct MallocFigures {
    var usedMiB: Double
    var freeMiB: Double

    private typealias MallocInfo = @convention(c) (Int32, UnsafeMutablePointer<FILE>?) -> Int32
    private static let mallocInfo = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_info")
        .map { unsafeBitCast($0, to: MallocInfo.self) }

    /// jemalloc's `mallctl`, present when the build links it (release builds, Package.swift).
    private typealias MallCtl = @convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?,
                                                UnsafeMutableRawPointer?, Int) -> Int32
    private static let mallctl = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallctl")
        .map { unsafeBitCast($0, to: MallCtl.self) }

    /// jemalloc's figures when it is the allocator: bytes handed out, and resident bytes not handed out.
    private static func jemallocFigures(_ mallctl: MallCtl) -> MallocFigures {
        var epoch: UInt64 = 1, newEpoch: UInt64 = 1
        var size = MemoryLayout<UInt64>.size
        _ = mallctl("epoch", &epoch, &size, &newEpoch, size) // refreshes the statistics
        func statistic(_ name: String) -> Double {
            var value = 0
            var length = MemoryLayout<Int>.size
            return mallctl(name, &value, &length, nil, 0) == 0 ? Double(value) : 0
        }
        let allocated = statistic("stats.allocated"), resident = statistic("stats.resident")
        return MallocFigures(usedMiB: allocated / 1_048_576, freeMiB: max(0, resident - allocated) / 1_048_576)
    }

    static func now() -> MallocFigures {
        if let mallctl { return jemallocFigures(mallctl) }
        guard let mallocInfo else { return MallocFigures(usedMiB: 0, freeMiB: 0) }
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        guard let stream = open_memstream(&buffer, &size) else { return MallocFigures(usedMiB: 0, freeMiB: 0) }
        _ = mallocInfo(0, stream)
        fclose(stream)
        defer { free(buffer) }
        let xml = buffer.map { String(cString: $0) } ?? ""
        // The process-wide totals come last: <total type="fast|rest|mmap" … size="N"/>, <system type="current" size="N"/>.
        func total(_ tag: String, _ type: String) -> Double {
            guard let line = xml.split(separator: "\n").last(where: { $0.contains("<\(tag) type=\"\(type)\"") }),
                  let range = line.range(of: "size=\"") else { return 0 }
            return Double(line[range.upperBound...].prefix { $0.isNumber }) ?? 0
        }
        let free = total("total", "fast") + total("total", "rest")
        let used = total("system", "current") - free + total("total", "mmap")
        return MallocFigures(usedMiB: used / 1_048_576, freeMiB: free / 1_048_576)
    }
}

let arguments = CommandLine.arguments
let memoryRun = arguments.count > 2 && arguments[1] == "--memory" ? Int(arguments[2]) : nil
let letters = arguments.count > 1 ? Int(arguments[1]) ?? 300 : 300
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5

if arguments.count > 3 && arguments[1] == "--one" {
    let started = Date()
    guard let root = BrevEnvironment.locateResources() else { exit(2) }
    let pipeline = try LetterPipeline(environment: BrevEnvironment(resourceRoot: root, today: BrevEnvironment.todayInCopenhagen()))
    let built = Date()
    let letters = try pipeline.renderAll(caseJSON: Array(try Data(contentsOf: URL(fileURLWithPath: arguments[2]))))
    let rendered = Date()
    for letter in letters { _ = try letter.write(to: arguments[3]) }
    if arguments.count > 4 && arguments[4] == "--startup" {
        let ms = { (a: Date, b: Date) in String(format: "%.1f", b.timeIntervalSince(a) * 1000) }
        print("pipeline \(ms(started, built)) ms, render \(ms(built, rendered)) ms, write \(ms(rendered, Date())) ms")
    }
    exit(0)
}

guard let root = BrevEnvironment.locateResources() else {
    print("run from the repository: LetterTemplates/ and Fonts/ not found")
    exit(2)
}
let environment = BrevEnvironment(resourceRoot: root, today: CivilDate(year: 2026, month: 11, day: 24)!)
let pipeline = try LetterPipeline(environment: environment)
let example = try JSONSerialization.jsonObject(
    with: Data(contentsOf: root.appendingPathComponent("Examples/cases/afslag-doegn-sel101.json"))) as! [String: Any]

if let memoryRun {
    // --mix: every valid example letter in turn (all kinds), not only the afslag.
    let mix = arguments.dropFirst(3).contains("--mix")
    var examples = [example]
    if mix {
        let folder = root.appendingPathComponent("Examples/cases")
        examples = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { $0.hasSuffix(".json") && !$0.contains("invalid") }
            .map { try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent($0))) as! [String: Any] }
    }
    let checkpoints: Set<Int> = [100, 300, 1_000, 2_000, 3_000, 5_000, 10_000, 20_000, 30_000, 50_000, 100_000, memoryRun]
    var lastStatistics: [String: (hits: Int, misses: Int)] = [:]
    print("letters  peak RSS  RSS now  malloc used  malloc free  caches (entries, hit rate)")
    for i in 0..<memoryRun {
        var c = examples[i % examples.count]
        if var citizen = c["citizen"] as? [String: Any] { // an anonymous case has none
            citizen["name"] = "Borger \(i) Hansen-\(String(i, radix: 36))sen"
            if var address = citizen["address"] as? [String: Any] {
                address["street"] = "Vej \(String(i * 7919, radix: 36)) \(i % 200 + 1)"
                citizen["address"] = address
            }
            c["citizen"] = citizen
        }
        c["case_number"] = "27.36.08-G01-\(i)-26"
        _ = try pipeline.render(caseJSON: Array(try JSONSerialization.data(withJSONObject: c)))
        if checkpoints.contains(i + 1) {
            let heap = MallocFigures.now()
            // Hit rates since the last checkpoint: what the cache does now, not on average since the start.
            let caches = pipeline.layoutCacheStatistics.map { cache in
                let before = lastStatistics[cache.name]
                let hits = cache.statistics.hits - (before?.hits ?? 0), misses = cache.statistics.misses - (before?.misses ?? 0)
                lastStatistics[cache.name] = (cache.statistics.hits, cache.statistics.misses)
                return String(format: "%@ %d (%.2f%%)", cache.name, cache.statistics.entries, Double(hits) / Double(max(1, hits + misses)) * 100)
            }
            print(String(format: "%7d  %6.1f MiB  %5.1f MiB  %7.1f MiB  %7.1f MiB  ", i + 1, peakRSSMiB(), currentRSSMiB(),
                         heap.usedMiB, heap.freeMiB) + caches.joined(separator: ", "))
            fflush(nil) // a long run shows its checkpoints as it goes, also into a file
        }
    }
    print("HTML twin reuse: " + pipeline.htmlReuse.map { "\($0.name) \($0.hits) of \($0.hits + $0.misses)" }.joined(separator: ", "))
    print(String(format: "distinct letters: %d, peak RSS %.1f MiB", memoryRun, peakRSSMiB()))
    exit(0)
}

// Varied recipients, as in the peer run: the hard names first, then generated ones.
let hardNames = ["Nguyễn Thị Ánh Ærø-Østergård", "Łukasz Wójcik", "Şahin Öztürk", "O'Brien & Søn <test>", "Mette Ærø-Østergård"]
let cases: [[UInt8]] = try (0..<letters).map { i in
    var c = example
    var citizen = c["citizen"] as! [String: Any]
    citizen["name"] = i < hardNames.count ? hardNames[i] : "Borger Nummer \(i) Hansen"
    c["citizen"] = citizen
    c["case_number"] = "27.36.08-G01-\(1000 + i)-26"
    return Array(try JSONSerialization.data(withJSONObject: c))
}

// Warm up: fonts, templates and the shaping cache, as a long-running worker would have them.
for c in cases.prefix(10) { _ = try pipeline.render(caseJSON: c) }

var perLetter: [Double] = []
var bytes = 0
for _ in 0..<rounds {
    let start = cpuSeconds()
    for c in cases { bytes += try pipeline.render(caseJSON: c).pdf.count }
    perLetter.append((cpuSeconds() - start) / Double(letters))
}

let m = median(perLetter)
print("letters: \(letters) × \(rounds) rounds, one thread, CPU time")
print(String(format: "whole letter (case JSON → finished PDF): median %.2f ms/letter = %.1f letters/CPU-s (min %.2f, max %.2f ms)",
             m * 1000, 1 / m, perLetter.min()! * 1000, perLetter.max()! * 1000))
print("mean PDF size: \(bytes / (letters * rounds) / 1024) KiB")

// The HTML twin's share: writing the page and subsetting its web fonts with hb-subset.
let clock = StageClock()
pipeline.stageClock = clock
var htmlBytes = 0
for c in cases { htmlBytes += try pipeline.render(caseJSON: c).html.utf8.count }
pipeline.stageClock = nil
print(String(format: "HTML twin (page + web font subsets): %.3f ms/letter, mean page %d KiB",
             (clock.seconds[.html] ?? 0) / Double(letters) * 1000, htmlBytes / letters / 1024))
print(String(format: "PDF writer: %.3f ms/letter", (clock.seconds[.pdf] ?? 0) / Double(letters) * 1000))
