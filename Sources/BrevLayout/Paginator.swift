/// Places flow units on pages top to bottom. When a unit does not fit, the page ends at the
/// last place a break is allowed (see `BlockFlow`); only if there is none is a break forced.
struct Paginator {
    let geometry: PageGeometry

    /// Unit indices and their top y, page by page.
    func paginate(_ units: [FlowUnit], firstPageTop: Double) -> [[(unit: Int, y: Double)]] {
        var pages: [[(unit: Int, y: Double)]] = [[]]
        var y = firstPageTop
        var i = 0
        func newPage() {
            pages.append([])
            y = geometry.marginTop
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
            if atTop || y + space + unit.height <= geometry.bodyBottom {
                pages[pages.count - 1].append((i, y + space))
                y += space + unit.height
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
