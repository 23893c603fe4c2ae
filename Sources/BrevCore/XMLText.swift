/// Escapes text for XML and HTML content and attribute values: the one escaping function that
/// the HTML writer and the XMP writer share.
public enum XMLText {
    public static func escaped(_ s: String) -> String {
        // The five characters escaped are ASCII, so they are found and replaced byte by byte
        // (no byte of another character's UTF-8 is below 0x80); most texts hold none of them
        // and come back as they are.
        guard hasEscapable(s) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `s` holds a character `escaped` replaces: its bytes read from its storage, the
    /// ones from "@" up (every letter beyond "?") passed over with one comparison.
    private static func hasEscapable(_ s: String) -> Bool {
        if let found = s.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            for byte in bytes where byte < 0x40 && needsEscape(byte) { return true }
            return false
        }) {
            return found
        }
        return s.utf8.contains(where: needsEscape)
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
