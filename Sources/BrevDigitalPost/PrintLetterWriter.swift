import BrevCore

/// A print letter for a citizen exempt from Digital Post: `fjernprint:ForsendelseI` (SF1600
/// schema, memo.md §10). The PDF itself carries the address in the envelope window; the
/// address here tells the print service where to send it.
public enum PrintLetterWriter {
    static let fjernprint = "urn:oio:fjernprint:1.0.0"
    static let dkal = "urn:oio:dkal:1.0.0"
    static let dp = "urn:oio:adir:dagpenge:2009.07.01"
    static let itst = "http://rep.oio.dk/itst.dk/xml/schemas/2006/01/17/"
    static let dkccLines = "http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/05/19/"
    static let dkcc = "http://rep.oio.dk/ebxml/xml/schemas/dkcc/2003/02/13/"
    static let sd = "urn:oio:sagdok:3.0.0"

    /// `forsendelseType`: the number the print agreement issued to the sender, if any.
    public static func forsendelse(_ letter: OutgoingLetter, forsendelseType: Int? = nil) throws(DigitalPostError) -> [UInt8] {
        try check(letter)
        let w = XMLWriter()
        write(letter, forsendelseType: forsendelseType, into: w)
        return try w.finish()
    }

    static func check(_ letter: OutgoingLetter) throws(DigitalPostError) {
        try MeMoWriter.check(letter)
        guard !letter.addressLines.isEmpty else { throw .noAddress }
        // The messages name the field and the line, never the text: it is the citizen's address.
        if letter.addressLines.count > 6 { throw .tooManyLines(field: "ModtagerAdresse (address lines)", limit: 6) }
        for (i, line) in letter.addressLines.enumerated() where line.count > 34 {
            throw .tooLong(field: "ModtagerAdresse/\(lineElements[i]) (address line \(i + 1))", limit: 34)
        }
        if letter.recipientName.isEmpty || letter.recipientName.count > 130 {
            throw .tooLong(field: "ModtagerAdresse/PersonName (recipient name)", limit: 130)
        }
    }

    /// The six address lines' elements.
    static let lineElements = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"].map { "PostalAddress\($0)LineText" }

    static func write(_ letter: OutgoingLetter, forsendelseType: Int?, into w: XMLWriter) {
        w.start("fjernprint:ForsendelseI")
        for (prefix, uri) in [("fjernprint", fjernprint), ("dkal", dkal), ("dp", dp), ("itst", itst),
                              ("dkcc3", dkccLines), ("dkcc2", dkcc), ("sd", sd)] {
            w.attribute("xmlns:\(prefix)", uri)
        }
        w.element("fjernprint:AfsendelseIdentifikator", letter.messageUUID)
        if let forsendelseType { w.element("fjernprint:ForsendelseTypeIdentifikator", String(forsendelseType)) }
        w.element("fjernprint:ForsendelseModtager") {
            // Citizens are addressed by the address; the CPR field carries the agreed placeholder.
            w.element("dkal:AfsendelseModtager") {
                w.element("dp:CPRnummerIdentifikator", "0000000000")
            }
            w.element("fjernprint:ModtagerAdresse") {
                w.element("itst:PersonName", letter.recipientName)
                for (i, line) in letter.addressLines.enumerated() {
                    w.element("dkcc3:\(lineElements[i])", line)
                }
                w.start("dkcc2:CountryIdentificationCode")
                w.attribute("scheme", "iso3166-alpha2")
                w.text(letter.countryCode)
                w.end()
            }
        }
        w.element("dkal:FilformatNavn", "PDF")
        w.base64Element("dkal:MeddelelseIndholdData", letter.mainDocument.base64)
        w.element("fjernprint:DokumentParametre") {
            w.element("sd:TitelTekst", letter.label)
        }
        w.element("fjernprint:PostParametre") {
            w.element("fjernprint:PostKategoriKode", "Prioritaire")
        }
        w.end()
    }
}
