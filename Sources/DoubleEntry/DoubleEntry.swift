/// A double-entry ledger of accounts and transfers in integer minor units.
public enum DoubleEntryModule {}
