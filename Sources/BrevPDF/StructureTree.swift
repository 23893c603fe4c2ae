/// The logical structure of a document being written (ISO 32000-1 §14.7): its elements, what
/// each holds (child elements, marked content by page and MCID, link annotations), and for each
/// page which element each MCID belongs to (the parent tree).
struct StructureTree {
    enum Kid {
        case element(Int)
        case content(page: Int, mcid: Int)
        case annotation(Int)
    }

    struct Element {
        var role: String
        /// nil: a child of the StructTreeRoot.
        var parent: Int?
        var kids: [Kid] = []
        /// The page of the element's first marked content: its /Pg.
        var page: Int?
        var alt: String?
        /// A header cell's /Scope (`Column` or `Row`).
        var scope: String?
        /// A Note's /ID.
        var id: String?
    }

    private(set) var elements: [Element] = []
    private(set) var roots: [Int] = []
    /// Per page, the element of each MCID in order.
    private(set) var parents: [[Int]] = []

    /// A Table or list may hold only its rows or items, never a Note (PDF/UA-1 7.2, ISO 32000-1 §14.8.4.3).
    static let holdsNoNote: Set<String> = ["Table", "THead", "TBody", "TFoot", "TR", "L", "LI"]

    init(pageCount: Int) {
        parents = Array(repeating: [], count: pageCount)
    }

    mutating func add(_ role: String, parent: Int?) -> Int {
        let index = elements.count
        elements.append(Element(role: role, parent: parent))
        if let parent { elements[parent].kids.append(.element(index)) } else { roots.append(index) }
        return index
    }

    /// A new Note inside `parent`. Notes are drawn at the foot of the page, where a table or list
    /// that continues on the next page may still be open: such a Note goes after that table or
    /// list instead, into the first element up that may hold it.
    mutating func addNote(inside parent: Int?) -> Int {
        var holder = parent
        while let h = holder, StructureTree.holdsNoNote.contains(elements[h].role) { holder = elements[h].parent }
        let index = add("Note", parent: holder)
        elements[index].id = "note-" + String(repeating: "0", count: max(0, 4 - String(noteCount + 1).count)) + String(noteCount + 1)
        noteCount += 1
        return index
    }

    private(set) var noteCount = 0

    /// The next MCID of `page`, given to `element`.
    mutating func addContent(to element: Int, page: Int) -> Int {
        let mcid = parents[page].count
        parents[page].append(element)
        elements[element].kids.append(.content(page: page, mcid: mcid))
        if elements[element].page == nil { elements[element].page = page }
        return mcid
    }

    mutating func addAnnotation(_ annotation: Int, to element: Int) {
        elements[element].kids.append(.annotation(annotation))
    }

    mutating func setAlt(_ alt: String, of element: Int) { elements[element].alt = alt }

    /// Header cells get /Scope: /Column in a row of headers only, /Row beside data cells.
    mutating func finishRow(_ row: Int) {
        var cells: [Int] = []
        for case .element(let cell) in elements[row].kids { cells.append(cell) }
        let scope = cells.allSatisfy { elements[$0].role == "TH" } ? "Column" : "Row"
        for cell in cells where elements[cell].role == "TH" { elements[cell].scope = scope }
    }
}
