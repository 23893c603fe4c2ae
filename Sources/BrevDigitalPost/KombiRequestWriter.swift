/// The SF1601 KombiPostAfsend request body (memo.md §9) that the municipality's integration
/// posts: the channel choice and either the MeMo message or the print letter.
public enum KombiRequestWriter {
    public enum Channel: String, Sendable {
        case digitalPost = "Digital Post"
        case physicalPost = "Fysisk Post"
    }

    public static func request(_ letter: OutgoingLetter, channel: Channel, version: MeMoVersion = .v1_2,
                               forsendelseType: Int? = nil) throws(DigitalPostError) -> [UInt8] {
        try check(letter, for: channel)
        return try write(letter, channel: channel, version: version, forsendelseType: forsendelseType)
    }

    /// The message on its own (the MeMo message, or the print letter for `.physicalPost`) and
    /// the request body that wraps it: what `MeMoWriter.message` or `PrintLetterWriter.forsendelse`
    /// and `request` give, with the letter's checks run once for both and the message written
    /// once: the request is made from the message's own lines (`wrapping`).
    public static func messageAndRequest(_ letter: OutgoingLetter, channel: Channel,
                                         version: MeMoVersion = .v1_2) throws(DigitalPostError) -> (message: [UInt8], request: [UInt8]) {
        try check(letter, for: channel)
        let w = XMLWriter()
        switch channel {
        case .digitalPost: MeMoWriter.write(letter, version: version, into: w)
        case .physicalPost: PrintLetterWriter.write(letter, forsendelseType: nil, into: w)
        }
        let message = try w.finish()
        if !w.textHasLineFeed, let request = wrapping(message, channel: channel) { return (message, request) }
        return (message, try write(letter, channel: channel, version: version, forsendelseType: nil))
    }

    /// The request body around a finished message, byte for byte what `write` makes with
    /// libxml2's writer (`DigitalPostWriterTests` compares them): the message's XML declaration,
    /// `kombi_request` with the channel, and the message's lines indented one level deeper
    /// (two for print, inside its `ForsendelseISamling`). Only for a message whose every line
    /// break is indentation; nil when it has no XML declaration line.
    static func wrapping(_ message: [UInt8], channel: Channel) -> [UInt8]? {
        guard let declarationEnd = message.firstIndex(of: 0x0A) else { return nil }
        let depth = channel == .digitalPost ? 1 : 2
        var out: [UInt8] = []
        out.reserveCapacity(message.count + 128 * depth + 256)
        out += message[...declarationEnd]
        out += "<kombi_request>\n  <KombiValgKode>\(channel.rawValue)</KombiValgKode>\n".utf8
        if channel == .physicalPost {
            out += "  <fjernprint:ForsendelseISamling xmlns:fjernprint=\"\(PrintLetterWriter.fjernprint)\">\n".utf8
        }
        guard XMLWriter.appendIndentedBody(of: message, indent: Array(repeating: 0x20, count: 2 * depth), to: &out) else { return nil }
        if channel == .physicalPost { out += "  </fjernprint:ForsendelseISamling>\n".utf8 }
        out += "</kombi_request>\n".utf8
        return out
    }

    private static func check(_ letter: OutgoingLetter, for channel: Channel) throws(DigitalPostError) {
        switch channel {
        case .digitalPost: try MeMoWriter.check(letter)
        case .physicalPost: try PrintLetterWriter.check(letter)
        }
    }

    private static func write(_ letter: OutgoingLetter, channel: Channel, version: MeMoVersion,
                              forsendelseType: Int?) throws(DigitalPostError) -> [UInt8] {
        let w = XMLWriter()
        w.start("kombi_request")
        w.element("KombiValgKode", channel.rawValue)
        switch channel {
        case .digitalPost:
            MeMoWriter.write(letter, version: version, into: w)
        case .physicalPost:
            w.start("fjernprint:ForsendelseISamling")
            w.attribute("xmlns:fjernprint", PrintLetterWriter.fjernprint)
            PrintLetterWriter.write(letter, forsendelseType: forsendelseType, into: w)
            w.end()
        }
        w.end()
        return try w.finish()
    }
}
