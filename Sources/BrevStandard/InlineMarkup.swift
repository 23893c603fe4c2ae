import BrevDocument

/// The few marks a standard's text may carry, parsed into Document inlines:
/// `**strong**`, `*emphasis*`, `[text](https://…)`, `^[a footnote]`, and a line break where
/// the YAML text has one. Anything else is text.
enum InlineMarkup {
    static func parse(_ text: String) -> [Inline] {
        var parser = Parser(chars: Array(text))
        return parser.inlines(until: nil)
    }

    private struct Parser {
        let chars: [Character]
        var i = 0

        mutating func inlines(until end: String?) -> [Inline] {
            var out: [Inline] = []
            var text = ""
            func flush() {
                if !text.isEmpty { out.append(.text(text)) }
                text = ""
            }
            while i < chars.count {
                if let end, matches(end) {
                    i += end.count
                    flush()
                    return out
                }
                let c = chars[i]
                if matches("**"), let close = find("**", from: i + 2) {
                    flush()
                    i += 2
                    out.append(.strong(sub(until: close, skip: 2)))
                } else if c == "*", let close = find("*", from: i + 1), close > i + 1 {
                    flush()
                    i += 1
                    out.append(.emphasis(sub(until: close, skip: 1)))
                } else if matches("^["), let close = closing(from: i + 2) {
                    flush()
                    i += 2
                    out.append(.footnote(sub(until: close, skip: 1)))
                } else if c == "[", let close = closing(from: i + 1), close + 1 < chars.count, chars[close + 1] == "(",
                          let paren = find(")", from: close + 2) {
                    flush()
                    i += 1
                    let label = sub(until: close, skip: 0)
                    let href = String(chars[(close + 2)..<paren])
                    i = paren + 1
                    out.append(.link(href: href, label))
                } else if c == "\n" {
                    flush()
                    out.append(.lineBreak)
                    i += 1
                } else {
                    text.append(c)
                    i += 1
                }
            }
            flush()
            return out
        }

        /// Parses up to `close` (exclusive) and steps over `skip` closing characters.
        mutating func sub(until close: Int, skip: Int) -> [Inline] {
            var inner = Parser(chars: Array(chars[i..<close]))
            let result = inner.inlines(until: nil)
            i = close + skip
            return result
        }

        func matches(_ s: String) -> Bool {
            let a = Array(s)
            guard i + a.count <= chars.count else { return false }
            return Array(chars[i..<(i + a.count)]) == a
        }

        func find(_ s: String, from start: Int) -> Int? {
            let a = Array(s)
            var j = start
            while j + a.count <= chars.count {
                if Array(chars[j..<(j + a.count)]) == a { return j }
                j += 1
            }
            return nil
        }

        /// The `]` that closes a bracket opened just before `start`, allowing nested brackets.
        func closing(from start: Int) -> Int? {
            var depth = 1
            var j = start
            while j < chars.count {
                if chars[j] == "[" { depth += 1 }
                if chars[j] == "]" { depth -= 1; if depth == 0 { return j } }
                j += 1
            }
            return nil
        }
    }
}
