import Foundation
import HelpDeskFileStore
import HelpDeskKit

/// Entry point of `helpdesk-crash-writer <directory> [snapshot-threshold-bytes | blobs]`.
///
/// Opens the file store in `directory` and commits tickets numbered after the last stored one,
/// each in its own unit of work, forever. After each commit returns it writes the number on its
/// own line straight to stdout (unbuffered), so a test that kills the process knows every acknowledged number.
/// A small snapshot threshold (default 32 KiB) makes snapshots and segment rotation frequent, so
/// kills also land inside them.
@main
struct CrashWriter {
    static func main() async {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2 else {
            FileHandle.standardError.write(Data("usage: helpdesk-crash-writer <directory> [snapshot-threshold]\n".utf8))
            exit(2)
        }
        if arguments.count >= 3, arguments[2] == "blobs" { await putBlobs(in: arguments[1]) }
        let threshold = arguments.count >= 3 ? Int(arguments[2]) ?? 32 << 10 : 32 << 10
        do {
            let store = try await FileStore.open(
                at: URL(fileURLWithPath: arguments[1]), options: FileStoreOptions(snapshotThreshold: threshold))
            var number = (try await store.lastTicketNumber()?.rawValue ?? 0) + 1
            while true {
                try await store.commit(unit(number: number))
                // An unbuffered write(2): the line is out of the process before the next commit.
                FileHandle.standardOutput.write(Data("\(number)\n".utf8))
                number += 1
            }
        } catch {
            FileHandle.standardError.write(Data("crash writer: \(error)\n".utf8))
            exit(1)
        }
    }

    /// `blobs` mode: puts ``blob(_:)`` 1, 2, 3, … into a ``FileBlobStore`` in `directory`, forever,
    /// writing each number to stdout after its put returned.
    static func putBlobs(in directory: String) async -> Never {
        do {
            let store = try FileBlobStore(directory: URL(fileURLWithPath: directory))
            var number = 1
            while true {
                _ = try await store.put(blob(number))
                FileHandle.standardOutput.write(Data("\(number)\n".utf8))
                number += 1
            }
        } catch {
            FileHandle.standardError.write(Data("crash writer: \(error)\n".utf8))
            exit(1)
        }
    }

    /// The bytes of blob `number`: 16 KiB or more, different for every number.
    static func blob(_ number: Int) -> [UInt8] {
        (0..<(16_384 + number * 97)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ number &* 7 &+ ($0 >> 8)) }
    }

    /// A unit inserting ticket `number` with one audit entry and one outbox event.
    static func unit(number: Int) -> UnitOfWork {
        let ticketID = TicketID(uuid(number, kind: 1))
        let created = Date(timeIntervalSinceReferenceDate: 800_000_000 + Double(number))
        let ticket = Ticket(
            id: ticketID, number: TicketNumber(number), title: "Crash record \(number)", channel: .api,
            status: "new", requester: .freeText("crash writer"), createdAt: created)
        var work = UnitOfWork()
        work.save(ticket, expectedRevision: nil)
        work.auditEntries.append(
            AuditEntry(
                id: AuditEntryID(uuid(number, kind: 2)), ticketID: ticketID, field: .created, oldValue: nil,
                newValue: String(number), performer: .system, at: created))
        work.events.append(
            PendingEvent(
                id: EventID(uuid(number, kind: 3)),
                event: .ticketCreated(ticket: ticketID, number: ticket.number, channel: .api, priority: .normal),
                performer: .system, audience: Audience(), occurredAt: created))
        return work
    }

    /// A deterministic identifier for record `number`.
    static func uuid(_ number: Int, kind: UInt8) -> UUID {
        var bytes = [UInt8](repeating: 0, count: 16)
        bytes[0] = kind
        withUnsafeBytes(of: UInt64(number).bigEndian) { for index in 0..<8 { bytes[8 + index] = $0[index] } }
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
