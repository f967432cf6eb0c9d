import Synchronization

/// A thread-safe queue of updates for a screen: background work (training, loading) posts
/// closures from any thread; the event loop runs them on the UI thread between polls, so
/// all terminal calls stay on one thread.
///
/// ```swift
/// let mailbox = Mailbox<LabScreen>()
/// Thread { for event in run { mailbox.post { lab in lab.record(event); return .none } } }.start()
/// try session.run(&lab, mailbox: mailbox)
/// ```
public final class Mailbox<Target>: Sendable {
    /// One update: changes the screen in place and says what the loop should do next.
    public typealias Update = @Sendable (inout Target) -> Action

    private let queue = Mutex<[Update]>([])

    /// An empty mailbox.
    public init() {}

    /// Queues `update` to run on the UI thread; callable from any thread.
    public func post(_ update: @escaping Update) {
        queue.withLock { $0.append(update) }
    }

    /// Takes every queued update, oldest first.
    public func drain() -> [Update] {
        queue.withLock { pending in
            let taken = pending
            pending.removeAll()
            return taken
        }
    }

    /// How many updates wait.
    public var count: Int { queue.withLock { $0.count } }
}
