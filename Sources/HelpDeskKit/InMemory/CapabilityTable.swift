/// A capability's tables inside the ``InMemoryStore``: they validate and apply the capability's
/// ``CapabilityChanges`` and produce its ``CapabilityImage``.
///
/// The store keeps one value of each registered type; a capability reads its tables with
/// ``InMemoryStore/State/table(_:)``.
protocol CapabilityTable: Sendable {
    /// The changes these tables store.
    associatedtype Changes: CapabilityChanges
    /// What these tables write to a snapshot.
    associatedtype Image: CapabilityImage

    /// Tables holding exactly `image`.
    init(image: Image)
    /// Everything the tables hold.
    var image: Image { get }
    /// Throws ``StorageError`` (kind `.conflict`) unless `changes` may be applied; `store` is the
    /// committed state and `work` the whole unit (it may insert what the changes refer to).
    func validate(_ changes: Changes, of work: UnitOfWork, in store: InMemoryStore.State) throws(StorageError)
    /// Applies validated changes.
    mutating func apply(_ changes: Changes)
}

extension CapabilityTable {
    /// Empty tables.
    init() { self.init(image: Image()) }

    /// ``validate(_:of:in:)`` for a part of a unit's ``CapabilityChangeSet`` of this table's type.
    func validatePart(_ part: any CapabilityChanges, of work: UnitOfWork, in store: InMemoryStore.State)
        throws(StorageError)
    {
        if let changes = part as? Changes { try validate(changes, of: work, in: store) }
    }

    /// ``apply(_:)`` for a part of this table's type.
    mutating func applyPart(_ part: any CapabilityChanges) {
        if let changes = part as? Changes { apply(changes) }
    }

    /// Writes this table's image into `images`.
    func store(into images: inout CapabilityImageSet) {
        images[Image.self] = image
    }

    /// Tables built from the image of their type in `images`.
    static func load(from images: CapabilityImageSet) -> Self {
        Self(image: images[Image.self])
    }
}

/// The capability tables of an ``InMemoryStore``, one per registered capability that stores
/// something, keyed by its changes type.
struct CapabilityTables: Sendable {
    private var tables: [ObjectIdentifier: any CapabilityTable] = [:]

    /// Empty tables of every registered capability.
    init() {
        for type in Capabilities.tableTypes { tables[ObjectIdentifier(type.changesType)] = type.init() }
    }

    /// Tables holding `images`.
    init(images: CapabilityImageSet) {
        for type in Capabilities.tableTypes { tables[ObjectIdentifier(type.changesType)] = type.load(from: images) }
    }

    /// The tables of type `type`.
    func table<Table: CapabilityTable>(_ type: Table.Type) -> Table {
        tables[ObjectIdentifier(Table.Changes.self)] as? Table ?? Table()
    }

    /// Every table's image.
    var images: CapabilityImageSet {
        var images = CapabilityImageSet()
        for table in tables.values { table.store(into: &images) }
        return images
    }

    /// Validates each part of `work`'s capability changes against its tables.
    func validate(_ work: UnitOfWork, in store: InMemoryStore.State) throws(StorageError) {
        if work.capabilities.holdsUnregisteredParts {
            throw StorageError(.other, "the unit holds changes of a capability this store does not know")
        }
        for part in work.capabilities.all {
            try tables[ObjectIdentifier(type(of: part))]?.validatePart(part, of: work, in: store)
        }
    }

    /// Applies each part of a validated unit's capability changes.
    mutating func apply(_ work: UnitOfWork) {
        for part in work.capabilities.all {
            let key = ObjectIdentifier(type(of: part))
            // Taken out while it changes, so its storage is not shared (and copied) on the way.
            guard var table = tables.removeValue(forKey: key) else { continue }
            table.applyPart(part)
            tables[key] = table
        }
    }
}

extension CapabilityTable {
    /// The changes type, reachable from an existential metatype.
    static var changesType: Changes.Type { Changes.self }
}
