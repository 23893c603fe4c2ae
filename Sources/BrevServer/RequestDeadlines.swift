import Dispatch
import Synchronization

/// The deadlines of the requests in the pipeline pool, kept with one timer for all of them.
///
/// Every request gets the same timeout, so deadlines come in the order requests arrive and the
/// earliest is always the oldest one still open. The timer is set for that one only: a request
/// answered in time takes its deadline out, and the timer, when it fires, runs the actions that are
/// due and sets itself for the next. Under load that is one timer firing every `timeout` instead of
/// one per request, each of which woke a thread (a context switch a request) to do nothing.
final class RequestDeadlines: Sendable {
    private struct Entry {
        var id: Int
        var deadline: ContinuousClock.Instant
    }

    private struct State {
        /// Deadlines in the order they fall due; those before `head` are gone.
        var order: [Entry] = []
        var head = 0
        /// The actions of the deadlines still open, by request.
        var actions: [Int: @Sendable () -> Void] = [:]
        /// Whether the timer is set (for the deadline at `head` or an earlier one).
        var timerSet = false
        /// Times the timer was set since the start (the tests count them).
        var timersSet = 0

        /// Drops the deadlines at the front whose requests were answered, and the space they held.
        mutating func dropAnswered() {
            while head < order.count, actions[order[head].id] == nil { head += 1 }
            if head == order.count {
                order.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 1024, head * 2 >= order.count {
                order.removeFirst(head)
                head = 0
            }
        }
    }

    let timeout: Duration
    private let state = Mutex(State())
    /// Actions run on a queue of their own: a serial queue may get a thread of its own, while under
    /// load GCD's global queues are busy rendering (an action there would run only when a render
    /// ends) and the event loops are busy answering.
    private let queue = DispatchQueue(label: "brev.pipeline-deadlines")

    init(timeout: Duration) {
        self.timeout = timeout
    }

    /// Runs `action` (which must be quick) `timeout` from now, unless `remove(id)` comes first.
    /// `id` names the request; it must not be open already.
    func add(id: Int, _ action: @escaping @Sendable () -> Void) {
        let setTimer = state.withLock { s -> ContinuousClock.Instant? in
            let deadline = ContinuousClock.now + timeout
            s.order.append(Entry(id: id, deadline: deadline))
            s.actions[id] = action
            if s.timerSet { return nil }
            s.timerSet = true
            s.timersSet += 1
            return deadline
        }
        if let setTimer { schedule(at: setTimer) }
    }

    /// Takes out the deadline of request `id` (answered in time); does nothing if it is not open.
    func remove(id: Int) {
        state.withLock { s in
            guard s.actions.removeValue(forKey: id) != nil else { return }
            s.dropAnswered()
        }
    }

    /// Requests whose deadlines are still open.
    var openCount: Int { state.withLock { $0.actions.count } }
    /// Deadlines kept, open or answered but not yet dropped from the front.
    var keptCount: Int { state.withLock { $0.order.count - $0.head } }
    /// Times the timer was set since the start.
    var timersSet: Int { state.withLock { $0.timersSet } }

    private func schedule(at deadline: ContinuousClock.Instant) {
        let left = ContinuousClock.now.duration(to: deadline)
        let nanoseconds = max(0, left.components.seconds * 1_000_000_000 + left.components.attoseconds / 1_000_000_000)
        queue.asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds))) { self.fire() }
    }

    /// Runs the actions due now and sets the timer for the next deadline, if any is open.
    private func fire() {
        let (due, next) = state.withLock { s -> ([@Sendable () -> Void], ContinuousClock.Instant?) in
            let now = ContinuousClock.now
            var due: [@Sendable () -> Void] = []
            while s.head < s.order.count, s.order[s.head].deadline <= now {
                if let action = s.actions.removeValue(forKey: s.order[s.head].id) { due.append(action) }
                s.head += 1
            }
            s.dropAnswered()
            let next = s.head < s.order.count ? s.order[s.head].deadline : nil
            s.timerSet = next != nil
            if next != nil { s.timersSet += 1 }
            return (due, next)
        }
        for action in due { action() }
        if let next { schedule(at: next) }
    }
}
