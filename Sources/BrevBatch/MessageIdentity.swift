/// The message UUID a rendered letter's Digital Post or print message carries, read back from
/// the message itself so the journal keys on exactly what the recipient's system will see.
enum MessageIdentity {
    /// The elements that hold it: MeMo's `messageUUID`, ForsendelseI's `AfsendelseIdentifikator`.
    static let elements = ["memo:messageUUID", "fjernprint:AfsendelseIdentifikator"]

    static func messageUUID(in message: [UInt8]) -> String? {
        for element in elements {
            if let value = text(of: element, in: message) { return value }
        }
        return nil
    }

    private static func text(of element: String, in bytes: [UInt8]) -> String? {
        let open = Array("<\(element)>".utf8)
        guard let start = firstIndex(of: open, in: bytes, from: 0) else { return nil }
        let valueStart = start + open.count
        guard let end = bytes[valueStart...].firstIndex(of: UInt8(ascii: "<")) else { return nil }
        return String(decoding: bytes[valueStart..<end], as: UTF8.self)
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = from
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
