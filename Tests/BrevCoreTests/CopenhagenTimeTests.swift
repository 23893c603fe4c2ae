@testable import BrevCore
import BrevTestSupport
import Foundation
import Testing

/// Issue 15: `CopenhagenTime.instant(fromISO:)` reads an ISO 8601 instant on bytes; the regular
/// expression it replaces (`ReferenceRegex.isoInstant`) and the old reading of its groups run
/// beside it here, so every text gives the same instant or nil.
@Suite struct CopenhagenTimeTests {
    /// The reading before the scanner, word for word: the expression, then `Int` of each group.
    static func reference(_ text: String) -> Date? {
        guard let m = ReferenceRegex.isoInstant.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        func group(_ i: Int) -> String? {
            guard let r = Range(m.range(at: i), in: text) else { return nil }
            return String(text[r])
        }
        guard let y = Int(group(1)!), let mo = Int(group(2)!), let d = Int(group(3)!),
              let h = Int(group(4)!), let mi = Int(group(5)!), h < 24, mi < 60,
              let date = CivilDate(year: y, month: mo, day: d) else { return nil }
        let s = group(6).flatMap(Int.init) ?? 0
        guard s < 60 else { return nil }
        var offsetSeconds = 0
        let zone = group(7)!
        if zone != "Z" {
            let sign = zone.hasPrefix("-") ? -1 : 1
            let parts = zone.dropFirst().split(separator: ":")
            guard let oh = Int(parts[0]), let om = Int(parts[1]), oh < 24, om < 60 else { return nil }
            offsetSeconds = sign * (oh * 3600 + om * 60)
        }
        return Date(timeIntervalSince1970: TimeInterval(date.dayNumber * 86400 + h * 3600 + mi * 60 + s - offsetSeconds))
    }

    /// Whether the expression matches with seconds in digits other than ASCII's: the old reading
    /// took those seconds as 0, the scanner refuses the text (the one difference, on purpose).
    static func hasOtherDigitSeconds(_ text: String) -> Bool {
        guard let m = ReferenceRegex.isoInstant.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let r = Range(m.range(at: 6), in: text) else { return false }
        return !text[r].utf8.allSatisfy { $0 &- 0x30 < 10 }
    }

    static func expectSame(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let expected = hasOtherDigitSeconds(text) ? nil : reference(text)
        #expect(CopenhagenTime.instant(fromISO: text) == expected, "\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func instantsAreReadAsBefore() {
        #expect(CopenhagenTime.instant(fromISO: "2026-11-24T09:12+01:00") == Date(timeIntervalSince1970: 1_795_507_920))
        #expect(CopenhagenTime.instant(fromISO: "2026-11-24T08:12:00Z") == Date(timeIntervalSince1970: 1_795_507_920))
        #expect(CopenhagenTime.instant(fromISO: "2026-11-24T09:12") == nil, "no offset: ambiguous across a DST change")
        let edges = ["", "2026-11-24T09:12+01:00", "2026-11-24T08:12:00Z", "2026-11-24T08:12:00.5Z", "2026-11-24T08:12:00.Z",
                     "2026-11-24T08:12:00.٣Z", "2026-11-24T08:12:00.123456789-11:30", "2026-11-24T08:12Z\n", "2026-11-24T08:12Z\r\n",
                     "2026-11-24T08:12Z\n\n", "2026-11-24T08:12Z\r", "2026-11-24T08:12Z\u{85}", "2026-11-24T08:12Z\u{2028}",
                     "2026-11-24T08:12Z\u{2029}", "2026-11-24T08:12Z\u{0B}", "2026-11-24T08:12Z\u{0C}", "2026-11-24T08:12Z ",
                     "2026-11-24T08:12Z\n\r", " 2026-11-24T08:12Z", "\n2026-11-24T08:12Z", "٢٠٢٦-11-24T08:12Z", "2026-11-24T08:12+٠١:00",
                     "2026-11-24T24:00Z", "2026-11-24T23:60Z", "2026-11-24T23:59:60Z", "2026-11-24T23:59:59+24:00",
                     "2026-11-24T23:59:59+23:60", "2026-02-29T00:00Z", "2028-02-29T00:00Z", "0000-01-01T00:00Z", "9999-12-31T23:59:59-23:59",
                     "2026-13-01T00:00Z", "2026-00-10T00:00Z", "2026-11-24t08:12Z", "2026-11-24T08:12z", "2026-11-24T08:12+0100",
                     "2026-11-24T08:12:00+01:00:00", "20261-11-24T08:12Z", "2026-1-24T08:12Z", "2026-11-24T8:12Z", "2026-11-24T08:12:0Z",
                     "2026-11-24T08:12:00.5", "2026-11-24T08:12:00.5+01", "\u{FF12}026-11-24T08:12Z", "2026-11-24T08:12Z\u{0}"]
        // ICU's `$` takes one line terminator at the end, not two: the edges above reach both sides.
        #expect(Self.reference("2026-11-24T08:12Z\r\n") != nil && Self.reference("2026-11-24T08:12Z\u{2029}") != nil)
        #expect(Self.reference("2026-11-24T08:12Z\n\n") == nil && Self.reference("2026-11-24T08:12Z ") == nil)
        #expect(Self.reference("2026-11-24T08:12:00.٣Z") != nil, "the ignored fraction takes any decimal digit")
        // Seconds in other digits: read as 0 before, refused now.
        #expect(Self.reference("2026-11-24T08:12:0٣Z") == Date(timeIntervalSince1970: 1_795_507_920))
        #expect(Self.hasOtherDigitSeconds("2026-11-24T08:12:0٣Z") && Self.hasOtherDigitSeconds("2026-11-24T08:12:٠٣+01:00"))
        #expect(CopenhagenTime.instant(fromISO: "2026-11-24T08:12:0٣Z") == nil)
        #expect(CopenhagenTime.instant(fromISO: "2026-11-24T08:12:٠٣+01:00") == nil)
        for text in edges { Self.expectSame(text) }
        for text in ReferenceRegex.corpus { Self.expectSame(text) }
    }

    @Test func randomTextsAreReadAsBefore() {
        let pieces = ["2026", "-", "11", "24", "T", ":", "09", "12", "00", "59", "60", "24", ".", "5", "٣", "٠٣", "0٣", "Z", "+", "01:00", "-11:30",
                      "\n", "\r", "\r\n", "\u{2028}", " ", "x", "0", "9"]
        var g = SeededGenerator(seed: 0x150)
        var instants = 0, otherDigitSeconds = 0
        for _ in 0..<20_000 {
            // Mostly a valid instant with a few pieces changed, so both sides get far into the text.
            var parts = ["2026", "-", "11", "-", "24", "T", "09", ":", "12"]
            if Bool.random(using: &g) { parts += [":", "00"] }
            if Int.random(in: 0..<4, using: &g) == 0 { parts += [".", "5"] }
            parts.append(["Z", "+01:00", "-11:30"].randomElement(using: &g)!)
            for _ in 0..<Int.random(in: 0...3, using: &g) {
                let at = Int.random(in: 0...parts.count, using: &g)
                switch Int.random(in: 0..<3, using: &g) {
                case 0: parts.insert(pieces.randomElement(using: &g)!, at: at)
                case 1: if at < parts.count { parts.remove(at: at) }
                default: if at < parts.count { parts[at] = pieces.randomElement(using: &g)! }
                }
            }
            let text = parts.joined()
            Self.expectSame(text)
            if CopenhagenTime.instant(fromISO: text) != nil { instants += 1 }
            if Self.hasOtherDigitSeconds(text) { otherDigitSeconds += 1 }
        }
        #expect(instants > 2_000, "\(instants)")
        #expect(otherDigitSeconds >= 5, "\(otherDigitSeconds)")
    }
}
