import Foundation

/// A client company with overdue service periods.
public struct Debtor: Hashable, Sendable {
    /// One overdue period.
    public struct Debt: Hashable, Sendable {
        /// The contract.
        public var contractID: ContractID
        /// The contract number.
        public var contractNumber: String
        /// The unpaid period.
        public var period: ServicePeriod
        /// The amount owed.
        public var amount: Money
        /// Whole days since payment was due.
        public var daysOverdue: Int
    }

    /// The company.
    public var company: Company
    /// Its overdue periods, oldest due first.
    public var debts: [Debt]
    /// The total owed per currency, sorted by currency.
    public var totals: [Money]
    /// The longest overdue, in days.
    public var maximumDaysOverdue: Int { debts.map(\.daysOverdue).max() ?? 0 }
}

/// What a dispatcher must see before saving a ticket for a contact or location.
public struct RegistrationHints: Hashable, Sendable {
    /// The contract a hint is about, with its current period and payment state.
    public struct ContractHint: Hashable, Sendable {
        /// The contract in force.
        public var contract: Contract
        /// Its period containing now, if any.
        public var currentPeriod: ServicePeriod?
        /// Payment state of the current period.
        public var paymentStatus: PaymentStatus?
    }

    /// The company.
    public var company: Company
    /// The contact, when hints were asked for a contact.
    public var contact: Contact?
    /// The location (given, or the contact's).
    public var location: Location?
    /// Contracts in force that cover the location.
    public var contracts: [ContractHint]
    /// The company's overdue debts, if it is a debtor.
    public var debtor: Debtor?
    /// Equipment installed at the location (or at the whole company when no location is known).
    public var installedAssets: [Asset]
    /// The company's tickets that are still new, open or waiting, newest first (at most 20).
    public var openTickets: [Ticket]
    /// The company's personal accounts and receivables with their ledger balances (the debt shows here).
    public var balances: [ClientBalance] = []

    /// `true` when the client owes money for a period: engineers should be warned.
    public var isDebtor: Bool { debtor != nil }
}
