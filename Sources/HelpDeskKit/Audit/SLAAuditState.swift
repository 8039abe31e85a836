import Foundation

/// The SLA clocks an `sla` audit value describes, read back from its text (the value is written
/// by the engine in one documented shape: `policy P; reaction due T [stopped T] [breached]
/// [warned 75/90%]; resolution due …; paused since T`).
public struct SLAAuditState: Hashable, Sendable {
    /// One clock as the audit value records it.
    public struct Clock: Hashable, Sendable {
        /// When the target is due.
        public var dueAt: Date
        /// When the clock stopped (the reaction was given, the ticket resolved).
        public var stoppedAt: Date?
        /// `true` once the target was missed.
        public var breached: Bool
        /// Warning thresholds (percent of the target) already announced.
        public var warnedPercents: [Int]
    }

    /// The SLA policy's code.
    public var policy: String
    /// The clocks the policy runs.
    public var clocks: [SLAClockKind: Clock] = [:]
    /// When the clocks were paused, while they are.
    public var pausedSince: Date?

    /// Reads an `sla` audit value; `nil` when `auditText` is not one.
    public init?(auditText: String) {
        var parts = auditText.components(separatedBy: "; ")[...]
        guard let first = parts.popFirst(), first.hasPrefix("policy ") else { return nil }
        policy = String(first.dropFirst("policy ".count))
        for part in parts {
            var words = part.split(separator: " ").map(String.init)[...]
            if part.hasPrefix("paused since ") {
                guard let instant = Self.instant(words.last) else { return nil }
                pausedSince = instant
                continue
            }
            guard let kind = words.popFirst().flatMap(SLAClockKind.init(rawValue:)), words.popFirst() == "due",
                let due = Self.instant(words.popFirst())
            else { return nil }
            var clock = Clock(dueAt: due, stoppedAt: nil, breached: false, warnedPercents: [])
            while let word = words.popFirst() {
                switch word {
                case "stopped":
                    guard let stopped = Self.instant(words.popFirst()) else { return nil }
                    clock.stoppedAt = stopped
                case "breached":
                    clock.breached = true
                case "warned":
                    guard let list = words.popFirst(), list.hasSuffix("%") else { return nil }
                    let percents = list.dropLast().split(separator: "/").map { Int($0) }
                    guard !percents.contains(nil) else { return nil }
                    clock.warnedPercents = percents.compactMap { $0 }
                default:
                    return nil
                }
            }
            clocks[kind] = clock
        }
    }

    private static func instant(_ text: String?) -> Date? {
        text.flatMap { try? Date($0, strategy: .iso8601) }
    }
}

extension SLAAuditState {
    /// What changed from `old` to `new` in words a desk manager reads: "reaction breached",
    /// "reaction met at 10:30", "clocks paused", "resolution due Tue 11:30"; `instant` writes times.
    public static func change(from old: SLAAuditState?, to new: SLAAuditState?, instant: (Date) -> String) -> String {
        guard let new else { return old == nil ? "no SLA" : "SLA removed" }
        guard let old, old.policy == new.policy else {
            let start = old.map { "policy \($0.policy) -> \(new.policy)" } ?? "policy \(new.policy)"
            let targets = SLAClockKind.allCases.compactMap { kind in
                new.clocks[kind].map { "\(kind) due \(instant($0.dueAt))" }
            }
            return ([start] + targets).joined(separator: ", ")
        }
        var phrases: [String] = []
        switch (old.pausedSince, new.pausedSince) {
        case (nil, _?): phrases.append("clocks paused")
        case (_?, nil): phrases.append("clocks resumed")
        default: break
        }
        for kind in SLAClockKind.allCases {
            switch (old.clocks[kind], new.clocks[kind]) {
            case (nil, let clock?): phrases.append("\(kind) due \(instant(clock.dueAt))")
            case (_?, nil): phrases.append("\(kind) target removed")
            case (let before?, let after?): phrases += clockChange(kind, from: before, to: after, instant: instant)
            case (nil, nil): break
            }
        }
        return phrases.isEmpty ? "no visible change" : phrases.joined(separator: ", ")
    }

    private static func clockChange(_ kind: SLAClockKind, from old: Clock, to new: Clock, instant: (Date) -> String)
        -> [String]
    {
        switch (old.stoppedAt, new.stoppedAt) {
        case (nil, let stopped?):
            return ["\(kind) \(new.breached ? "late" : "met") at \(instant(stopped))"]
        case (_?, nil):
            return ["\(kind) restarted, due \(instant(new.dueAt))"]
        default:
            var phrases: [String] = []
            if new.breached && !old.breached {
                phrases.append("\(kind) breached")
            } else if new.warnedPercents != old.warnedPercents, let highest = new.warnedPercents.max() {
                phrases.append("\(kind) \(highest)% used")
            }
            if new.dueAt != old.dueAt { phrases.append("\(kind) due \(instant(new.dueAt))") }
            return phrases
        }
    }
}

extension AuditEntry {
    /// For an `sla` entry, what changed in words (see ``SLAAuditState/change(from:to:instant:)``);
    /// `nil` for other fields.
    public func slaChange(instant: (Date) -> String) -> String? {
        guard field == .sla else { return nil }
        return SLAAuditState.change(
            from: oldValue.flatMap(SLAAuditState.init(auditText:)),
            to: newValue.flatMap(SLAAuditState.init(auditText:)), instant: instant)
    }
}
