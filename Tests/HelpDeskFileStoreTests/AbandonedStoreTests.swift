import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

/// A host that drops a store without closing it (a thrown error between `open` and `close`)
/// must not take the process down, even while other stores commit.
@Suite("Abandoned stores")
struct AbandonedStoreTests {
    @Test func droppingOpenStoresWhileOthersCommitIsHarmless() async throws {
        let root = freshDirectory("abandoned")
        defer { removeDirectory(root) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<8 {
                group.addTask {
                    for round in 0..<25 {
                        let directory = root.appendingPathComponent("store-\(index)-\(round)")
                        let store = try await FileStore.open(at: directory)
                        try await withThrowingTaskGroup(of: Void.self) { commits in
                            for unit in 0..<6 { commits.addTask { try await store.commit(smallUnit(unit)) } }
                            try await commits.waitForAll()
                        }
                        if round % 2 == 0 { await store.close() }  // every other one is simply dropped
                    }
                }
            }
            try await group.waitForAll()
        }
        // A dropped store released its lock: the directory opens again.
        let again = try await FileStore.open(at: root.appendingPathComponent("store-0-1"))
        #expect(again.recovery.lastSequence == 6)
        await again.close()
    }
}
