/// How many scratch databases the tests keep at once, and how many connections each client opens.
///
/// Swift Testing starts every test case at once; unbounded, a hundred contract cases each open a
/// database and a pool of connections, pass the server's `max_connections` (200, see
/// `.ci/postgres.sh`) and leave tests waiting for connections that other waiting tests hold. With
/// eight slots of at most eight connections, one admin connection each, and the multi-process
/// test's three hosts of twenty, the tests stay below 140 connections.
actor ScratchSlots {
    /// The slots every ``ScratchDatabase`` takes one of.
    static let shared = ScratchSlots(count: 8)
    /// The most connections one test client opens.
    static let connectionsPerClient = 8

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    private init(count: Int) { free = count }

    /// Takes a slot, waiting (first come, first served) while all are taken.
    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Gives a slot back: to the longest waiter, or to the free ones.
    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
