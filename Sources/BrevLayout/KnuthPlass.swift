/// Knuth–Plass total-fit line breaking ("Breaking Paragraphs into Lines", 1981): chooses the
/// breaks of a whole paragraph together, minimising total demerits, instead of filling each
/// line as far as it goes. Hyphens are penalised breaks, so a word is split only when that
/// makes the paragraph better.
struct KnuthPlass {
    enum Item {
        case box(width: Double)
        case glue(width: Double, stretch: Double, shrink: Double)
        case penalty(width: Double, cost: Double, flagged: Bool)

        var width: Double {
            switch self {
            case .box(let w), .glue(let w, _, _), .penalty(let w, _, _): return w
            }
        }
    }

    static let infinity = 10_000.0

    var lineWidth: Double
    /// Largest adjustment ratio accepted for a line (TeX's tolerance, as a ratio).
    var tolerance: Double = 3
    var linePenalty: Double = 10
    /// Extra demerits for two hyphenated lines in a row, and for very different tightness.
    var flaggedDemerits: Double = 3000
    var fitnessDemerits: Double = 3000
    /// Most break candidates kept alive at once. A letter's paragraphs keep at most about 60
    /// (measured on every test letter); a paragraph of thousands of one-letter "words" kept 550,
    /// each one weighed at every later break. Over the bound the ones with the most demerits go
    /// (if that leaves no way through, the setter falls back to first fit).
    var maxActive = 150

    private struct Node {
        var position: Int
        var line: Int
        var fitness: Int
        var width: Double
        var stretch: Double
        var shrink: Double
        var demerits: Double
        var previous: Int?
    }

    /// Item indices at which lines end (each a glue or penalty), or nil when no set of breaks
    /// keeps every line within the tolerance.
    func breaks(_ items: [Item]) -> [Int]? {
        var nodes: [Node] = [Node(position: 0, line: 0, fitness: 1, width: 0, stretch: 0, shrink: 0, demerits: 0, previous: nil)]
        var active: [Int] = [0]
        var width = 0.0, stretch = 0.0, shrink = 0.0
        // Kept from break to break rather than made anew at each (two arrays a feasible break).
        var candidates: [(demerits: Double, node: Int, fitness: Int)] = Array(repeating: (.infinity, -1, 0), count: 4)
        var stillActive: [Int] = []

        for (i, item) in items.enumerated() {
            var feasible = false
            var cost = 0.0
            var flagged = false
            switch item {
            case .box:
                break
            case .glue:
                if i > 0, case .box = items[i - 1] { feasible = true }
            case .penalty(_, let c, let f):
                if c < KnuthPlass.infinity { feasible = true; cost = c; flagged = f }
            }
            if feasible {
                for f in 0..<4 { candidates[f] = (.infinity, -1, 0) }
                stillActive.removeAll(keepingCapacity: true)
                for a in active {
                    let node = nodes[a]
                    let natural = width - node.width + (item.isPenalty ? item.width : 0)
                    let ratio: Double
                    if natural < lineWidth {
                        let s = stretch - node.stretch
                        ratio = s > 0 ? (lineWidth - natural) / s : KnuthPlass.infinity
                    } else if natural > lineWidth {
                        let s = shrink - node.shrink
                        ratio = s > 0 ? (lineWidth - natural) / s : -KnuthPlass.infinity
                    } else {
                        ratio = 0
                    }
                    let forced = cost <= -KnuthPlass.infinity
                    // A node that already overflows this line can never start a line again.
                    if ratio < -1 || forced {
                        // dropped
                    } else {
                        stillActive.append(a)
                    }
                    guard ratio >= -1, ratio <= tolerance else { continue }
                    let badness = 100 * pow3(abs(ratio))
                    var demerits: Double
                    if cost >= 0 {
                        demerits = pow2(linePenalty + badness) + pow2(cost)
                    } else if cost > -KnuthPlass.infinity {
                        demerits = pow2(linePenalty + badness) - pow2(cost)
                    } else {
                        demerits = pow2(linePenalty + badness)
                    }
                    if flagged, node.position > 0, case .penalty(_, _, true) = items[node.position] { demerits += flaggedDemerits }
                    let fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3
                    if abs(fitness - node.fitness) > 1 { demerits += fitnessDemerits }
                    demerits += node.demerits
                    if demerits < candidates[fitness].demerits { candidates[fitness] = (demerits, a, fitness) }
                }
                swap(&active, &stillActive)
                // The totals after a break skip the glue and penalties that a line start discards.
                var w = width, st = stretch, sh = shrink
                var j = i
                scan: while j < items.count {
                    switch items[j] {
                    case .box:
                        break scan
                    case .glue(let gw, let gs, let gh):
                        w += gw; st += gs; sh += gh
                    case .penalty(_, let c, _):
                        if c <= -KnuthPlass.infinity && j > i { break scan }
                    }
                    j += 1
                }
                for c in candidates where c.node >= 0 {
                    nodes.append(Node(position: i, line: nodes[c.node].line + 1, fitness: c.fitness,
                                      width: w, stretch: st, shrink: sh, demerits: c.demerits, previous: c.node))
                    active.append(nodes.count - 1)
                }
                if active.isEmpty { return nil }
                if active.count > maxActive {
                    active = Array(active.sorted { nodes[$0].demerits < nodes[$1].demerits }.prefix(maxActive))
                }
            }
            if case .glue(let gw, let gs, let gh) = item {
                width += gw; stretch += gs; shrink += gh
            } else if case .box(let bw) = item {
                width += bw
            }
        }
        // The best node that ends at the final forced break.
        guard let best = active.filter({ nodes[$0].position == items.count - 1 }).min(by: { nodes[$0].demerits < nodes[$1].demerits }) else {
            return nil
        }
        var result: [Int] = []
        var n: Int? = best
        while let current = n, current != 0 {
            result.append(nodes[current].position)
            n = nodes[current].previous
        }
        return result.reversed()
    }

    private func pow2(_ x: Double) -> Double { x * x }
    private func pow3(_ x: Double) -> Double { x * x * x }
}

extension KnuthPlass.Item {
    var isPenalty: Bool { if case .penalty = self { return true } else { return false } }
}
