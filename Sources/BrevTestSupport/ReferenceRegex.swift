import Foundation

/// The regular expressions that brev's scanners replaced on a letter's path, run by ICU
/// (Foundation's `NSRegularExpression`) as they used to be: the reference the scanners'
/// tests compare them with. Each pattern is matched case-insensitively, as it was.
public enum ReferenceRegex {
    /// The no-break patterns, in `NoBreakRules.Pattern`'s order (section, abbreviated number,
    /// phone, date, spaced thousands, amount, period).
    public static let months = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
    public static let noBreak: [NSRegularExpression] = [
        #"§§?\s+\d+(?:\s+[a-z]\b)?(?:\s+og\s+\d+)?"#,
        #"\b(?:stk|nr|kl)\.\s+\d+(?:[.,]\d+)?"#,
        #"(?:\+45\s+)?\b\d{2}(?:\s\d{2}){3}\b"#,
        #"\b\d{1,2}\.\s+(?:\#(months))\s+\d{4}\b"#,
        #"\b\d{1,3}(?:\s\d{3})+(?:\s+kr\.)?"#,
        #"\b\d{1,3}(?:\.\d{3})*(?:,\d+)?\s+kr\."#,
        #"\b\d+\s+(?:arbejdsdage|dage|uger|måneder|år)\b"#,
    ].map { compile($0) }

    /// The hyphenation policy's words of a deadline.
    public static let deadlineDate = compile(
        #"\b\d{1,2}\.\s+(?:\#(months))\s+\d{4}\b|\b\d+\s+(?:arbejdsdage|dage|uger|måneder)\s+efter\b"#)

    /// PrivacyGuard's CPR shape (matched with case, as it was).
    public static let cprShape = try! NSRegularExpression(pattern: #"(?<![0-9])[0-9]{6}-?[0-9]{4}(?![0-9])"#)

    /// `CopenhagenTime`'s ISO 8601 instant with its offset (matched with case, as it was).
    public static let isoInstant = try! NSRegularExpression(
        pattern: #"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$"#)

    public static func compile(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    /// Every match, as UTF-16 offsets, left to right.
    public static func ranges(of regex: NSRegularExpression, in text: String) -> [Range<Int>] {
        regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count))
            .map { $0.range.location..<($0.range.location + $0.range.length) }
    }

    public static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
    }

    /// The matched texts.
    public static func matchedTexts(of regex: NSRegularExpression, in text: String) -> [String] {
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }
}

extension ReferenceRegex {
    /// The texts brev's own files hold, for the scanners' tests: every string of every example
    /// case (and each of its lines), every line of the templates and profiles, and every line
    /// of the golden document dumps with each quoted text in it. Whole and in pieces, so both
    /// the letters' sentences and their edges are seen.
    public static let corpus: [String] = {
        let root = TestSupport.repositoryRoot
        let fm = FileManager.default
        var texts: [String] = []
        func addLines(_ text: String) {
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
                texts.append(String(line))
                texts += line.split(separator: "\"").map(String.init)
            }
        }
        func walk(_ value: Any) {
            if let s = value as? String {
                texts.append(s)
                if s.contains("\n") { addLines(s) }
            } else if let a = value as? [Any] {
                a.forEach(walk)
            } else if let o = value as? [String: Any] {
                o.values.forEach(walk)
            }
        }
        let cases = root.appendingPathComponent("Examples/cases")
        for file in ((try? fm.contentsOfDirectory(atPath: cases.path)) ?? []).sorted() where file.hasSuffix(".json") {
            if let data = fm.contents(atPath: cases.appendingPathComponent(file).path),
               let object = try? JSONSerialization.jsonObject(with: data) {
                walk(object)
            }
        }
        for folder in ["LetterTemplates", "Tests/BrevPipelineTests/Golden/documents"] {
            let base = root.appendingPathComponent(folder)
            guard let files = fm.enumerator(atPath: base.path) else { continue }
            for case let file as String in files where [".xhtml", ".yaml", ".txt", ".md"].contains(where: file.hasSuffix) {
                if let data = fm.contents(atPath: base.appendingPathComponent(file).path) {
                    addLines(String(decoding: data, as: UTF8.self))
                }
            }
        }
        return texts
    }()
}
