import BrevCore

/// The XMP packet: title, author, language, dates and producer consistent with the Info
/// dictionary (PDF/A-2 requires it), the PDF/A-2a identification, and PDF/UA-1's identifier
/// with the extension schema PDF/A needs for it (pdfuaid is not predefined in PDF/A-2).
enum XMPMetadata {
    struct Fields {
        var title: String
        var author: String
        var language: String
        var date: String
        var producer: String
        var creatorTool: String
    }

    static func packet(_ f: Fields) -> [UInt8] {
        let e = escape
        let xml = """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about=""
            xmlns:dc="http://purl.org/dc/elements/1.1/"
            xmlns:xmp="http://ns.adobe.com/xap/1.0/"
            xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
            xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
            xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
            xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
            xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
            xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
           <dc:format>application/pdf</dc:format>
           <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(e(f.title))</rdf:li></rdf:Alt></dc:title>
           <dc:creator><rdf:Seq><rdf:li>\(e(f.author))</rdf:li></rdf:Seq></dc:creator>
           <dc:language><rdf:Bag><rdf:li>\(e(f.language))</rdf:li></rdf:Bag></dc:language>
           <xmp:CreateDate>\(e(f.date))</xmp:CreateDate>
           <xmp:ModifyDate>\(e(f.date))</xmp:ModifyDate>
           <xmp:MetadataDate>\(e(f.date))</xmp:MetadataDate>
           <xmp:CreatorTool>\(e(f.creatorTool))</xmp:CreatorTool>
           <pdf:Producer>\(e(f.producer))</pdf:Producer>
           <pdfaid:part>2</pdfaid:part>
           <pdfaid:conformance>A</pdfaid:conformance>
           <pdfuaid:part>1</pdfuaid:part>
           <pdfaExtension:schemas>
            <rdf:Bag>
             <rdf:li rdf:parseType="Resource">
              <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
              <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
              <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
              <pdfaSchema:property>
               <rdf:Seq>
                <rdf:li rdf:parseType="Resource">
                 <pdfaProperty:name>part</pdfaProperty:name>
                 <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                 <pdfaProperty:category>internal</pdfaProperty:category>
                 <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
                </rdf:li>
               </rdf:Seq>
              </pdfaSchema:property>
             </rdf:li>
            </rdf:Bag>
           </pdfaExtension:schemas>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>
        """
        return Array(xml.utf8)
    }

    static func escape(_ s: String) -> String { XMLText.escaped(s) }

    /// `2026-11-24T00:00:00+01:00` → `D:20261124000000+01'00'`, the Info dictionary's form.
    static func pdfDate(fromISO iso: String) -> String? {
        let scalars = Array(iso.unicodeScalars)
        guard scalars.count >= 19 else { return nil }
        let digits = scalars.prefix(19).filter { $0.properties.numericType != nil && $0.isASCII }
        guard digits.count == 14 else { return nil }
        var out = "D:" + String(String.UnicodeScalarView(digits))
        let zone = scalars.dropFirst(19).drop { $0 == "." || ($0.isASCII && $0.properties.numericType != nil) }
        if zone.first == "Z" {
            out += "Z"
        } else if let sign = zone.first, sign == "+" || sign == "-" {
            let z = zone.dropFirst().filter { $0.isASCII && $0.properties.numericType != nil }
            guard z.count == 4 else { return nil }
            let zs = String(String.UnicodeScalarView(z))
            out += "\(sign)\(zs.prefix(2))'\(zs.suffix(2))'"
        }
        return out
    }

    /// `D:20261124000000+01'00'` (the Info dictionary's form) → `2026-11-24T00:00:00+01:00`.
    static func isoDate(fromPDFDate raw: String) -> String? {
        var s = Substring(raw)
        if s.hasPrefix("D:") { s = s.dropFirst(2) }
        let digits = Array(s.prefix(14))
        guard digits.count == 14, digits.allSatisfy(\.isNumber) else { return nil }
        let d = String(digits)
        func part(_ a: Int, _ b: Int) -> String { String(d[d.index(d.startIndex, offsetBy: a)..<d.index(d.startIndex, offsetBy: b)]) }
        var zone = "Z"
        let rest = s.dropFirst(14)
        if let sign = rest.first, sign == "+" || sign == "-" {
            let z = rest.dropFirst().filter(\.isNumber)
            if z.count >= 4 { zone = "\(sign)\(z.prefix(2)):\(z.dropFirst(2).prefix(2))" }
        }
        return "\(part(0, 4))-\(part(4, 6))-\(part(6, 8))T\(part(8, 10)):\(part(10, 12)):\(part(12, 14))\(zone)"
    }
}
