import BrevCore
import Foundation

/// The clock a transport dispatches by. The complaint deadline counts from the Copenhagen day the
/// letter is accepted, and the letter printing it is rendered before it is sent; so no attempt may
/// straddle midnight. An attempt that could still be running at midnight waits until the new day
/// has begun, and the letter is then rendered for the new day. A letter accepted is thus always
/// accepted on the day it was rendered for (as far as the receiver's clock agrees with ours).
public struct DispatchClock: Sendable {
    public var now: @Sendable () -> Date
    public var sleep: @Sendable (TimeInterval) -> Void

    public init(now: @escaping @Sendable () -> Date,
                sleep: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }) {
        self.now = now
        self.sleep = sleep
    }

    public static let system = DispatchClock(now: { Date() })

    /// Margin for the receiver's clock and for the response on its way back.
    public static let margin: TimeInterval = 1

    /// The instant an attempt that takes at most `seconds` may start: now, or just after the
    /// coming midnight when the attempt could still be running then.
    public func startOfAttempt(lasting seconds: TimeInterval) -> Date {
        let start = now()
        let midnight = Self.nextMidnight(after: start)
        let needed = seconds + Self.margin
        guard midnight.timeIntervalSince(start) < needed else { return start }
        sleep(midnight.timeIntervalSince(start) + Self.margin)
        return now()
    }

    /// The first instant of the next day in Europe/Copenhagen.
    public static func nextMidnight(after instant: Date) -> Date {
        let tomorrow = CopenhagenTime.date(of: instant).adding(days: 1)
        return CopenhagenTime.instant(fromISO: CopenhagenTime.isoMidnight(tomorrow))!
    }
}
