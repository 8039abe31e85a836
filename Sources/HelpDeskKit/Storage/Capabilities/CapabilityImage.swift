/// A capability's records in a ``StoreImage``: what a durable adapter writes to a snapshot.
public protocol CapabilityImage: Hashable, Sendable, Codable {
    /// The image's key in the store image's JSON; unique across capabilities.
    static var key: String { get }
    /// No records.
    init()
    /// `true` when the image holds no records.
    var isEmpty: Bool { get }
}

extension CapabilityImage {
    /// `true` when `other` is the same image.
    fileprivate func isEqual(to other: any CapabilityImage) -> Bool {
        (other as? Self) == self
    }
}

/// The capability images of one ``StoreImage``, at most one non-empty image per type.
public struct CapabilityImageSet: Hashable, Sendable {
    private var parts: [String: any CapabilityImage] = [:]

    /// No images.
    public init() {}

    /// The image of type `type`; empty when the store holds none of its records.
    public subscript<Image: CapabilityImage>(_ type: Image.Type) -> Image {
        get { parts[type.key] as? Image ?? Image() }
        set { parts[type.key] = newValue.isEmpty ? nil : newValue }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.parts.count == rhs.parts.count
            && lhs.parts.allSatisfy { key, part in rhs.parts[key].map(part.isEqual(to:)) ?? false }
    }

    public func hash(into hasher: inout Hasher) {
        for key in parts.keys.sorted() {
            hasher.combine(key)
            hasher.combine(parts[key]!)
        }
    }
}

extension CapabilityImageSet {
    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Encodes each image under its key in `encoder`'s keyed container.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for key in parts.keys.sorted() { try container.encode(parts[key]!, forKey: Key(stringValue: key)) }
    }

    /// Decodes every registered capability's image from `decoder`; a missing key is empty.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        for type in Capabilities.imageTypes {
            if let image = try container.decodeIfPresent(type, forKey: Key(stringValue: type.key)), !image.isEmpty {
                parts[type.key] = image
            }
        }
    }
}
