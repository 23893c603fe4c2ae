/// How brev names a character in a message: `U+00E6`, at least four hex digits as Unicode writes
/// them. A refused character is named this way, never shown in its context (it may be personal data).
public func codePointName(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}
