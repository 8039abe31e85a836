/// A double-entry ledger of accounts and transfers in integer minor units.
///
/// The main type is ``Ledger``; see `Documentation/Ledger.md` for the model.
public enum DoubleEntryModule {}
