import Foundation
import Synchronization

/// The engine's source of the current instant; injected so tests and simulations control time.
public struct HelpDeskClock: Sendable {
    private let read: @Sendable () -> Date

    /// Creates a clock that reads the instant from `now`.
    public init(_ now: @escaping @Sendable () -> Date) {
        read = now
    }

    /// The current instant.
    public func now() -> Date { read() }

    /// The host's wall clock. Only hosts choose this; the library never reads time by itself.
    public static var system: HelpDeskClock { HelpDeskClock { Date() } }

    /// A clock stopped at `instant`.
    public static func fixed(_ instant: Date) -> HelpDeskClock { HelpDeskClock { instant } }
}

/// A clock that moves only when told to: for tests, simulations and the demo host.
public final class ManualClock: Sendable {
    private let instant: Mutex<Date>

    /// Creates a clock showing `start`.
    public init(start: Date) {
        instant = Mutex(start)
    }

    /// The instant the clock shows.
    public var now: Date { instant.withLock { $0 } }

    /// Moves the clock forward (or backward, for a negative interval) by `interval` seconds.
    public func advance(by interval: TimeInterval) {
        instant.withLock { $0 += interval }
    }

    /// Sets the clock to `newInstant`.
    public func set(to newInstant: Date) {
        instant.withLock { $0 = newInstant }
    }

    /// A ``HelpDeskClock`` reading this manual clock.
    public var clock: HelpDeskClock {
        HelpDeskClock { [self] in now }
    }
}
