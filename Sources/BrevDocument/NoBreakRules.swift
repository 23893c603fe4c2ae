import BrevCore
import Foundation

/// Text that must stay on one line (DESIGN.md; issue on typesetting): "§ 101", "stk. 4", phone
/// numbers, dates, journal and CPR numbers. Ranges are UTF-16 offsets, as ICU's are. Layout
/// never breaks a line inside them; the HTML writer joins them with no-break spaces.
public enum NoBreakRules {
    public static let months = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"

    /// What must stay on one line, each kind found by a scanner of the text's bytes
    /// (`NoBreakPattern`) that finds what ICU found with the regular expression shown, matched
    /// case-insensitively (the expressions are the scanners' reference in `PatternScannerTests`).
    public enum Pattern: CaseIterable, Sendable {
        /// `§§?\s+\d+(?:\s+[a-z]\b)?(?:\s+og\s+\d+)?`: § 101, §§ 66 og 67, § 101 a. Run only on text holding a "§".
        case section
        /// `\b(?:stk|nr|kl)\.\s+\d+(?:[.,]\d+)?`: stk. 4, nr. 2, kl. 14.30
        case abbreviatedNumber
        /// `(?:\+45\s+)?\b\d{2}(?:\s\d{2}){3}\b`: Danish phone numbers, 43 57 70 00, +45 43 57 70 00
        case phone
        /// `\b\d{1,2}\.\s+(?:januar|…|december)\s+\d{4}\b`: dates, 24. november 2026
        case date
        /// `\b\d{1,3}(?:\s\d{3})+(?:\s+kr\.)?`: amounts with thousands separated by a space, 2 500 kr.
        case spacedThousands
        /// `\b\d{1,3}(?:\.\d{3})*(?:,\d+)?\s+kr\.`: an amount and its currency in Danish form, 2.500 kr., 312,50 kr.
        case amount
        /// `\b\d+\s+(?:arbejdsdage|dage|uger|måneder|år)\b`: a number and its unit of time, 4 uger, 14 dage
        case period
    }

    /// The patterns in the order their ranges are listed, each with whether a text's scan
    /// shows it could match. ICU's `\s` is Unicode's White_Space, which the scan looks for,
    /// and `\d` is a decimal digit, so each condition is necessary:
    /// a digit and white space right after it (`\d\s`, `\d+\s+`, and what ends in a digit
    /// before `\s+kr.`), a digit, "." and white space (a date), "." and white space before a
    /// digit ("stk. 4").
    static func patterns(for scan: Scan, section: Bool) -> [Pattern] {
        var patterns: [Pattern] = []
        if section { patterns.append(.section) }
        if scan.periodSpaceDigit { patterns.append(.abbreviatedNumber) }
        if scan.digitSpace { patterns.append(.phone) }
        if scan.digitPeriodSpace { patterns.append(.date) }
        if scan.digitSpace { patterns += [.spacedThousands, .amount, .period] }
        return patterns
    }

    /// For each UTF-16 offset 0...utf16Count, whether a break there would split protected text.
    /// Linear in the text: each pattern's matches do not overlap, and the digit tokens are found
    /// in one pass (as a regex, `[^\s]*\d[^\s]*` backtracked quadratically on a long word).
    public static func protectedOffsets(in text: String, utf16Count: Int) -> [Bool] {
        var inside = [Bool](repeating: false, count: utf16Count + 1)
        for range in protectedRanges(in: text) where range.count > 1 {
            for offset in (range.lowerBound + 1)..<range.upperBound { inside[offset] = true }
        }
        return inside
    }

    public static func protectedRanges(in text: String) -> [Range<Int>] {
        let scan = scan(text)
        // Every pattern needs a decimal digit (ICU's `\d` is general category Nd, which is
        // Unicode's numeric type decimal), so a paragraph without one has no match, and most
        // paragraphs of a letter have none. The regexes are most of this function's cost, so
        // they run only where they can match: each only where the scan found what it needs
        // (`patterns(for:section:)`), the section pattern only where there is a "§".
        guard scan.hasDigit else { return scan.digitTokens }
        return matches(of: patterns(for: scan, section: text.unicodeScalars.contains("§")), in: text) + scan.digitTokens
    }

    /// Every match longer than one unit (UTF-16 offsets), pattern by pattern.
    static func matches(of patterns: [Pattern], in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for pattern in patterns {
            ranges += NoBreakPattern.matches(of: pattern, in: text).filter { $0.count > 1 }
        }
        return ranges
    }

    /// Every pattern, whatever the text holds: what `protectedRanges` finds (`TextScanTests`).
    static func protectedRangesByEveryPattern(in text: String) -> [Range<Int>] {
        let scan = scan(text)
        guard scan.hasDigit else { return scan.digitTokens }
        let all = patterns(for: Scan(digitTokens: [], hasDigit: true, digitSpace: true, digitPeriodSpace: true, periodSpaceDigit: true),
                           section: text.unicodeScalars.contains("§"))
        return matches(of: all, in: text) + scan.digitTokens
    }

    /// Any token holding a digit: journal numbers 27.36.08-G01-1042-26, CPR 010185-1234,
    /// 24.11.2026. A token is a run of characters other than white space (ICU's `\s`: Unicode's
    /// White_Space); a digit is a decimal digit of any script (ICU's `\d`: numeric type decimal).
    /// `hasDigit`: whether the text holds any decimal digit at all (a lone digit is no range).
    /// One pass over the UTF-8 bytes: the text is nearly all ASCII and Latin letters, which are
    /// classified by value; only a scalar that could be a non-ASCII digit asks Unicode's tables
    /// (asking them for every scalar was 5% of a whole letter).
    public static func digitTokens(in text: String) -> (ranges: [Range<Int>], hasDigit: Bool) {
        let scan = scan(text)
        return (scan.digitTokens, scan.hasDigit)
    }

    /// What one pass over a text finds: its digit tokens, and what the patterns need.
    struct Scan {
        var digitTokens: [Range<Int>]
        var hasDigit: Bool
        /// A digit with white space right after it ("14 dage", "43 57", "2 500").
        var digitSpace: Bool
        /// A digit, a full stop, white space ("24. november").
        var digitPeriodSpace: Bool
        /// A full stop, white space, a digit ("stk. 4").
        var periodSpaceDigit: Bool
    }

    static func scan(_ text: String) -> Scan {
        var ranges: [Range<Int>] = []
        var anyDigit = false
        var tokenStart = 0
        var hasDigit = false
        var offset = 0 // UTF-16 offset of the scalar at `i`
        var digitSpace = false, digitPeriodSpace = false, periodSpaceDigit = false
        // What came just before this scalar: a digit; "."; a digit and "."; "." and white space.
        var afterDigit = false, afterPeriod = false, afterDigitPeriod = false, afterPeriodSpace = false
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let lead = bytes[i]
                let isSpace: Bool
                let isDigit: Bool
                var utf16Width = 1
                if lead < 0x80 {
                    isSpace = lead == 0x20 || (lead >= 0x09 && lead <= 0x0D)
                    isDigit = lead &- 0x30 < 10
                    i += 1
                } else {
                    let (value, length) = decodeScalar(bytes, at: i)
                    isSpace = isNonASCIIWhitespace(value)
                    isDigit = isNonASCIIDecimalDigit(value)
                    if value > 0xFFFF { utf16Width = 2 }
                    i += length
                }
                if isSpace {
                    if hasDigit && offset - tokenStart > 1 { ranges.append(tokenStart..<offset) }
                    tokenStart = offset + utf16Width
                    hasDigit = false
                    if afterDigit { digitSpace = true }
                    if afterDigitPeriod { digitPeriodSpace = true }
                } else if isDigit {
                    hasDigit = true
                    anyDigit = true
                    if afterPeriodSpace { periodSpaceDigit = true }
                }
                let isPeriod = lead == 0x2E
                afterPeriodSpace = isSpace && (afterPeriod || afterPeriodSpace)
                afterDigitPeriod = isPeriod && afterDigit
                afterPeriod = isPeriod
                afterDigit = isDigit
                offset += utf16Width
            }
        }
        if hasDigit && offset - tokenStart > 1 { ranges.append(tokenStart..<offset) }
        return Scan(digitTokens: ranges, hasDigit: anyDigit, digitSpace: digitSpace,
                    digitPeriodSpace: digitPeriodSpace, periodSpaceDigit: periodSpaceDigit)
    }

    /// The scalar starting at a lead byte (≥ 0x80) of valid UTF-8, which a String always holds.
    @inline(__always)
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[i])
        if lead < 0xE0 {
            return ((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2)
        } else if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// Unicode's White_Space above ASCII: a closed list of 19 code points (PropList.txt), stable
    /// across Unicode versions. `TextScanTests` checks it against every scalar's property.
    @inline(__always)
    static func isNonASCIIWhitespace(_ v: UInt32) -> Bool {
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// No decimal digit lies between ASCII's and U+0660 (Arabic-Indic zero), so the Latin
    /// letters of Danish text never reach Unicode's tables.
    @inline(__always)
    static func isNonASCIIDecimalDigit(_ v: UInt32) -> Bool {
        guard v >= 0x660, let scalar = Unicode.Scalar(v) else { return false }
        return scalar.properties.numericType == .decimal
    }
}
