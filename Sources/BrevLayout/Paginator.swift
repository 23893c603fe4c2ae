/// Places flow units on pages top to bottom. When a unit does not fit, the page ends at the
/// last place a break is allowed (see `BlockFlow`); only if there is none is a break forced.
struct Paginator {
    let geometry: PageGeometry

    /// What goes on a page: a unit at its top y, or a table's header repeated above the rows
    /// that continue there.
    enum Placement {
        case unit(Int, y: Double)
        case repeatedHeader(of: Int, y: Double)
    }

    /// Placements page by page.
    func paginate(_ units: [FlowUnit], firstPageTop: Double) -> [[Placement]] {
        let pages = place(units, firstPageTop: firstPageTop)
        // A page that starts inside a table (on a body row) gets the header rows first.
        return pages.enumerated().map { index, placed in
            guard index > 0, let first = placed.first, !units[first.unit].repeatedHeader.isEmpty else {
                return placed.map { .unit($0.unit, y: $0.y) }
            }
            // `place` already left room for it above the first row.
            return [.repeatedHeader(of: first.unit, y: geometry.marginTop)] + placed.map { .unit($0.unit, y: $0.y) }
        }
    }

    /// Unit indices and their top y, page by page. Room is kept for a repeated table header.
    private func place(_ units: [FlowUnit], firstPageTop: Double) -> [[(unit: Int, y: Double)]] {
        var pages: [[(unit: Int, y: Double)]] = [[]]
        var y = firstPageTop
        var i = 0
        // Footnotes of the lines placed on this page, set at its foot.
        var notesHeight = 0.0
        let notesGap = 6.0
        func newPage() {
            pages.append([])
            y = geometry.marginTop
            notesHeight = 0
        }
        while i < units.count {
            let unit = units[i]
            let atTop = pages[pages.count - 1].isEmpty
            if unit.spaceBefore == .infinity { // explicit page break
                if !atTop { newPage() }
                i += 1
                continue
            }
            let space = atTop ? 0 : unit.spaceBefore
            let headerRoom = atTop && pages.count > 1 ? unit.repeatedHeader.reduce(0) { $0 + $1.height + TextStyles.tableRowGap } : 0
            if atTop { y += headerRoom }
            let notes = notesHeight + unit.footnotesHeight
            let reserve = notes > 0 ? notes + notesGap : 0
            if atTop || y + space + unit.height + reserve <= geometry.bodyBottom {
                pages[pages.count - 1].append((i, y + space))
                y += space + unit.height
                notesHeight = notes
                i += 1
                continue
            }
            // Move back to the last unit on this page before which a break is allowed.
            let placed = pages[pages.count - 1]
            var k = placed.count
            var j = i
            while k > 1 && !units[j].breakBefore {
                k -= 1
                j = placed[k].unit
            }
            if !units[j].breakBefore { j = i; k = placed.count } // nothing allowed: force the break here
            pages[pages.count - 1].removeLast(placed.count - k)
            newPage()
            i = j
        }
        if pages.count > 1 && pages[pages.count - 1].isEmpty { pages.removeLast() }
        return pages
    }
}
