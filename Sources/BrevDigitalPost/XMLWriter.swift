import CLibXML2
import Foundation

/// libxml2's streaming writer, with the few calls brev needs. libxml2 escapes text and
/// attribute values; names are brev's own constants.
final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var failed = false
    /// Texts put into the output at a byte offset of libxml2's buffer when it is finished
    /// (`base64Element`): a letter's PDF in base64 goes from its `String` into the document in
    /// one copy instead of through libxml2's output buffer and a C string.
    private var insertions: [(offset: Int, text: String)] = []
    /// Whether a text written holds a line feed (libxml2 writes it as it is): then the
    /// document's line breaks are not all its indentation (`Output.indentedLines`).
    private(set) var textHasLineFeed = false

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

    func text(_ s: String) {
        noteLineFeeds(s)
        check(xmlTextWriterWriteString(writer, s))
    }

    func element(_ name: String, _ text: String) {
        noteLineFeeds(text)
        check(xmlTextWriterWriteElement(writer, name, text))
    }

    private func noteLineFeeds(_ s: String) {
        if !textHasLineFeed, s.utf8.contains(0x0A) { textHasLineFeed = true }
    }

    func element(_ name: String, _ text: String?) {
        if let text { element(name, text) }
    }

    func element(_ name: String, _ value: Bool) { element(name, value ? "true" : "false") }

    /// Base64 in one unbroken line, as Digital Post expects (memo.md §4, §13): libxml2's own
    /// base64 writer breaks lines every 72 characters. Written raw: the base64 alphabet has no
    /// character XML escapes, and escaping a letter's PDF character by character was a tenth
    /// of building its messages. `base64`: the attachment's text (`Attachment.base64`).
    /// The text is put in when the document is finished: libxml2 writes the element with an
    /// empty raw text (which closes its start tag and, like the text, keeps the end tag on its
    /// line), and the text goes in at that offset.
    func base64Element(_ name: String, _ base64: String) {
        start(name)
        check(xmlTextWriterWriteRaw(writer, ""))
        check(xmlTextWriterFlush(writer))
        insertions.append((Int(xmlBufferLength(buffer)), base64))
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
        let written = UnsafeRawBufferPointer(start: content, count: length)
        let total = length + insertions.reduce(0) { $0 + $1.text.utf8.count }
        return [UInt8](unsafeUninitializedCapacity: total) { out, count in
            var from = 0
            for (offset, text) in insertions {
                count += copy(UnsafeRawBufferPointer(rebasing: written[from..<offset]), into: out, at: count)
                var text = text
                text.withUTF8 { count += copy(UnsafeRawBufferPointer($0), into: out, at: count) }
                from = offset
            }
            count += copy(UnsafeRawBufferPointer(rebasing: written[from...]), into: out, at: count)
        }
    }
}

/// Copies `bytes` into `out` from `index` on; returns their count.
func copy(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return 0 }
    (out.baseAddress! + index).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    return bytes.count
}

extension XMLWriter {
    /// Appends to `out` the lines of a finished document after its XML declaration, each after
    /// `indent`: the document as the child of an element at that depth, as libxml2's writer
    /// would indent it there. Only right when every line break of the document is libxml2's
    /// indentation (no text with a line feed: `textHasLineFeed`). False, and nothing appended,
    /// for a document without a declaration line or a last line break.
    static func appendIndentedBody(of document: [UInt8], indent: [UInt8], to out: inout [UInt8]) -> Bool {
        document.withUnsafeBytes { bytes -> Bool in
            guard let base = bytes.baseAddress, bytes.last == 0x0A, let declarationEnd = memchr(base, 0x0A, bytes.count) else { return false }
            var start = base.distance(to: UnsafeRawPointer(declarationEnd)) + 1
            while start < bytes.count {
                let end = base.distance(to: UnsafeRawPointer(memchr(base + start, 0x0A, bytes.count - start)!)) + 1
                out += indent
                out += UnsafeRawBufferPointer(rebasing: bytes[start..<end])
                start = end
            }
            return true
        }
    }
}