import Foundation

/// A PDF read through `qpdf --json`: an independent reader (not brev's own parser) for tests
/// that check the structure, metadata and content streams of what brev writes.
public struct QPDFJSON {
    public let root: [String: Any]
    public let objects: [String: Any]
    public let trailer: [String: Any]

    public init(path: String) throws {
        let out = try TestSupport.temporaryDirectory().appendingPathComponent("q.json").path
        let r = try TestSupport.run("qpdf", ["--json", "--json-stream-data=inline", "--decode-level=generalized", path, out])
        guard r.status == 0 else { throw NSError(domain: "qpdf", code: Int(r.status), userInfo: [NSLocalizedDescriptionKey: r.stderr]) }
        root = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as! [String: Any]
        let qpdf = root["qpdf"] as! [Any]
        objects = qpdf[1] as! [String: Any]
        trailer = (objects["trailer"] as! [String: Any])["value"] as! [String: Any]
    }

    /// The value of an object (`"12 0 R"`), or the dictionary of a stream.
    public func value(_ ref: String) -> Any? {
        guard let entry = objects["obj:\(ref)"] as? [String: Any] else { return nil }
        if let v = entry["value"] { return v }
        return (entry["stream"] as? [String: Any])?["dict"]
    }

    /// Follows a reference string; anything else is returned as it is.
    public func resolve(_ any: Any?) -> Any? {
        if let s = any as? String, s.hasSuffix(" R") { return value(s) }
        return any
    }

    public func dictionary(_ any: Any?) -> [String: Any]? { resolve(any) as? [String: Any] }

    /// The decoded bytes of a stream.
    public func streamData(_ ref: String) -> [UInt8] {
        guard let entry = objects["obj:\(ref)"] as? [String: Any], let stream = entry["stream"] as? [String: Any],
              let b64 = stream["data"] as? String, let data = Data(base64Encoded: b64) else { return [] }
        return Array(data)
    }

    public var catalog: [String: Any] { dictionary(trailer["/Root"])! }

    /// Page dictionaries with their object references, in order.
    public var pages: [(ref: String, dict: [String: Any])] {
        (root["pages"] as! [[String: Any]]).map { page in
            let ref = page["object"] as! String
            return (ref, value(ref) as! [String: Any])
        }
    }

    /// The decoded content stream(s) of a page, concatenated.
    public func content(ofPage page: [String: Any]) -> String {
        let contents = page["/Contents"]
        let refs = (contents as? [String]) ?? [contents as! String]
        return refs.map { String(decoding: streamData($0), as: UTF8.self) }.joined(separator: "\n")
    }

    /// Text strings are written by qpdf as `u:text`.
    public static func text(_ any: Any?) -> String? {
        guard let s = any as? String, s.hasPrefix("u:") else { return nil }
        return String(s.dropFirst(2))
    }
}
