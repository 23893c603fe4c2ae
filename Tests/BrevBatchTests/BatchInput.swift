import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// Batch inputs made from the example cases: valid ones under new case numbers (so each line is
/// its own letters), refused ones, a malformed line and a blank line, with what must become of each.
struct BatchInput {
    var jsonl: [UInt8]
    /// Lines the report must list, and nothing else.
    var refusedLines: Set<Int>
    /// Lines that must give letters.
    var validLines: Set<Int>
    /// The cases' own files of the letters that must be in the outbox, each exactly once.
    var expectedFolders: Set<String>

    static var examples: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.repositoryRoot.appendingPathComponent("Examples/cases").path))?
            .filter { $0.hasSuffix(".json") }.sorted() ?? []
    }

    /// Every example once, as it is, then a blank line and a malformed one.
    static func examplesAsTheyAre() throws -> BatchInput {
        var lines: [[UInt8]] = []
        var refused: Set<Int> = []
        for name in examples {
            lines.append(try compact(TestSupport.exampleObject(name)))
            if name.contains("invalid") { refused.insert(lines.count) }
        }
        lines.append(Array("   ".utf8))
        lines.append(Array("{\"case_number\": \"27.36.08-G01-9999-26\", \"letter_type\": ".utf8))
        refused.insert(lines.count)
        return try BatchInput(lines: lines, refused: refused)
    }

    /// `count` cases: the valid examples in turn under new case numbers, every tenth an invalid
    /// example, line 7 blank and line 13 malformed. The anonymous sheet is left out: its id does not
    /// depend on the case, so two anonymous cases of one day are one letter.
    static func generated(count: Int) throws -> BatchInput {
        let valid = examples.filter { !$0.contains("invalid") && !$0.hasPrefix("anonym") }
        let invalid = examples.filter { $0.contains("invalid") }
        var lines: [[UInt8]] = []
        var refused: Set<Int> = []
        var v = 0
        var i = 0
        while lines.count < count {
            let number = lines.count + 1
            if number == 7 {
                lines.append([])
            } else if number == 13 {
                lines.append(Array("{\"case_number\": \"x\",".utf8))
                refused.insert(number)
            } else if number % 10 == 0 {
                var object = try TestSupport.exampleObject(invalid[i % invalid.count])
                object["case_number"] = "27.36.08-G01-\(20000 + number)-26"
                lines.append(try compact(object))
                refused.insert(number)
                i += 1
            } else {
                var object = try TestSupport.exampleObject(valid[v % valid.count])
                object["case_number"] = "27.36.08-G01-\(20000 + number)-26"
                lines.append(try compact(object))
                v += 1
            }
        }
        return try BatchInput(lines: lines, refused: refused)
    }

    private init(lines: [[UInt8]], refused: Set<Int>) throws {
        jsonl = lines.flatMap { $0 + [0x0A] }
        refusedLines = refused
        var valid: Set<Int> = []
        var folders: Set<String> = []
        // The expected letters come from the pipeline itself, not from the batch under test.
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        for (index, line) in lines.enumerated() where !line.allSatisfy({ $0 == 0x20 }) && !refused.contains(index + 1) {
            valid.insert(index + 1)
            for letter in try pipeline.renderAll(caseJSON: line) { folders.insert(letter.fileBaseName) }
        }
        validLines = valid
        expectedFolders = folders
    }

    private static func compact(_ object: [String: Any]) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
    }
}

/// What a finished outbox holds.
struct OutboxContents {
    var folders: Set<String>
    /// Names anywhere in the outbox that start with `.brev-tmp-`.
    var temporaryNames: [String]
    var messageFiles: [String]
    var messageUUIDs: [String]

    init(_ outbox: String) throws {
        let fm = FileManager.default
        var folders: Set<String> = []
        var temporary: [String] = []
        var messages: [String] = []
        var uuids: [String] = []
        for name in try fm.contentsOfDirectory(atPath: outbox) {
            if name.hasPrefix(".brev-tmp-") { temporary.append(name) }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: "\(outbox)/\(name)", isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            folders.insert(name)
            for file in try fm.contentsOfDirectory(atPath: "\(outbox)/\(name)") {
                if file.hasPrefix(".brev-tmp-") { temporary.append("\(name)/\(file)") }
                if file.hasSuffix(".memo.xml") || file.hasSuffix(".print.xml") {
                    let path = "\(outbox)/\(name)/\(file)"
                    messages.append(path)
                    let text = try String(contentsOfFile: path, encoding: .utf8)
                    for tag in ["memo:messageUUID", "fjernprint:AfsendelseIdentifikator"] {
                        if let open = text.range(of: "<\(tag)>"), let close = text.range(of: "</\(tag)>", range: open.upperBound..<text.endIndex) {
                            uuids.append(String(text[open.upperBound..<close.lowerBound]))
                        }
                    }
                }
            }
        }
        self.folders = folders
        temporaryNames = temporary
        messageFiles = messages.sorted()
        messageUUIDs = uuids
    }
}

extension OutboxContents {
    /// What a finished batch must leave, however it was interrupted: exactly the expected letter
    /// folders, no temporary file, each messageUUID once, every message valid against the official
    /// schema (brev's own validator, libxml2), and a report that lists exactly the refused lines.
    /// Returns the report (`report.json`).
    @discardableResult
    static func expectEveryLetterOnce(in outbox: String, for input: BatchInput, brev: String, root: String,
                                      context: String = "") throws -> [String: Any] {
        let contents = try OutboxContents(outbox)
        #expect(contents.temporaryNames.isEmpty, "\(contents.temporaryNames)")
        #expect(contents.folders == input.expectedFolders, "\(context)")
        #expect(Set(contents.messageUUIDs).count == contents.messageUUIDs.count, "a messageUUID is in the outbox twice")
        #expect(contents.messageUUIDs.count == contents.messageFiles.count)
        #expect(!contents.messageFiles.isEmpty)
        for chunk in stride(from: 0, to: contents.messageFiles.count, by: 50) {
            let files = contents.messageFiles[chunk..<min(chunk + 50, contents.messageFiles.count)]
            let check = try TestSupport.run(brev, ["check", "--resources", root] + files.flatMap { ["--memo", $0] })
            #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
            #expect(check.stdout.components(separatedBy: ": valid").count - 1 == files.count)
        }

        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(outbox)/report.json"))) as! [String: Any]
        let refused = (report["refused"] as! [[String: Any]]).map { $0["line"] as! Int }
        #expect(Set(refused) == input.refusedLines)
        #expect(refused.count == input.refusedLines.count)
        return report
    }
}
