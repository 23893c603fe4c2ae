import Foundation

/// Sets one paragraph into lines: ICU break opportunities, shaped words, Danish hyphenation,
/// then Knuth–Plass total fit over the whole paragraph. When no set of breaks keeps every line
/// within tolerance (a word wider than the measure), it falls back to first fit and reports the
/// overfull line.
struct ParagraphSetter {
    let shaper: Shaper
    let hyphenator: Hyphenator
    /// The worker's reused ICU iterator (`DocumentLayout` passes its own); without one, each
    /// paragraph opens its own.
    var lineBreaker: LineBreaker? = nil
    /// The worker's paragraphs already set (`DocumentLayout` passes its own); without one,
    /// every paragraph is set anew.
    var cache: SetParagraphCache? = nil
    /// Below this share of the measure left free, a line is not worth hyphenating into.
    let hyphenateWhenFreeShare = 0.2

    enum Algorithm {
        case totalFit, firstFit
    }

    func set(_ content: [StyledText], style: ParagraphStyle, algorithm: Algorithm = .totalFit) throws(LayoutError) -> [SetLine] {
        guard let cache else { return try setAnew(content, style: style, algorithm: algorithm) }
        let key = SetParagraphCache.Key(content: content, style: style, algorithm: algorithm)
        if let lines = cache.lines(for: key) { return lines }
        // Only what was set is remembered: a paragraph that fails fails the same way next time.
        let lines = try setAnew(content, style: style, algorithm: algorithm)
        cache.remember(lines, for: key)
        return lines
    }

    private func setAnew(_ content: [StyledText], style: ParagraphStyle, algorithm: Algorithm) throws(LayoutError) -> [SetLine] {
        let words = try makeWords(content, size: style.size)
        if words.isEmpty { return [] }
        if algorithm == .totalFit, let lines = try totalFit(words, style: style) { return lines }
        let lines = try breakLines(words, style: style)
        return try lines.enumerated().map { (i, line) throws(LayoutError) in
            try makeLine(line, endsParagraph: i == lines.count - 1, style: style)
        }
    }

    // MARK: words

    private func makeWords(_ content: [StyledText], size: Double) throws(LayoutError) -> [LineWord] {
        let text = content.map(\.text).joined()
        if text.isEmpty { return [] }
        // Style of each UTF-16 offset's run.
        var runStarts: [(start: Int, style: FontSet.Style, link: String?)] = []
        var offset = 0
        for run in content where !run.text.isEmpty {
            runStarts.append((offset, run.style, run.link))
            offset += run.text.utf16.count
        }
        let utf16 = Array(text.utf16)
        let breaks = try BreakOpportunities.find(in: text, utf16: utf16, using: lineBreaker)
        let unhyphenated = HyphenationPolicy.unhyphenatedSentences(in: utf16)
        // Pieces are cut from the UTF-8 bytes (checked, not transcoded as from UTF-16): the byte
        // offset of each UTF-16 offset that starts a scalar.
        let utf8 = Array(text.utf8)
        var utf8Offsets = [Int](repeating: 0, count: utf16.count + 1)
        var byte = 0
        for (i, unit) in utf16.enumerated() {
            utf8Offsets[i] = byte
            switch unit {
            case 0..<0x80: byte += 1
            case 0x80..<0x800: byte += 2
            case 0xD800..<0xDC00: byte += 4 // a high surrogate: its pair is one four-byte scalar
            case 0xDC00..<0xE000: break
            default: byte += 3
            }
        }
        utf8Offsets[utf16.count] = byte
        // The space piece of each style, shaped once per paragraph.
        var spaces = [LinePiece?](repeating: nil, count: FontSet.Style.allCases.count)
        var words: [LineWord] = []
        var start = 0
        // The run holding a UTF-16 offset; offsets only grow, so the search moves forward only.
        var currentRun = 0
        func runIndex(at offset: Int) -> Int {
            while currentRun + 1 < runStarts.count && runStarts[currentRun + 1].start <= offset { currentRun += 1 }
            return currentRun
        }
        for (end, hard) in breaks where end > start {
            // Split the segment into its content and its trailing white space.
            var contentEnd = end
            while contentEnd > start, Self.isTrailingSpace(utf16[contentEnd - 1]) { contentEnd -= 1 }
            var pieces: [LinePiece] = []
            var p = start
            while p < contentEnd {
                let styleIndex = runIndex(at: p)
                let runEnd = styleIndex + 1 < runStarts.count ? min(runStarts[styleIndex + 1].start, contentEnd) : contentEnd
                let s = String(decoding: utf8[utf8Offsets[p]..<utf8Offsets[runEnd]], as: UTF8.self)
                var covered = try coveredPieces(s, style: runStarts[styleIndex].style, size: size)
                if let link = runStarts[styleIndex].link {
                    for k in covered.indices { covered[k].link = link }
                }
                pieces += covered
                p = runEnd
            }
            var space: LinePiece?
            let hasSpace = utf16[contentEnd..<end].contains(0x20)
            if hasSpace {
                let style = runStarts[runIndex(at: contentEnd)].style
                if spaces[style.rawValue] == nil { spaces[style.rawValue] = try piece(" ", style: style, size: size) }
                space = spaces[style.rawValue]
            }
            if pieces.isEmpty, let space, var last = words.popLast() {
                // White space only (a space after a line break, say): it belongs to the word before.
                last.space = last.space ?? space
                last.hardBreakAfter = last.hardBreakAfter || hard
                words.append(last)
            } else if !pieces.isEmpty {
                let wordStart = start
                // The last character is ".", "!", "?" or ":" only if the last byte is (the
                // byte test first: a Character from the end of a String is dear).
                let startsSentence: Bool
                if let previous = words.last?.pieces.last?.text, let byte = previous.utf8.last {
                    startsSentence = (byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x3A) && ".!?:".contains(previous.last!)
                } else {
                    startsSentence = true
                }
                words.append(LineWord(pieces: pieces, space: space, hardBreakAfter: hard && end < utf16.count,
                                      hyphenate: !unhyphenated.contains { $0.contains(wordStart) },
                                      startsSentence: startsSentence))
            } else if hard, var last = words.popLast() {
                last.hardBreakAfter = true
                words.append(last)
            }
            start = end
        }
        return words
    }

    /// The white space a word's content ends before: space, line feed, carriage return, tab,
    /// line separator.
    @inline(__always)
    static func isTrailingSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x0A || unit == 0x0D || unit == 0x09 || unit == 0x2028
    }

    /// Splits text where the main face lacks a character: those stretches are set in the
    /// fallback face. A character that no face has is an error naming it.
    private func coveredPieces(_ text: String, style: FontSet.Style, size: Double) throws(LayoutError) -> [LinePiece] {
        var pieces: [LinePiece] = []
        if let split = shaper.coverageSplit(text, style: style) {
            for part in split { pieces.append(try piece(part.text, style: style, face: part.face, size: size)) }
            return pieces
        }
        var parts: [(text: String, face: Int)] = []
        var current = ""
        var currentFace = style.rawValue
        for ch in text {
            if let refused = ch.unicodeScalars.first(where: RefusedCharacters.contains) {
                throw .refusedCharacter(codepoint: refused.value, place: .unknown)
            }
            if let scalar = ch.unicodeScalars.first, ParagraphSetter.isRightToLeft(scalar) {
                throw .rightToLeft(codepoint: scalar.value, place: .unknown)
            }
            guard let face = shaper.fonts.face(for: ch, style: style) else {
                let scalar = ch.unicodeScalars.first { !shaper.fonts.faces[style.rawValue].hasGlyph($0) } ?? ch.unicodeScalars.first!
                throw .missingGlyph(character: String(scalar), codepoint: scalar.value, place: .unknown)
            }
            if face != currentFace && !current.isEmpty {
                pieces.append(try piece(current, style: style, face: currentFace, size: size))
                parts.append((current, currentFace))
                current = ""
            }
            currentFace = face
            current.append(ch)
        }
        if !current.isEmpty {
            pieces.append(try piece(current, style: style, face: currentFace, size: size))
            parts.append((current, currentFace))
        }
        // Only a complete split is remembered: after an error, the next try must fail the same way.
        shaper.remember(parts, for: text, style: style)
        return pieces
    }

    static func isRightToLeft(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
        default: return false
        }
    }

    private func piece(_ text: String, style: FontSet.Style, face: Int? = nil, size: Double) throws(LayoutError) -> LinePiece {
        let face = face ?? style.rawValue
        let shaped = try shaper.shape(text, face: face)
        let scale = size / shaper.fonts.faces[face].unitsPerEm
        return LinePiece(text: text, style: style, face: face, shaped: shaped, width: shaped.advance * scale, hyphen: nil)
    }

    // MARK: breaking

    /// First fit: as many words as fit on each line; a word that does not fit is hyphenated
    /// when that fills a visibly empty line or the word is wider than the measure.
    private func breakLines(_ words: [LineWord], style: ParagraphStyle) throws(LayoutError) -> [[LineWord]] {
        var lines: [[LineWord]] = []
        var line: [LineWord] = []
        var x = 0.0
        // The next word is the part of a word carried over from the line before, else the next
        // in the list (never inserted at the front of a list: that made first fit quadratic).
        var next = 0
        var carried: LineWord?
        while var word = carried ?? (next < words.count ? words[next] : nil) {
            if carried != nil { carried = nil } else { next += 1 }
            let gap = line.last?.space?.width ?? 0
            let free = style.width - x - gap
            if line.isEmpty || word.width <= free {
                if !line.isEmpty || word.width <= style.width {
                    x += (line.isEmpty ? 0 : gap) + word.width
                    line.append(word)
                } else if let (head, tail) = try hyphenate(word, toFit: style.width, size: style.size) {
                    lines.append([head])
                    carried = tail
                    continue
                } else if let chunks = try forcedChunks(word, width: style.width, size: style.size) {
                    lines += chunks.dropLast().map { [$0] }
                    carried = chunks.last
                    continue
                } else {
                    x += word.width // overfull: reported on the line
                    line.append(word)
                }
            } else {
                let worthIt = style.hyphenate && free > style.width * hyphenateWhenFreeShare
                    && word.hyphenate
                    && HyphenationPolicy.allowsHyphens(inWord: word.pieces.map(\.text).joined(), startsSentence: word.startsSentence)
                    || word.width > style.width
                if worthIt, let (head, tail) = try hyphenate(word, toFit: free, size: style.size) {
                    line.append(head)
                    word = tail
                }
                lines.append(line)
                line = []
                x = 0
                carried = word
                continue
            }
            if word.hardBreakAfter {
                lines.append(line)
                line = []
                x = 0
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Splits a one-style word at the last hyphenation point whose head (with its hyphen) fits.
    private func hyphenate(_ word: LineWord, toFit available: Double, size: Double) throws(LayoutError) -> (LineWord, LineWord)? {
        guard word.pieces.count == 1, word.pieces[0].link == nil, hyphenator.isAvailable else { return nil }
        let whole = word.pieces[0]
        let chars = Array(whole.text)
        let hyphen = try shaper.lineEndHyphen(face: whole.face)
        let scale = size / shaper.fonts.faces[whole.face].unitsPerEm
        for point in hyphenator.points(in: whole.text).reversed() {
            let headText = String(chars[..<point])
            let head = try piece(headText, style: whole.style, face: whole.face, size: size)
            let headWidth = head.width + hyphen.advance * scale
            guard headWidth <= available else { continue }
            var marked = head
            marked.text = headText + "\u{AD}"
            marked.hyphen = hyphen
            marked.width = headWidth
            let tail = try piece(String(chars[point...]), style: whole.style, face: whole.face, size: size)
            return (LineWord(pieces: [marked], space: nil, hardBreakAfter: false),
                    LineWord(pieces: [tail], space: word.space, hardBreakAfter: word.hardBreakAfter))
        }
        return nil
    }

    /// A "word" longer than any word (a pasted blob, hostile input) and wider than the measure
    /// is cut into measure-wide chunks without hyphens, all in one pass, so that every character
    /// stays on the page. Shorter words (a journal number in a narrow column) are never cut:
    /// they are hyphenated or reported as overfull as before.
    private func forcedChunks(_ word: LineWord, width: Double, size: Double) throws(LayoutError) -> [LineWord]? {
        guard word.pieces.reduce(0, { $0 + $1.text.count }) > hyphenator.longestWord else { return nil }
        // Kerning across a cut is lost when a chunk is shaped alone; a little room absorbs it.
        let measure = width * 0.98
        var chunks: [LineWord] = []
        var current: [LinePiece] = []
        var x = 0.0
        for whole in word.pieces {
            let scale = size / shaper.fonts.faces[whole.face].unitsPerEm
            let utf8 = Array(whole.text.utf8)
            let glyphs = whole.shaped.glyphs
            var partStart = 0 // UTF-8 offset in this piece where the current chunk's part begins
            var i = 0
            while i < glyphs.count {
                // One cluster (a character with its marks) is never cut.
                let cluster = glyphs[i].cluster
                var clusterWidth = 0.0
                while i < glyphs.count && glyphs[i].cluster == cluster {
                    clusterWidth += glyphs[i].advance * scale
                    i += 1
                }
                if x > 0 && x + clusterWidth > measure {
                    if cluster > partStart {
                        let text = String(decoding: utf8[partStart..<cluster], as: UTF8.self)
                        current.append(try piece(text, style: whole.style, face: whole.face, size: size))
                    }
                    chunks.append(LineWord(pieces: current, space: nil, hardBreakAfter: false))
                    current = []
                    x = 0
                    partStart = cluster
                }
                x += clusterWidth
            }
            if partStart < utf8.count {
                let text = String(decoding: utf8[partStart...], as: UTF8.self)
                current.append(try piece(text, style: whole.style, face: whole.face, size: size))
            }
        }
        if !current.isEmpty { chunks.append(LineWord(pieces: current, space: word.space, hardBreakAfter: word.hardBreakAfter)) }
        return chunks.count > 1 ? chunks : nil
    }

    // MARK: total fit

    private enum Payload {
        case piece(LinePiece)
        case space(LinePiece)
        case hyphen(ShapedText, scale: Double)
        case none
    }

    private func totalFit(_ words: [LineWord], style: ParagraphStyle) throws(LayoutError) -> [SetLine]? {
        var items: [KnuthPlass.Item] = []
        var payload: [Payload] = []
        // The word space that a line ending at this item's index ends with (see `lineEndSpace`).
        var spaceAtBreak: [Int: LinePiece] = [:]
        let em = style.size
        let ragged = 3 * em // TeX's ragged-right stretch
        func add(_ item: KnuthPlass.Item, _ p: Payload) {
            items.append(item)
            payload.append(p)
        }
        /// A break place: in ragged text it carries its own stretch, which the next line discards.
        func breakable(penalty: Double, width: Double, flagged: Bool, _ p: Payload) {
            if style.justified {
                add(.penalty(width: width, cost: penalty, flagged: flagged), p)
            } else {
                add(.glue(width: 0, stretch: ragged, shrink: 0), .none)
                add(.penalty(width: width, cost: penalty, flagged: flagged), p)
                add(.glue(width: 0, stretch: -ragged, shrink: 0), .none)
            }
        }
        for (w, word) in words.enumerated() {
            // Hyphenation points inside a one-style word become penalised breaks.
            // An address (a link) is never hyphenated: a hyphen would read as part of it.
            if style.hyphenate, word.pieces.count == 1, hyphenator.isAvailable, case let whole = word.pieces[0], whole.link == nil,
               word.hyphenate, HyphenationPolicy.allowsHyphens(inWord: whole.text, startsSentence: word.startsSentence),
               case let points = hyphenator.points(in: whole.text), !points.isEmpty {
                let chars = Array(whole.text)
                let hyphen = try shaper.lineEndHyphen(face: whole.face)
                let scale = style.size / shaper.fonts.faces[whole.face].unitsPerEm
                var start = 0
                for point in points + [chars.count] {
                    let part = try piece(String(chars[start..<point]), style: whole.style, face: whole.face, size: style.size)
                    add(.box(width: part.width), .piece(part))
                    if point < chars.count {
                        breakable(penalty: style.justified ? HyphenationPolicy.justifiedPenalty : HyphenationPolicy.raggedPenalty,
                                  width: hyphen.advance * scale, flagged: true, .hyphen(hyphen, scale: scale))
                    }
                    start = point
                }
            } else {
                for p in word.pieces { add(.box(width: p.width), .piece(p)) }
            }
            let last = w == words.count - 1
            if word.hardBreakAfter || last {
                add(.glue(width: 0, stretch: KnuthPlass.infinity, shrink: 0), .none)
                if !last { spaceAtBreak[items.count] = try lineEndSpace(after: word, size: style.size) }
                add(.penalty(width: 0, cost: -KnuthPlass.infinity, flagged: false), .none)
            } else if let space = word.space {
                if style.justified {
                    spaceAtBreak[items.count] = space
                    add(.glue(width: space.width, stretch: space.width * 0.5, shrink: space.width * 0.33), .space(space))
                } else {
                    add(.glue(width: 0, stretch: ragged, shrink: 0), .none)
                    spaceAtBreak[items.count] = space
                    add(.penalty(width: 0, cost: 0, flagged: false), .none)
                    add(.glue(width: space.width, stretch: -ragged, shrink: 0), .space(space))
                }
            } else {
                // A break without a space (after the hyphen of "Ærø-Østergård"): nothing is added.
                let endsInHyphen = word.pieces.last?.text.hasSuffix("-") ?? false
                breakable(penalty: endsInHyphen ? 50 : 0, width: 0, flagged: endsInHyphen, .none)
            }
        }
        var breaks: [Int]?
        for tolerance in style.justified ? [2.0, 5.0] : [2.0, 10.0] where breaks == nil {
            breaks = KnuthPlass(lineWidth: style.width, tolerance: tolerance).breaks(items)
        }
        guard let breaks else { return nil }

        var lines: [SetLine] = []
        var start = 0
        for b in breaks {
            // Discardable items at the start of a line are dropped.
            var i = start
            while i < b {
                if case .box = items[i] { break }
                i += 1
            }
            var placed: [(piece: LinePiece, advance: Double)] = []
            var natural = 0.0, stretch = 0.0, shrink = 0.0
            for k in i..<b {
                switch (items[k], payload[k]) {
                case (.box(let w), .piece(let p)):
                    placed.append((p, w)); natural += w
                case (.glue(let w, let st, let sh), .space(let p)):
                    placed.append((p, w)); natural += w
                    if style.justified { stretch += st; shrink += sh }
                default:
                    break
                }
            }
            if case .hyphen(let hyphen, let scale) = payload[b], let lastBox = placed.lastIndex(where: { $0.piece.text != " " }) {
                var marked = placed[lastBox].piece
                marked.text += "\u{AD}"
                marked.hyphen = hyphen
                marked.width += hyphen.advance * scale
                placed[lastBox] = (marked, marked.width)
                natural += hyphen.advance * scale
            }
            // Justified lines spread the slack over their spaces; the paragraph's last line does not.
            let endsParagraph: Bool = {
                if case .penalty(_, let c, _) = items[b] { return c <= -KnuthPlass.infinity }
                return false
            }()
            if style.justified && !endsParagraph {
                let slack = style.width - natural
                let ratio = slack >= 0 ? (stretch > 0 ? slack / stretch : 0) : (shrink > 0 ? slack / shrink : 0)
                placed = placed.map { entry in
                    guard entry.piece.text == " " else { return entry }
                    let w = entry.piece.width
                    return (entry.piece, w + (ratio >= 0 ? ratio * w * 0.5 : ratio * w * 0.33))
                }
            }
            lines.append(makeRuns(placed, lineEndSpace: spaceAtBreak[b], style: style))
            start = b + 1
        }
        return lines
    }

    // MARK: drawing

    /// Turns a line's words into glyph runs, one per stretch of one style; spaces between words
    /// are real space glyphs so that extracted text has real spaces.
    private func makeLine(_ words: [LineWord], endsParagraph: Bool, style: ParagraphStyle) throws(LayoutError) -> SetLine {
        var placed: [(piece: LinePiece, advance: Double)] = []
        for (i, word) in words.enumerated() {
            placed += word.pieces.map { ($0, $0.width) }
            if i < words.count - 1, let space = word.space { placed.append((space, space.width)) }
        }
        var endSpace: LinePiece?
        if !endsParagraph, let last = words.last, last.space != nil || last.hardBreakAfter {
            endSpace = try lineEndSpace(after: last, size: style.size)
        }
        return makeRuns(placed, lineEndSpace: endSpace, style: style)
    }

    /// The space a line ends with where it breaks between words (at a word space or a line
    /// break): drawn past the line's end, where it shows nothing, so that the text layer reads
    /// "dette brev" and not "dettebrev" across the break (ISO 32000-1 §14.8.2.5).
    private func lineEndSpace(after word: LineWord, size: Double) throws(LayoutError) -> LinePiece {
        if let space = word.space { return space }
        return try piece(" ", style: word.pieces.last?.style ?? .regular, size: size)
    }

    /// Pieces with the advance each takes on the line (a justified space takes more than its
    /// glyph), then the line-end space, which adds nothing to the line's width.
    private func makeRuns(_ placed: [(piece: LinePiece, advance: Double)], lineEndSpace: LinePiece?,
                          style: ParagraphStyle) -> SetLine {
        var runs: [GlyphRun] = []
        var x = 0.0
        var width = 0.0
        // The placed pieces, then the line-end space (no array joining the two).
        for index in 0..<(placed.count + (lineEndSpace == nil ? 0 : 1)) {
            let (piece, advance) = index < placed.count ? placed[index] : (lineEndSpace!, lineEndSpace!.width)
            if index == placed.count { width = x }
            let scale = style.size / shaper.fonts.faces[piece.face].unitsPerEm
            if runs.last == nil || runs[runs.count - 1].font != piece.face || runs[runs.count - 1].link != piece.link {
                runs.append(GlyphRun(font: piece.face, size: style.size, x: x, y: 0, glyphs: [], text: "",
                                     clusters: [], bold: piece.style.isBold, link: piece.link))
            }
            let r = runs.count - 1
            var penX = x - runs[r].x
            for g in piece.shaped.glyphs {
                runs[r].glyphs.append(PositionedGlyph(id: g.id, x: penX + g.xOffset * scale, y: -g.yOffset * scale))
                penX += g.advance * scale
            }
            if let hyphen = piece.hyphen {
                for g in hyphen.glyphs {
                    runs[r].glyphs.append(PositionedGlyph(id: g.id, x: penX + g.xOffset * scale, y: -g.yOffset * scale))
                    penX += g.advance * scale
                }
            }
            runs[r].text += piece.text
            piece.appendClusters(to: &runs[r].clusters)
            x += advance
        }
        if lineEndSpace == nil { width = x }
        return SetLine(runs: runs, width: width, overfull: width > style.width + 0.01)
    }
}
