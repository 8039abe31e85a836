import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// Files with bytes: anyone who may attach files uploads (not company-specific: Beta's contact
/// uploads its own file); reading a file needs the ticket it is on.
extension AccessCatalog {
    static let attachmentEntries: [AccessEntry] = [
        E(
            "uploadAttachment(_:fileName:mediaType:by:idempotencyKey:)", "uploadAttachment: a scan", foreign: .allowed,
            ownContact: true
        ) { f, p in
            try await E.call {
                try await f.desk.uploadAttachment(
                    Array("scan".utf8), fileName: "scan.pdf", mediaType: "application/pdf", by: p)
            }
        },
        E(
            "attachmentContent(_:on:as:)", "attachmentContent: the photo on a1's reply", foreign: hidesA1,
            ownContact: true, concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.attachmentContent(AccessFixture.file.checksum, on: f.a1.id, as: p) }
        },
    ]

    /// What each attachment entry needs (merged into ``RolePermissionMatrixTests/needs``).
    static let attachmentNeeds: [String: Set<AccessAction>] = [
        "uploadAttachment: a scan": [.attachFiles], "attachmentContent: the photo on a1's reply": [.readTicket],
    ]
}
