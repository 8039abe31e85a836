import Foundation
import HelpDeskKit
import HelpDeskTestSupport

extension HostileCommandCatalog {
    static let attachmentEntries: [HostileCommand] = [
        command("uploadAttachment(_:fileName:mediaType:by:idempotencyKey:)") { d in
            let size = d.pick([0, 1, 64, 4_096, 25 * 1_048_576 + 1])
            let bytes = [UInt8](repeating: UInt8(truncatingIfNeeded: d.int()), count: size)
            _ = try await d.f.desk.uploadAttachment(
                bytes, fileName: d.text(["photo.jpg", "отчёт.pdf"]), mediaType: d.text(["image/jpeg"]),
                by: d.performer(), idempotencyKey: d.key())
        },
        read("attachmentContent(_:on:as:)") { d in
            let checksum = d.text([AccessFixture.file.checksum, SHA256.hash([]).checksum, "sha256:ab12"])
            _ = try await d.f.desk.attachmentContent(checksum, on: d.id(d.tickets), as: d.performer())
        },
    ]
}
