import Foundation

extension SchemaValidator {
    /// The element that holds a message's attachment (the letter's PDF) in base64.
    static func attachmentElement(of kind: Kind) -> (tag: String, name: String) {
        switch kind {
        case .memo11, .memo12: return ("memo:content", "{https://DigitalPost.dk/MeMo-1}content")
        case .forsendelseI: return ("dkal:MeddelelseIndholdData", "{urn:oio:dkal:1.0.0}MeddelelseIndholdData")
        }
    }

    /// `validate` for a message brev wrote around `base64`, its attachment's text: the same
    /// verdict for a fraction of the work. libxml2 spent most of a message's validation on the
    /// letter's PDF, 30–40 kB of base64 that it read, copied, normalised and decoded (issue 15).
    ///
    /// Why the verdict is the same: the attachment element's type is `xs:base64Binary` with no
    /// facets (MeMo 1.1 and 1.2: `memo:content`; ForsendelseI: `dkal:MeddelelseIndholdData`), so
    /// its text is valid exactly when it is in base64Binary's lexical space, and no other part
    /// of the schema reads it. That is checked here, more strictly than the schema asks (the
    /// canonical form Foundation writes: no white space, whole groups of four, the padding
    /// rules of XML Schema Part 2 §3.2.16); the base64 alphabet holds no character XML treats
    /// as markup. The rest of the message, every other byte of it, is validated by libxml2 as
    /// before, with the attachment's text shortened to its first group of four (a valid
    /// base64Binary, on the same line, so a problem elsewhere keeps its line number). A message
    /// whose attachment element does not hold exactly `base64` is validated whole.
    /// `SchemaAttachmentTests` compares the two verdicts.
    public func validate(_ bytes: [UInt8], as kind: Kind, attachment base64: String) throws(DigitalPostError) -> [Problem] {
        var base64 = base64
        let element = Self.attachmentElement(of: kind)
        let startTag = Array("<\(element.tag)>".utf8)
        guard let tag = bytes.firstRange(of: startTag) else { return try validate(bytes, as: kind) }
        let start = tag.upperBound
        let located: Range<Int>? = base64.withUTF8 { text in
            let end = start + text.count
            guard end < bytes.count, bytes[end] == UInt8(ascii: "<") else { return nil }
            let same = text.isEmpty || bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, text.baseAddress!, text.count) == 0 }
            return same ? start..<end : nil
        }
        guard let located else { return try validate(bytes, as: kind) }
        if !Base64Text.isCanonical(base64) {
            let line = bytes[..<start].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            return [Problem(line: line, message: "Element '\(element.name)': '…' is not a valid value of the atomic type 'xs:base64Binary'.")]
        }
        var shortened: [UInt8] = []
        shortened.reserveCapacity(bytes.count - located.count + 4)
        shortened += bytes[..<located.lowerBound]
        shortened += base64.utf8.prefix(4)
        shortened += bytes[located.upperBound...]
        return try validate(shortened, as: kind)
    }
}

/// Base64 text as Foundation writes it, which is the canonical form of `xs:base64Binary`.
enum Base64Text {
    /// Whether `text` is whole groups of four characters of the base64 alphabet, padded with
    /// "=" only at the end, where the last character before one "=" encodes no bits beyond the
    /// data's (one of `AEIMQUYcgkosw048`) and the last before "==" likewise (`AQgw`): what XML
    /// Schema Part 2 §3.2.16 calls B16 and B04. Every such text is in base64Binary's lexical space.
    static func isCanonical(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count % 4 == 0 else { return false }
            guard let last = bytes.last else { return true }
            var padding = 0
            if last == UInt8(ascii: "=") { padding = bytes[bytes.count - 2] == UInt8(ascii: "=") ? 2 : 1 }
            let data = bytes.count - padding
            for i in 0..<data where !isAlphabet(bytes[i]) { return false }
            switch padding {
            case 1: return "AEIMQUYcgkosw048".utf8.contains(bytes[data - 1])
            case 2: return "AQgw".utf8.contains(bytes[data - 1])
            default: return true
            }
        }
    }

    @inline(__always)
    private static func isAlphabet(_ b: UInt8) -> Bool {
        (b | 0x20) &- UInt8(ascii: "a") < 26 || b &- UInt8(ascii: "0") < 10 || b == UInt8(ascii: "+") || b == UInt8(ascii: "/")
    }
}
