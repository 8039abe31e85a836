/// Hands out ticket numbers so that concurrent creates on one engine never collide.
///
/// The engine learns the highest stored number once (and again after a conflict, when another
/// engine on the same store may have taken numbers), then reserves numbers without a store
/// round trip. A create that fails gives its number back when nothing was reserved after it, so
/// numbers stay contiguous unless creates fail while others succeed.
struct TicketNumbering {
    /// The highest number stored or reserved; `nil` until learned from the store.
    private var highest: Int?
    /// `true` until the store's highest number is read, and again after a conflict.
    private(set) var needsRefresh = true

    /// Makes the next reservation read the store again. The mark is kept, not forgotten: numbers
    /// reserved by commands still in flight must not be handed out twice.
    mutating func invalidate() { needsRefresh = true }

    /// Takes the store's highest number into account (never lowers the mark).
    mutating func learn(_ stored: TicketNumber?) {
        needsRefresh = false
        guard let stored else { return }
        highest = max(highest ?? stored.rawValue, stored.rawValue)
    }

    /// The next free number, at least `first`.
    mutating func reserve(first: Int) throws(HelpDeskError) -> TicketNumber {
        var next = first
        if let highest, highest >= first {
            let (sum, overflow) = highest.addingReportingOverflow(1)
            if overflow { throw .ticketNumbersExhausted }
            next = sum
        }
        highest = next
        return TicketNumber(next)
    }

    /// Gives `number` back after its create failed; only the latest reservation can be reused.
    mutating func release(_ number: TicketNumber) {
        if highest == number.rawValue { highest = number.rawValue &- 1 }
    }
}
