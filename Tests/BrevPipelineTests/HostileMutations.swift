import Foundation

/// Makes hostile variants of the example cases, deterministically from a seed: wrong types,
/// numbers at and past the edges, impossible dates, long strings, control and bidi characters,
/// deep nesting, missing, duplicate and unknown keys, broken bytes. Personal fields carry
/// sentinel values that must never appear in brev's output.
struct HostileMutations {
    /// One generated input and what was done to it (a field path and a mutation, never a value).
    struct Input {
        var name: String
        var description: String
        var bytes: [UInt8]
    }

    /// Values no real case has; finding one on stdout or stderr means a personal value leaked.
    static let sentinelCPR = "2412869917"
    static let sentinels = [sentinelCPR, "241286-9917", "Zorblatt Quimbyvang", "Xylofoervej 313", "Quozbyhavn",
                            "Fritekstsentinel", "Sagsbehandlersentinel"]

    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }

    private mutating func pick<T>(_ xs: [T]) -> T { xs[Int(next() % UInt64(xs.count))] }

    /// The example with every personal field replaced by a sentinel.
    static func withSentinels(_ object: [String: Any]) -> [String: Any] {
        var o = object
        if var citizen = o["citizen"] as? [String: Any] {
            if citizen["cpr"] != nil { citizen["cpr"] = sentinelCPR }
            if citizen["name"] != nil { citizen["name"] = "Zorblatt Quimbyvang" }
            if var address = citizen["address"] as? [String: Any] {
                address["street"] = "Xylofoervej 313"
                address["city"] = "Quozbyhavn"
                citizen["address"] = address
            }
            o["citizen"] = citizen
        }
        if var caseworker = o["caseworker"] as? [String: Any] {
            caseworker["name"] = "Sagsbehandlersentinel"
            o["caseworker"] = caseworker
        }
        if o["citizen_views"] != nil { o["citizen_views"] = "Fritekstsentinel mener noget andet" }
        return o
    }

    /// Raw tokens JSONSerialization cannot write; a placeholder string is swapped for them.
    private static let rawTokens = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "-0", "01", "0x10", "1E400", "+1"]

    private static let longWord = String(repeating: "a", count: 3000)
    private static let longText = String(repeating: "ord ", count: 4000)

    /// Values a field may be swapped for, each with a neutral label for the description.
    private static var replacements: [(label: String, value: Any)] { [
        ("string", "x"), ("empty string", ""), ("zero", 0), ("negative", -1), ("one half", 0.5),
        ("1e18", 1e18), ("1e300", 1e300), ("-1e300", -1e300), ("1e-300", 1e-300), ("Int.max", Int.max), ("Int.min", Int.min),
        ("true", true), ("null", NSNull()), ("empty array", [Any]()), ("empty object", [String: Any]()),
        ("array of null", [NSNull()]), ("nested arrays", [[[[[1]]]]]),
        ("date year 0", "0000-01-01"), ("date 1500s", "1540-06-01"), ("date 9999", "9999-12-31"), ("date Feb 30", "2026-02-30"),
        ("date month 13", "2026-13-01"), ("date year 99999", "99999-01-01"), ("datetime 1500s", "1540-01-01T00:00+01:00"),
        ("datetime Julian leap day", "1500-03-10T12:00+01:00"), ("datetime far future", "9999-12-31T23:59+14:00"), ("datetime bad offset", "2026-11-24T09:12+25:00"),
        ("long word", longWord), ("long text", longText),
        ("NUL", "a\u{0}b"), ("BEL", "a\u{7}b"), ("ESC", "\u{1B}[31mred"), ("RLO", "a\u{202E}b"), ("RLM", "\u{200F}x"),
        ("LRI", "\u{2066}x\u{2069}"), ("combining marks", "a" + String(repeating: "\u{301}", count: 200)),
        ("emoji", "😀🇩🇰👨‍👩‍👧"), ("Hebrew", "שלום"), ("line separator", "a\u{2028}b"), ("soft hyphen", "a\u{AD}b"),
        ("sentinel name", "Zorblatt Quimbyvang"), ("sentinel CPR", sentinelCPR), ("sentinel text", "Fritekstsentinel"),
    ] }

    /// `count` inputs from the given example objects.
    mutating func generate(_ count: Int, from examples: [(name: String, object: [String: Any])]) throws -> [Input] {
        var inputs: [Input] = []
        for i in 0..<count {
            let example = pick(examples)
            var object: Any = Self.withSentinels(example.object)
            var steps: [String] = []
            var byteMutation: ((inout [UInt8]) -> Void)?
            for _ in 0..<(1 + Int(next() % 3)) {
                let paths = Self.paths(in: object)
                let path = pick(paths)
                let where_ = Self.describe(path)
                switch next() % 10 {
                case 0:
                    object = Self.removing(path, from: object)
                    steps.append("\(where_) removed")
                case 1:
                    object = Self.setting(path + [.key("unknown_field_x")], to: "x", in: object)
                    steps.append("\(where_).unknown_field_x added")
                case 2:
                    let token = pick(Self.rawTokens)
                    object = Self.setting(path, to: "__RAW__", in: object)
                    byteMutation = { bytes in Self.replace("\"__RAW__\"", with: token, in: &bytes) }
                    steps.append("\(where_) ← raw \(token)")
                default:
                    let r = pick(Self.replacements)
                    object = Self.setting(path, to: r.value, in: object)
                    steps.append("\(where_) ← \(r.label)")
                }
            }
            var bytes = Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed]))
            byteMutation?(&bytes)
            switch next() % 12 {
            case 0:
                bytes = Array("{\"letter_type\":\"AFSLAG\",".utf8) + bytes.dropFirst()
                steps.append("duplicate key letter_type")
            case 1:
                let depth = 150 + Int(next() % 200)
                bytes = Array("{\"deep\":".utf8) + Array(repeating: UInt8(ascii: "["), count: depth)
                    + Array(repeating: UInt8(ascii: "]"), count: depth) + [UInt8(ascii: ",")] + bytes.dropFirst()
                steps.append("nesting \(depth) deep")
            case 2:
                bytes = Array(bytes.prefix(Int(next() % UInt64(bytes.count))))
                steps.append("truncated")
            case 3:
                bytes.insert(0xFF, at: Int(next() % UInt64(bytes.count)))
                steps.append("invalid UTF-8 byte")
            case 4:
                bytes = [0xEF, 0xBB, 0xBF] + bytes
                steps.append("byte order mark")
            default:
                break
            }
            inputs.append(Input(name: String(format: "gen-%04d", i), description: "\(example.name): " + steps.joined(separator: "; "),
                                bytes: bytes))
        }
        return inputs
    }

    // MARK: Paths into a JSON value

    enum Step: Equatable { case key(String), index(Int) }

    /// Every place in the value, the root included.
    static func paths(in value: Any, prefix: [Step] = []) -> [[Step]] {
        var result = [prefix]
        if let o = value as? [String: Any] {
            for key in o.keys.sorted() { result += paths(in: o[key]!, prefix: prefix + [.key(key)]) }
        } else if let a = value as? [Any] {
            for (i, v) in a.enumerated() { result += paths(in: v, prefix: prefix + [.index(i)]) }
        }
        return result
    }

    static func describe(_ path: [Step]) -> String {
        "$" + path.map { step -> String in
            switch step {
            case .key(let k): return ".\(k)"
            case .index(let i): return "[\(i)]"
            }
        }.joined()
    }

    static func setting(_ path: [Step], to newValue: Any, in value: Any) -> Any {
        guard let first = path.first else { return newValue }
        let rest = Array(path.dropFirst())
        switch first {
        case .key(let k):
            var o = value as? [String: Any] ?? [:]
            o[k] = setting(rest, to: newValue, in: o[k] ?? [String: Any]())
            return o
        case .index(let i):
            guard var a = value as? [Any], a.indices.contains(i) else { return value }
            a[i] = setting(rest, to: newValue, in: a[i])
            return a
        }
    }

    static func removing(_ path: [Step], from value: Any) -> Any {
        guard let first = path.first else { return [String: Any]() }
        let rest = Array(path.dropFirst())
        switch first {
        case .key(let k):
            guard var o = value as? [String: Any], let child = o[k] else { return value }
            if rest.isEmpty { o.removeValue(forKey: k) } else { o[k] = removing(rest, from: child) }
            return o
        case .index(let i):
            guard var a = value as? [Any], a.indices.contains(i) else { return value }
            if rest.isEmpty { a.remove(at: i) } else { a[i] = removing(rest, from: a[i]) }
            return a
        }
    }

    static func replace(_ target: String, with token: String, in bytes: inout [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        bytes = Array(text.replacingOccurrences(of: target, with: token).utf8)
    }
}
