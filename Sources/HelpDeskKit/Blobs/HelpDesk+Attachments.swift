import Foundation

extension HelpDesk {
    /// Stores a file's bytes in the store's ``BlobStore`` and returns the ``Attachment`` that names
    /// them (checksum `sha256:<hex>`), to pass to the commands that take attachments.
    ///
    /// Anyone who may attach files may upload: employees holding ``AccessAction/attachFiles``, and
    /// active contacts and (where the policy allows) free-text clients, for their own tickets and
    /// replies. The name and media type are checked as a comment's attachments are, the size
    /// against ``HelpDeskConfiguration/maximumAttachmentBytes``. Uploading is idempotent by content
    /// (the same bytes give the same attachment), so `idempotencyKey` is accepted for the uniform
    /// command shape and not recorded. A store without a blob store refuses with
    /// ``HelpDeskError/Reason/storeLacksFeature(_:)``.
    public func uploadAttachment(
        _ bytes: [UInt8], fileName: String, mediaType: String, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> Attachment {
        let limit = configuration.maximumAttachmentBytes
        guard bytes.count <= limit else {
            throw .invalidInput(field: "attachment.byteCount", problem: .outOfRange(0...max(0, limit)))
        }
        var attachment = Attachment(
            fileName: fileName, mediaType: mediaType, byteCount: Int64(bytes.count), checksum: "sha256:0")
        try Validate.attachments([attachment])
        let principal = try await principal(for: performer)
        try authorize(principal, AccessRequest(.attachFiles, companyID: principal.clientCompanyID))
        let blobs = try feature((any BlobStore).self)
        let digest = try await storage { try await blobs.put(bytes) }
        attachment.checksum = digest.checksum
        return attachment
    }

    /// The bytes of the file `checksum` names, when it is attached to the ticket or to one of its
    /// comments the viewer may read.
    ///
    /// A ticket the viewer may not read is ``HelpDeskError/Reason/ticketNotFound(_:)``; a file that
    /// is not on the ticket, only on an internal note a client may not read, or whose bytes the
    /// store does not hold is ``HelpDeskError/Reason/attachmentNotFound(_:)`` alike, so a client
    /// cannot tell an internal file from a wrong checksum. Damaged bytes are a storage error.
    public func attachmentContent(_ checksum: String, on id: TicketID, as viewer: Performer)
        async throws(HelpDeskError) -> [UInt8]
    {
        let (ticket, principal) = try await visibleTicket(id, as: viewer)
        let blobs = try feature((any BlobStore).self)
        var attached = ticket.attachments.contains { $0.checksum == checksum }
        if !attached {
            let comments = try await storage { try await store.comments(on: id) }
            let seesNotes = seesInternal(principal, on: ticket)
            attached = comments.contains { comment in
                (comment.visibility == .public || seesNotes) && comment.attachments.contains { $0.checksum == checksum }
            }
        }
        guard attached, let digest = BlobDigest(checksum: checksum) else { throw .attachmentNotFound(checksum) }
        guard let bytes = try await storage({ try await blobs.bytes(digest) }) else {
            throw .attachmentNotFound(checksum)
        }
        return bytes
    }

    /// Throws ``HelpDeskError/Reason/attachmentNotUploaded(_:)`` for an attachment whose checksum
    /// names a SHA-256 blob (`sha256:`) the store does not hold with that byte count. Only when the
    /// store offers a ``BlobStore``; other checksums are metadata of files the host keeps.
    func requireUploaded(_ attachments: [Attachment]) async throws(HelpDeskError) {
        let named = attachments.filter { $0.checksum.hasPrefix(BlobDigest.checksumPrefix) }
        guard !named.isEmpty, let blobs = try optionalFeature((any BlobStore).self) else { return }
        var sizes: [String: Int64?] = [:]
        for attachment in named {
            let size: Int64?
            if let known = sizes[attachment.checksum] {
                size = known
            } else if let digest = BlobDigest(checksum: attachment.checksum) {
                size = try await storage { try await blobs.byteCount(digest) }
                sizes[attachment.checksum] = size
            } else {
                size = nil
            }
            guard size == attachment.byteCount else { throw .attachmentNotUploaded(attachment.checksum) }
        }
    }
}

extension Principal {
    /// The client company of a contact (`nil` for everyone else).
    var clientCompanyID: CompanyID? {
        if case .contact(let contact, _) = self { contact.companyID } else { nil }
    }
}

extension HelpDeskError {
    /// ``Reason/attachmentNotUploaded(_:)``.
    public static func attachmentNotUploaded(_ checksum: String) -> HelpDeskError {
        HelpDeskError(.attachmentNotUploaded(checksum))
    }

    /// ``Reason/attachmentNotFound(_:)``.
    public static func attachmentNotFound(_ checksum: String) -> HelpDeskError {
        HelpDeskError(.attachmentNotFound(checksum))
    }
}
