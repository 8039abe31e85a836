import Foundation
import ScriptedDemo
import Testing

/// The planned-work scene: recurring maintenance moved off days off, the ticket and visit a tick
/// opens, an overloaded day in the load calendar and a levelling move the client hears of.
@Suite("helpdesk-demo: planned work")
struct PlannedWorkTests {
    @Test func theSceneTellsThePlanningStory() async throws {
        let output = try await ScriptedDemo.inMemoryDay()
        let scene = output.components(separatedBy: "Planned work: recurring maintenance")[1]
            .components(separatedBy: "1. Tickets at the end of the day")[0]
        #expect(scene.contains("next visits: Tue 10 Mar, Tue 14 Apr, Tue 12 May, Tue 9 Jun, Tue 14 Jul, Tue 11 Aug"))
        #expect(scene.contains("Tue 23 Feb 2027 moves to Wed 24 Feb 2027 (Defender of the Fatherland Day)"))
        #expect(scene.contains("Sat 23 May moves to Mon 25 May"))
        #expect(scene.contains("a maintenance plan opens #1008 \"Preventive maintenance: HP LaserJet M428 (NW-0042)\""))
        #expect(scene.contains("visit Tue 10 Mar 10:00–11:30"))
        // Ben's Tuesday is overbooked before levelling and within his hours after it.
        let tables = scene.components(separatedBy: "After levelling:")
        #expect(tables[0].contains(#/Ben Okafor\s+day off\s+8 h 30 min / 8 h !/#))
        #expect(scene.contains("Ben Okafor is overloaded on Tue 10 Mar by 30 min"))
        #expect(scene.contains("levelling suggests moving the visit of #"))
        #expect(!tables[1].contains(" !"), "no cell stays overloaded after the move")
        // The client is told of each planned visit and of the move.
        #expect(output.contains("visit notice to the client: \"[#1008] Engineer visit: Tue 10 Mar 10:00–11:30"))
        #expect(output.contains("Engineer visit moved: Tue 10 Mar 09:00–12:30"))
        // Cancelling a ticket calls its visit off, and the client hears of it.
        #expect(scene.contains("its Tuesday visit is called off with it"))
        #expect(output.contains("Engineer visit cancelled"))
    }
}
