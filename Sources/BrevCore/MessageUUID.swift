/// Deterministic ids shaped as RFC 4122 version-4 UUIDs (the MeMo schema requires the v4
/// shape). Derived from a hash of what identifies the message, so rendering the same letter
/// again gives the same id and Digital Post never receives it twice.
public enum MessageUUID {
    public static func derive(from parts: [String]) -> String {
        var bytes = Array(SHA256.digest(Array(parts.joined(separator: "\u{1F}").utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x40 // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80 // variant 10xx
        let hex = bytes.map { b in (b < 16 ? "0" : "") + String(b, radix: 16) }.joined()
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }
}
