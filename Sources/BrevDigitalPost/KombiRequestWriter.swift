/// The SF1601 KombiPostAfsend request body (memo.md §9) that the municipality's integration
/// posts: the channel choice and either the MeMo message or the print letter.
public enum KombiRequestWriter {
    public enum Channel: String, Sendable {
        case digitalPost = "Digital Post"
        case physicalPost = "Fysisk Post"
    }

    public static func request(_ letter: OutgoingLetter, channel: Channel, version: MeMoVersion = .v1_2,
                               forsendelseType: Int? = nil) throws(DigitalPostError) -> [UInt8] {
        let w = XMLWriter()
        w.start("kombi_request")
        w.element("KombiValgKode", channel.rawValue)
        switch channel {
        case .digitalPost:
            try MeMoWriter.check(letter)
            MeMoWriter.write(letter, version: version, into: w)
        case .physicalPost:
            try PrintLetterWriter.check(letter)
            w.start("fjernprint:ForsendelseISamling")
            w.attribute("xmlns:fjernprint", PrintLetterWriter.fjernprint)
            PrintLetterWriter.write(letter, forsendelseType: forsendelseType, into: w)
            w.end()
        }
        w.end()
        return try w.finish()
    }
}
