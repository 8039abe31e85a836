import Foundation
import HelpDeskKit

/// Files with bytes on one ticket, uploaded and attached at once from two engines: public replies'
/// files, internal notes' files and a file the client replies with. Afterwards every file reads
/// back as uploaded to staff; a client reads the ticket's and the public replies' files and never
/// an internal note's (``HelpDeskError/Reason/attachmentNotFound(_:)``, the same as a wrong
/// checksum); another company's contact sees nothing; an attachment not uploaded (or with another
/// size) is refused and changes nothing. A reply that keeps losing its ticket to the other
/// engine may end in a conflict; its file is then simply not attached.
public struct AttachmentLeak: Sendable {
    /// Files of each kind attached at once.
    public var perKind = 6

    /// Describes the check.
    public init(perKind: Int = 6) {
        self.perKind = perKind
    }

    /// One file attached during the race.
    struct Attached: Sendable {
        let label: String
        let bytes: [UInt8]
        let attachment: Attachment
        let isInternal: Bool
    }

    /// The bytes of file `index` of kind `kind` (sizes around SHA-256's block boundaries).
    static func bytes(_ kind: UInt8, _ index: Int) -> [UInt8] {
        (0..<(55 + index * 37)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ Int(kind) &* 13 &+ index) }
    }

    /// Runs the check on `store` and returns what went wrong (empty when nothing leaked).
    public func check(on store: any HelpDeskStore) async throws -> [String] {
        guard try store.feature((any BlobStore).self) != nil else { return ["the store offers no blob store"] }
        let test = try await TestDesk.make(store: store)
        let second = test.secondEngine(seed: 7_117)
        let desk = test.desk
        let anna = Performer.employee(test.anna.id)
        let alpha = try await desk.addCompany(NewCompany(name: "Alpha"), by: .system)
        let beta = try await desk.addCompany(NewCompany(name: "Beta"), by: .system)
        let alice = try await desk.addContact(NewContact(companyID: alpha.id, name: "Alice"), by: .system)
        let carl = try await desk.addContact(
            NewContact(companyID: alpha.id, name: "Carl", portalScope: .company), by: .system)
        let bob = try await desk.addContact(NewContact(companyID: beta.id, name: "Bob"), by: .system)
        let scan = try await desk.uploadAttachment(
            Self.bytes(0, 0), fileName: "scan.pdf", mediaType: "application/pdf", by: .contact(alice.id))
        let ticket = try await desk.createTicket(
            NewTicket(
                title: "Printer jams", channel: .portal, requester: .contact(alice.id), companyID: alpha.id,
                attachments: [scan]),
            by: .contact(alice.id))

        let outcomes = await withTaskGroup(of: Result<Attached, HelpDeskError>.self) { group in
            for index in 0..<perKind {
                for kind in [UInt8(1), 2, 3] {
                    let engine = index.isMultiple(of: 2) ? desk : second
                    group.addTask {
                        do throws(HelpDeskError) {
                            let bytes = Self.bytes(kind, index)
                            let author: Performer = kind == 3 ? .contact(alice.id) : anna
                            let file = try await engine.uploadAttachment(
                                bytes, fileName: "file-\(kind)-\(index).bin", mediaType: "application/octet-stream",
                                by: author)
                            let visibility: CommentVisibility = kind == 2 ? .internal : .public
                            _ = try await engine.comment(
                                on: ticket.id,
                                NewComment("file \(kind)-\(index)", visibility: visibility, attachments: [file]),
                                by: author)
                            return .success(
                                Attached(
                                    label: "file \(kind)-\(index)", bytes: bytes, attachment: file,
                                    isInternal: kind == 2))
                        } catch {
                            return .failure(error)
                        }
                    }
                }
            }
            var outcomes: [Result<Attached, HelpDeskError>] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        var problems: [String] = []
        var files = [Attached(label: "the ticket's scan", bytes: Self.bytes(0, 0), attachment: scan, isInternal: false)]
        for outcome in outcomes {
            switch outcome {
            case .success(let file): files.append(file)
            // A reply that lost every retry to the other engine is refused cleanly (as in PortalRace).
            case .failure(let error) where error.code == .conflict: continue
            case .failure(let error): problems.append("an upload or reply failed: \(error)")
            }
        }
        if files.count < 1 + perKind {
            problems.append("only \(files.count - 1) of \(3 * perKind) replies got through")
        }
        let portal = desk.portal(for: alice.id)
        for file in files {
            let checksum = file.attachment.checksum
            let staff = await Self.read(checksum, ticket.id, anna, on: second)
            if staff != .success(file.bytes) { problems.append("\(file.label): staff read \(staff)") }
            for (name, client) in [("Alice", Performer.contact(alice.id)), ("Carl", .contact(carl.id))] {
                let read = await Self.read(checksum, ticket.id, client, on: desk)
                let expected: Result<[UInt8], HelpDeskError> =
                    file.isInternal ? .failure(.attachmentNotFound(checksum)) : .success(file.bytes)
                if read != expected { problems.append("\(file.label): \(name) read \(Self.describe(read))") }
            }
            let viaPortal: Result<[UInt8], HelpDeskError>
            do throws(HelpDeskError) {
                viaPortal = .success(try await portal.attachmentContent(checksum, on: ticket.id))
            } catch {
                viaPortal = .failure(error)
            }
            if file.isInternal, viaPortal != .failure(.attachmentNotFound(checksum)) {
                problems.append("\(file.label): the portal gave Alice \(Self.describe(viaPortal))")
            }
            let foreign = await Self.read(checksum, ticket.id, .contact(bob.id), on: desk)
            if foreign != .failure(.ticketNotFound(ticket.id)) {
                problems.append("\(file.label): Beta's Bob read \(Self.describe(foreign))")
            }
        }
        problems += try await refusals(on: desk, ticket: ticket.id, alice: alice.id, files: files)
        return problems
    }

    /// Attachments the store does not hold (never uploaded, another size, a malformed digest) are
    /// refused with ``HelpDeskError/Reason/attachmentNotUploaded(_:)`` and add no comment.
    private func refusals(on desk: HelpDesk, ticket: TicketID, alice: ContactID, files: [Attached]) async throws
        -> [String]
    {
        var problems: [String] = []
        let before = try await desk.comments(on: ticket, as: .system).count
        let known = files[0].attachment
        var resized = known
        resized.byteCount += 1
        let never = Attachment(
            fileName: "never.bin", mediaType: "application/octet-stream", byteCount: 3,
            checksum: SHA256.hash([9, 9, 9]).checksum)
        var short = known
        short.checksum = "sha256:abcd"
        for bad in [never, resized, short] {
            do {
                _ = try await desk.comment(
                    on: ticket, NewComment("see file", attachments: [known, bad]), by: .contact(alice))
                problems.append("a reply with \(bad.checksum) (\(bad.byteCount) bytes), never uploaded, was accepted")
            } catch {
                if error != .attachmentNotUploaded(bad.checksum) {
                    problems.append("a reply with \(bad.checksum) failed with \(error)")
                }
            }
        }
        let after = try await desk.comments(on: ticket, as: .system).count
        if after != before { problems.append("refused replies added \(after - before) comments") }
        return problems
    }

    /// What `viewer` gets reading `checksum` on `ticket`.
    static func read(_ checksum: String, _ ticket: TicketID, _ viewer: Performer, on desk: HelpDesk) async
        -> Result<[UInt8], HelpDeskError>
    {
        do throws(HelpDeskError) {
            return .success(try await desk.attachmentContent(checksum, on: ticket, as: viewer))
        } catch {
            return .failure(error)
        }
    }

    /// A read's outcome without the bytes.
    static func describe(_ result: Result<[UInt8], HelpDeskError>) -> String {
        switch result {
        case .success(let bytes): "\(bytes.count) bytes"
        case .failure(let error): "\(error)"
        }
    }
}
