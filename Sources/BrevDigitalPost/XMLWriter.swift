import CLibXML2
import Foundation

/// libxml2's streaming writer, with the few calls brev needs. libxml2 escapes text and
/// attribute values; names are brev's own constants.
final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var failed = false

    init() {
        _ = libxml2Initialized
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    private func check(_ status: Int32) {
        if status < 0 { failed = true }
    }

    func start(_ name: String) { check(xmlTextWriterStartElement(writer, name)) }
    func end() { check(xmlTextWriterEndElement(writer)) }
    func attribute(_ name: String, _ value: String) { check(xmlTextWriterWriteAttribute(writer, name, value)) }

    func text(_ s: String) { check(xmlTextWriterWriteString(writer, s)) }

    func element(_ name: String, _ text: String) {
        check(xmlTextWriterWriteElement(writer, name, text))
    }

    func element(_ name: String, _ text: String?) {
        if let text { element(name, text) }
    }

    func element(_ name: String, _ value: Bool) { element(name, value ? "true" : "false") }

    /// Base64 in one unbroken line, as Digital Post expects (memo.md §4, §13): libxml2's own
    /// base64 writer breaks lines every 72 characters. Written raw: the base64 alphabet has no
    /// character XML escapes, and escaping a letter's PDF character by character was a tenth
    /// of building its messages. `base64`: the attachment's text (`Attachment.base64`).
    func base64Element(_ name: String, _ base64: String) {
        start(name)
        check(xmlTextWriterWriteRaw(writer, base64))
        end()
    }

    func element(_ name: String, build: () throws -> Void) rethrows {
        start(name)
        try build()
        end()
    }

    func finish() throws(DigitalPostError) -> [UInt8] {
        check(xmlTextWriterEndDocument(writer))
        check(xmlTextWriterFlush(writer))
        if failed { throw .writer("libxml2 could not write the document") }
        let length = Int(xmlBufferLength(buffer))
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: length))
    }
}
