import BrevDocument

/// Turns the body blocks of a Document into flow units (lines and rows with their tags),
/// deciding where a page may break: never right after a heading, never leaving fewer than
/// two lines of a paragraph at the foot or head of a page, never inside the signature.
struct BlockFlow {
    let setter: ParagraphSetter
    let styles: TextStyles
    let fonts: FontSet
    let width: Double
    var justify = false
    let footnotes = FootnoteCounter()

    func flow(_ blocks: [Block]) throws(LayoutError) -> [FlowUnit] {
        var units: [FlowUnit] = []
        var keepWithPrevious = false
        for (index, block) in blocks.enumerated() {
            var blockUnits: [FlowUnit]
            do {
                blockUnits = try flow(block, width: width, indent: 0)
            } catch {
                throw error.located(.block(index, block))
            }
            guard !blockUnits.isEmpty else { continue }
            if keepWithPrevious { blockUnits[0].breakBefore = false }
            // A heading, and a paragraph that introduces what follows ("Vi har lagt vægt på:"),
            // stay on the page of the block after them.
            switch block {
            case .heading: keepWithPrevious = true
            case .paragraph(let inlines): keepWithPrevious = inlines.plainText.hasSuffix(":")
            default: keepWithPrevious = false
            }
            units += blockUnits
        }
        return units
    }

    private func flow(_ block: Block, width: Double, indent: Double) throws(LayoutError) -> [FlowUnit] {
        switch block {
        case .heading(let level, let inlines):
            let spec = styles.heading(level)
            var units = try paragraph(inlines, spec: spec, role: [.h1, .h2, .h3][min(max(level, 1), 3) - 1],
                                      width: width, indent: indent)
            for i in units.indices.dropFirst() { units[i].breakBefore = false }
            return units
        case .paragraph(let inlines):
            return try paragraph(inlines, spec: styles.body, role: .p, width: width, indent: indent, justified: justify)
        case .list(let ordered, let items):
            var units: [FlowUnit] = []
            for (number, item) in items.enumerated() {
                var itemUnits: [FlowUnit] = []
                for (i, b) in item.enumerated() {
                    var u = try flow(b, width: width - styles.listIndent, indent: indent + styles.listIndent)
                    if i == 0, !u.isEmpty { u[0].spaceBefore = number == 0 ? styles.body.spaceBefore : styles.listItemSpace }
                    itemUnits += u
                }
                guard !itemUnits.isEmpty else { continue }
                let label = ordered ? "\(number + 1)." : "\u{2022}"
                let labelLine = try setter.set([StyledText(text: label, style: .regular)],
                                               style: ParagraphStyle(size: styles.body.size, leading: styles.body.leading,
                                                                     width: styles.listIndent))
                var labelRuns = labelLine.first?.runs ?? []
                for r in labelRuns.indices { labelRuns[r].x += indent }
                itemUnits[0].events.insert(contentsOf: [.begin(.li), .begin(.lbl), .runs(labelRuns), .end(.lbl), .begin(.lBody)], at: 0)
                itemUnits[itemUnits.count - 1].events += [.end(.lBody), .end(.li)]
                units += itemUnits
            }
            return wrap(units, .l)
        case .table(let table):
            return try tableUnits(table, width: width, indent: indent)
        case .signature(let lines):
            var units: [FlowUnit] = []
            for line in lines {
                var u = try paragraph(line, spec: styles.body, role: .p, width: width, indent: indent)
                if !u.isEmpty { u[0].spaceBefore = 0 }
                units += u
            }
            if !units.isEmpty { units[0].spaceBefore = styles.signatureSpace }
            for i in units.indices.dropFirst() { units[i].breakBefore = false }
            return wrap(units, .div)
        case .decision(let blocks):
            return try decisionBox(blocks, width: width, indent: indent)
        case .pageBreak:
            return [FlowUnit(events: [], spaceBefore: .infinity, height: 0, baseline: 0, breakBefore: true)]
        case .letterhead, .returnAddress, .recipient, .caseInfo:
            return [] // placed on the first page by FirstPageLayout
        }
    }

    /// The decision in a tinted, framed box that never splits across pages. The box is a Div
    /// in the structure tree; its frame and tint are decoration (artifacts), drawn first so the
    /// text stands on them.
    private func decisionBox(_ blocks: [Block], width: Double, indent: Double) throws(LayoutError) -> [FlowUnit] {
        let box = styles.decisionBox
        var units: [FlowUnit] = []
        for block in blocks {
            units += try flow(block, width: width - 2 * box.padding - box.rule, indent: indent + box.padding + box.rule)
        }
        guard !units.isEmpty else { return [] }
        for i in units.indices.dropFirst() { units[i].breakBefore = false }
        // Inside, the first line sits `padding` below the frame's top edge.
        var innerHeight = units[0].height
        for unit in units.dropFirst() { innerHeight += unit.spaceBefore + unit.height }
        let frameHeight = box.padding + innerHeight + box.padding
        units[0].spaceBefore = styles.body.spaceBefore * 2 + box.padding
        units[0].decorations = [
            Decoration(x: indent, y: -box.padding, width: width, height: frameHeight, paint: .fill(box.tint)),
            Decoration(x: indent, y: -box.padding, width: box.rule, height: frameHeight, paint: .fill(box.frame)),
            Decoration(x: indent, y: -box.padding, width: width, height: frameHeight,
                       paint: .stroke(box.frame, width: box.frameWidth)),
        ]
        // Room below the frame, kept on the frame's page.
        units.append(FlowUnit(events: [], spaceBefore: 0, height: box.padding + styles.body.spaceBefore,
                              baseline: 0, breakBefore: false))
        return wrap(units, .div)
    }

    private func wrap(_ units: [FlowUnit], _ role: StructureRole) -> [FlowUnit] {
        guard !units.isEmpty else { return units }
        var u = units
        u[0].events.insert(.begin(role), at: 0)
        u[u.count - 1].events.append(.end(role))
        return u
    }

    func paragraph(_ inlines: [Inline], spec: TextStyles.Spec, role: StructureRole, width: Double,
                   indent: Double, justified: Bool = false) throws(LayoutError) -> [FlowUnit] {
        var notes: [PendingFootnote] = []
        let content = InlineFlattening.flatten(inlines, bold: spec.bold, counter: footnotes, notes: &notes)
        let lines = try setter.set(content, style: ParagraphStyle(size: spec.size, leading: spec.leading, width: width,
                                                                 justified: justified, hyphenate: indent == 0))
        let baseline = LineMetrics.baseline(fonts: fonts, size: spec.size, leading: spec.leading)
        let n = lines.count
        var units: [FlowUnit] = []
        for (k, line) in lines.enumerated() {
            var runs = line.runs
            for r in runs.indices { runs[r].x += indent }
            // Orphans and widows: at least two lines of a paragraph on each side of a page break.
            let breakBefore = k == 0 || (k >= 2 && n - k >= 2)
            units.append(FlowUnit(events: [.runs(runs)], spaceBefore: k == 0 ? spec.spaceBefore : 0, height: spec.leading,
                                  baseline: baseline, breakBefore: breakBefore, overfull: line.overfull))
        }
        // Each note goes with the line its reference landed on.
        var searchFrom = 0
        for note in notes {
            guard let k = lines.indices.dropFirst(searchFrom).first(where: { lines[$0].runs.map(\.text).joined().contains(note.marker) })
            else { continue }
            units[k].footnotes.append(try footnote(note))
            searchFrom = k
        }
        return wrap(units, role)
    }

    /// A note's text in small type, its number first, the width of the body.
    private func footnote(_ note: PendingFootnote) throws(LayoutError) -> Footnote {
        let spec = styles.small
        let content = [StyledText(text: note.marker + " ", style: .regular)] + InlineFlattening.flatten(note.content)
        let lines = try setter.set(content, style: ParagraphStyle(size: spec.size, leading: spec.leading, width: width))
        let baseline = LineMetrics.baseline(fonts: fonts, size: spec.size, leading: spec.leading)
        var runs: [GlyphRun] = []
        for (i, line) in lines.enumerated() {
            for var run in line.runs {
                run.y += Double(i) * spec.leading + baseline
                runs.append(run)
            }
        }
        // The note is where its reference in the text links to.
        if !runs.isEmpty { runs[0].destination = FootnoteCounter.destination(note.number) }
        return Footnote(runs: runs, height: Double(lines.count) * spec.leading + 2)
    }

    /// Rows as units: a row never splits; the header row's cells are TH.
    private func tableUnits(_ table: Table, width: Double, indent: Double) throws(LayoutError) -> [FlowUnit] {
        let columns = max(table.header.map(\.count).max() ?? 0, table.rows.map(\.count).max() ?? 0, 1)
        let gap = 8.0
        let spec = styles.body
        let baseline = LineMetrics.baseline(fonts: fonts, size: spec.size, leading: spec.leading)
        var units: [FlowUnit] = []
        let allRows = table.header.map { ($0, true) } + table.rows.map { ($0, false) }
        let widths = try columnWidths(allRows, columns: columns, available: width - gap * Double(columns - 1))
        let columnX = widths.indices.map { c in widths[..<c].reduce(0, +) + Double(c) * gap }
        for (rowIndex, (row, isHeader)) in allRows.enumerated() {
            var events: [FlowUnit.Event] = [.begin(.tr)]
            var maxLines = 1
            for (c, cell) in row.enumerated() {
                let content = InlineFlattening.flatten(cell, bold: isHeader)
                let lines = try setter.set(content, style: ParagraphStyle(size: spec.size, leading: spec.leading, width: widths[c]))
                maxLines = max(maxLines, lines.count)
                var runs: [GlyphRun] = []
                for (i, line) in lines.enumerated() {
                    for var r in line.runs {
                        r.x += indent + columnX[c]
                        r.y += Double(i) * spec.leading
                        runs.append(r)
                    }
                }
                events += [.begin(isHeader ? .th : .td), .runs(runs), .end(isHeader ? .th : .td)]
            }
            events.append(.end(.tr))
            // The header stays with the first body row; body rows may start a page.
            let firstBodyRow = rowIndex == table.header.count
            let height = Double(maxLines) * spec.leading
            var unit = FlowUnit(events: events, spaceBefore: rowIndex == 0 ? spec.spaceBefore : styles.tableRule.rowGap,
                                height: height, baseline: baseline,
                                breakBefore: rowIndex == 0 || (!isHeader && !(firstBodyRow && !table.header.isEmpty)))
            // A rule in the middle of the gap below every row but the last, so a wrapped line
            // is not read as a new row; the header's is heavier.
            if rowIndex < allRows.count - 1 {
                let rule = styles.tableRule
                let thickness = isHeader ? rule.headerWidth : rule.width
                unit.decorations = [Decoration(x: indent, y: height + (rule.rowGap - thickness) / 2, width: width,
                                               height: thickness, paint: .fill(isHeader ? rule.headerColor : rule.color))]
            }
            units.append(unit)
        }
        let header = Array(units.prefix(table.header.count))
        for i in units.indices.dropFirst(table.header.count) { units[i].repeatedHeader = header }
        return wrap(units, .table)
    }

    /// Column widths from the content: each column's natural width is its widest cell set on
    /// one line. When they all fit, the spare room is shared in proportion; when not, every
    /// column keeps at least half an equal share (or its natural width, if less) and the rest
    /// goes to the columns in proportion to what they still lack. A short "Dato" column then
    /// stops taking a third of the table from the goal beside it.
    private func columnWidths(_ rows: [([[Inline]], Bool)], columns: Int, available: Double) throws(LayoutError) -> [Double] {
        let spec = styles.body
        var natural = [Double](repeating: 0, count: columns)
        for (row, isHeader) in rows {
            for (c, cell) in row.enumerated() {
                let lines = try setter.set(InlineFlattening.flatten(cell, bold: isHeader),
                                           style: ParagraphStyle(size: spec.size, leading: spec.leading, width: available,
                                                                 hyphenate: false))
                natural[c] = max(natural[c], lines.map(\.width).max() ?? 0)
            }
        }
        let total = natural.reduce(0, +)
        guard total > 0 else { return Array(repeating: available / Double(columns), count: columns) }
        if total <= available { return natural.map { $0 + (available - total) * $0 / total } }
        let floor = natural.map { min($0, available / Double(columns) / 2) }
        let lacking = zip(natural, floor).map { $0 - $1 }
        let spare = available - floor.reduce(0, +)
        let lackingTotal = lacking.reduce(0, +)
        return zip(floor, lacking).map { $0 + (lackingTotal > 0 ? spare * $1 / lackingTotal : 0) }
    }
}

enum LineMetrics {
    /// The baseline's distance from the top of a line box: the font's ascent, with the extra
    /// leading split above and below.
    static func baseline(fonts: FontSet, size: Double, leading: Double) -> Double {
        let face = fonts.face(.regular)
        let ascent = face.ascender * size / face.unitsPerEm
        let descent = -face.descender * size / face.unitsPerEm
        return (leading - ascent - descent) / 2 + ascent
    }
}
