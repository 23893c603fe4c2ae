/// A letter's XML as `XHTMLReader`'s walker reads it: elements with the attributes brev reads,
/// and text. Either reader builds it: brev's own (`LetterXMLParser`, the warm path) or libxml2's
/// tree converted (`LibXML2Tree`, the authority). Comments, processing instructions and entity
/// reference nodes are left out, but text on either side of one stays two text nodes, as in
/// libxml2's tree, because the walker collapses white space node by node.
struct XMLTree {
    struct Node {
        /// The element's name; "" for text.
        var name: String
        var isText: Bool
        /// Text: its bytes are `text[start ..< start + count]`. Element: its attributes are
        /// `attributes[start ..< start + count]`.
        var start: Int32
        var count: Int32
        var firstChild: Int32 = -1
        var nextSibling: Int32 = -1
        /// libxml2's line for the node (`xmlGetLineNo`). Brev's reader leaves 0: it never reports
        /// a problem, it hands the text to libxml2.
        var line: Int
    }

    struct Attribute: Equatable {
        var name: String
        var value: String
    }

    /// The attributes the walker reads; the others are not kept.
    static let attributeNames = ["title", "lang", "label", "href"]

    var nodes: [Node] = []
    var text: [UInt8] = []
    var attributes: [Attribute] = []
    /// The root element's index; -1 when there is none.
    var root: Int32 = -1

    /// Appends a node as the last child of `parent` (-1: none), whose last child so far is `lastChild`.
    mutating func append(_ node: Node, parent: Int32, after lastChild: Int32) -> Int32 {
        let index = Int32(nodes.count)
        nodes.append(node)
        if lastChild >= 0 {
            nodes[Int(lastChild)].nextSibling = index
        } else if parent >= 0 {
            nodes[Int(parent)].firstChild = index
        }
        return index
    }

    func isText(_ node: Int32) -> Bool { nodes[Int(node)].isText }
    func name(_ node: Int32) -> String { nodes[Int(node)].name }
    func line(_ node: Int32) -> Int { nodes[Int(node)].line }

    /// The node's children in order.
    func children(_ node: Int32) -> Children { Children(tree: self, following: nodes[Int(node)].firstChild) }

    struct Children: Sequence, IteratorProtocol {
        let tree: XMLTree
        var following: Int32

        mutating func next() -> Int32? {
            guard following >= 0 else { return nil }
            defer { following = tree.nodes[Int(following)].nextSibling }
            return following
        }
    }

    /// The value of the element's attribute `name`, as `xmlGetProp` gives it.
    func attribute(_ node: Int32, _ name: String) -> String? {
        let n = nodes[Int(node)]
        for k in Int(n.start) ..< Int(n.start + n.count) where attributes[k].name == name {
            return attributes[k].value
        }
        return nil
    }

    /// Calls `body` with the text node's bytes.
    func withText<R>(_ node: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let n = nodes[Int(node)]
        return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(n.start) ..< Int(n.start + n.count)])) }
    }
}
