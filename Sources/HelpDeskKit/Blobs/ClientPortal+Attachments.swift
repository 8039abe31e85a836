extension ClientPortal {
    /// Uploads a file as the contact and returns the attachment to pass to ``reply(to:_:attachments:idempotencyKey:)``
    /// or a ``PortalTicketRequest`` (see ``HelpDesk/uploadAttachment(_:fileName:mediaType:by:idempotencyKey:)``).
    public func upload(_ bytes: [UInt8], fileName: String, mediaType: String) async throws(HelpDeskError)
        -> Attachment
    {
        try await desk.uploadAttachment(bytes, fileName: fileName, mediaType: mediaType, by: .contact(contactID))
    }

    /// The bytes of a file on a ticket the contact sees, attached to the ticket or to a public
    /// reply; anything else (an internal note's file, a wrong checksum) is
    /// ``HelpDeskError/Reason/attachmentNotFound(_:)``.
    public func attachmentContent(_ checksum: String, on id: TicketID) async throws(HelpDeskError) -> [UInt8] {
        try await desk.attachmentContent(checksum, on: id, as: .contact(contactID))
    }
}
