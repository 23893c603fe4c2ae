import BrevCore
import Foundation
import CLibXML2

/// The authority on letter XML: libxml2 parses the text, and its tree becomes an `XMLTree` with
/// libxml2's own line numbers and attribute values (`xmlGetProp`). Every not-well-formed
/// diagnostic is libxml2's.
enum LibXML2Tree {
    static func parse(_ text: String, sourceName: String) throws(DiagnosticsError) -> XMLTree {
        _ = libxml2Initialized
        let bytes = Array(text.utf8)
        guard let ctxt = xmlNewParserCtxt() else {
            throw DiagnosticsError([.error(.templateNotWellFormed, at: .file(path: sourceName, line: 1, column: nil), "libxml2 could not start")])
        }
        defer { xmlFreeParserCtxt(ctxt) }
        // No network, no entity expansion, no messages on stderr: errors come back to us.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                xmlCtxtReadMemory(ctxt, $0, Int32(buf.count), sourceName, "UTF-8", options)
            }
        }
        guard let doc else {
            let err = ctxt.pointee.lastError
            let message = err.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "not well-formed XML"
            throw DiagnosticsError([.error(.templateNotWellFormed, at: .file(path: sourceName, line: Int(err.line), column: Int(err.int2)), message)])
        }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else {
            throw DiagnosticsError([.error(.templateNotWellFormed, at: .file(path: sourceName, line: 1, column: nil), "the document is empty")])
        }
        var tree = XMLTree()
        tree.root = add(root, to: &tree, parent: -1, after: -1)
        return tree
    }

    /// Adds the element and everything under it. libxml2 refuses a document nested deeper than
    /// 256 elements, so the recursion is as deep at most.
    private static func add(_ element: xmlNodePtr, to tree: inout XMLTree, parent: Int32, after lastChild: Int32) -> Int32 {
        let attributeStart = tree.attributes.count
        for name in XMLTree.attributeNames {
            if let value = xmlGetProp(element, name) {
                tree.attributes.append(XMLTree.Attribute(name: name, value: String(cString: value)))
                clibxml2_free(value)
            }
        }
        let index = tree.append(XMLTree.Node(name: element.pointee.name.map { String(cString: $0) } ?? "", isText: false,
                                             start: Int32(attributeStart), count: Int32(tree.attributes.count - attributeStart),
                                             line: Int(xmlGetLineNo(element))),
                                parent: parent, after: lastChild)
        var last: Int32 = -1
        var child = element.pointee.children
        while let node = child {
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                last = add(node, to: &tree, parent: index, after: last)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let start = tree.text.count
                if let content = node.pointee.content {
                    tree.text.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
                }
                last = tree.append(XMLTree.Node(name: "", isText: true, start: Int32(start), count: Int32(tree.text.count - start),
                                                line: Int(xmlGetLineNo(node))),
                                   parent: index, after: last)
            default:
                break // comments, processing instructions, entity references: the walker reads none of them
            }
            child = node.pointee.next
        }
        return index
    }
}
