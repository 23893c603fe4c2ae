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
    /// and `request` give, with the letter's checks run once for both.
    public static func messageAndRequest(_ letter: OutgoingLetter, channel: Channel,
                                         version: MeMoVersion = .v1_2) throws(DigitalPostError) -> (message: [UInt8], request: [UInt8]) {
        try check(letter, for: channel)
        let w = XMLWriter()
        switch channel {
        case .digitalPost: MeMoWriter.write(letter, version: version, into: w)
        case .physicalPost: PrintLetterWriter.write(letter, forsendelseType: nil, into: w)
        }
        return (try w.finish(), try write(letter, channel: channel, version: version, forsendelseType: nil))
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
