import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// Labor, ratings and billing.
extension AccessCatalog {
    static let laborEntries: [AccessEntry] = [
        E(
            "logTime(on:_:by:idempotencyKey:)", "logTime: on a1", foreign: hidesA1,
            concernsAlpha: true
        ) { f, p in
            try await E.call {
                try await f.desk.logTime(
                    on: f.a1.id, NewTimeEntry(workDate: AccessFixture.monday, minutes: 15), by: p)
            }
        },
        E(
            "editTimeEntry(_:_:by:idempotencyKey:)", "editTimeEntry: a1's entry", foreign: hidesA1,
            concernsAlpha: true
        ) { f, p in
            try await E.call {
                try await f.desk.editTimeEntry(f.a1Entry.id, TimeEntryUpdate(minutes: 45), by: p)
            }
        },
        E(
            "deleteTimeEntry(_:by:idempotencyKey:)", "deleteTimeEntry: a1's entry", foreign: hidesA1,
            concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.deleteTimeEntry(f.a1Entry.id, by: p) }
        },
        E("timeEntry(_:as:)", "timeEntry: a1's entry", foreign: hidesA1, concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.timeEntry(f.a1Entry.id, as: p) }
        },
        E("timeEntries(on:as:)", "timeEntries: on a1", foreign: hidesA1, concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.timeEntries(on: f.a1.id, as: p) }
        },
        E("timeEntries(of:workedIn:as:)", "timeEntries: Anna's on Monday") { f, p in
            try await E.call {
                try await f.desk.timeEntries(
                    of: f.test.anna.id, workedIn: AccessFixture.monday...AccessFixture.monday, as: p)
            }
        },
        E("timeEntries(workedIn:as:)", "timeEntries: everybody's on Monday") { f, p in
            try await E.call {
                try await f.desk.timeEntries(workedIn: AccessFixture.monday...AccessFixture.monday, as: p)
            }
        },
        E("laborCost(of:as:)", "laborCost: of a1's entry", foreign: hidesA1, concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.laborCost(of: f.a1Entry, as: p) }
        },
        E("laborTotals(of:as:)", "laborTotals: of a1's entry", foreign: hidesA1, concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.laborTotals(of: [f.a1Entry], as: p) }
        },
    ]

    static let ratingEntries: [AccessEntry] = [
        E(
            "rate(_:score:comment:by:idempotencyKey:)", "rate: aResolved's new resolution",
            foreign: hides { $0.aResolved }, ownContact: true, concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.rate(f.aResolved.id, score: 5, by: p) }
        },
        E(
            "ratingRequests(of:as:)", "ratingRequests: of aResolved", foreign: hides { $0.aResolved },
            concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.ratingRequests(of: f.aResolved.id, as: p) }
        },
        E("ratings(of:as:)", "ratings: of aResolved", foreign: hides { $0.aResolved }, concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.ratings(of: f.aResolved.id, as: p) }
        },
        E("ratings(ratedIn:as:)", "ratings: given today") { f, p in
            try await E.call { try await f.desk.ratings(ratedIn: AccessFixture.day(-1)..<AccessFixture.day(1), as: p) }
        },
        E("ratings(ofAssignee:ratedIn:as:)", "ratings: of Anna's tickets") { f, p in
            try await E.call {
                try await f.desk.ratings(
                    ofAssignee: f.test.anna.id, ratedIn: AccessFixture.day(-1)..<AccessFixture.day(1), as: p)
            }
        },
    ]

    static let billingEntries: [AccessEntry] = [
        E("topUp(_:amount:paymentReference:by:idempotencyKey:)", "topUp: Alpha", concernsAlpha: true) { f, p in
            try await E.call {
                try await f.desk.topUp(f.alpha.id, amount: AccessFixture.rub(5_00), paymentReference: "PAY-X", by: p)
            }
        },
        E("adjustBalance(_:by:reason:by:idempotencyKey:)", "adjustBalance: Alpha", concernsAlpha: true) { f, p in
            try await E.call {
                try await f.desk.adjustBalance(f.alpha.id, by: AccessFixture.rub(-1_00), reason: "Fee", by: p)
            }
        },
        E("addPriceListItem(_:by:idempotencyKey:)", "addPriceListItem") { f, p in
            try await E.call {
                try await f.desk.addPriceListItem(
                    NewPriceListItem(
                        code: "CABLE", name: "Cable", pricing: .perItem, price: AccessFixture.rub(3_00),
                        validFrom: AccessFixture.day(-1)),
                    by: p)
            }
        },
        E("setContractPrice(_:item:price:by:idempotencyKey:)", "setContractPrice: A-1's cartridge", concernsAlpha: true)
        { f, p in
            try await E.call {
                try await f.desk.setContractPrice(
                    f.alphaContract.id, item: f.cartridge.id, price: AccessFixture.rub(15_00), by: p)
            }
        },
        E("priceList(as:)", "priceList") { f, p in
            try await E.call { try await f.desk.priceList(as: p) }
        },
        E("price(of:under:at:as:)", "price: of a cartridge under A-1", concernsAlpha: true) { f, p in
            try await E.call {
                try await f.desk.price(of: f.cartridge.id, under: f.alphaContract.id, at: AccessFixture.day(0), as: p)
            }
        },
        E("balance(of:in:role:as:)", "balance: Alpha's wallet", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.balance(of: f.alpha.id, in: AccessFixture.rub, as: p) }
        },
        E("clientBalance(of:in:role:as:)", "clientBalance: Alpha's wallet", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.clientBalance(of: f.alpha.id, in: AccessFixture.rub, as: p) }
        },
        E("clientBalances(of:as:)", "clientBalances: Alpha's", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.clientBalances(of: f.alpha.id, as: p) }
        },
        E("specification(of:as:)", "specification: of a1", foreign: hidesA1, concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.specification(of: f.a1.id, as: p) }
        },
        E(
            "addSpecificationLine(to:_:by:idempotencyKey:)", "addSpecificationLine: to a1", foreign: hidesA1,
            concernsAlpha: true
        ) { f, p in
            try await E.call {
                try await f.desk.addSpecificationLine(
                    to: f.a1.id, NewSpecificationLine(itemID: f.cartridge.id, quantity: 2), by: p)
            }
        },
        E(
            "removeSpecificationLine(_:from:by:idempotencyKey:)", "removeSpecificationLine: a1's cartridge",
            foreign: hidesA1, concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.removeSpecificationLine(f.a1Line, from: f.a1.id, by: p) }
        },
        E(
            "specifyBillableTime(of:by:idempotencyKey:)", "specifyBillableTime: of a1", foreign: hidesA1,
            concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.specifyBillableTime(of: f.a1.id, by: p) }
        },
        E("settle(_:by:idempotencyKey:)", "settle: a1", foreign: hidesA1, concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.settle(f.a1.id, by: p) }
        },
        E("requestApproval(of:by:idempotencyKey:)", "requestApproval: of a1", foreign: hidesA1, concernsAlpha: true) {
            f, p in try await E.call { try await f.desk.requestApproval(of: f.a1.id, by: p) }
        },
        E(
            "approvePaidWork(of:remark:by:idempotencyKey:)", "approvePaidWork: of aResolved",
            foreign: hides { $0.aResolved }, concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.approvePaidWork(of: f.aResolved.id, by: p) }
        },
        E(
            "declinePaidWork(of:reason:by:idempotencyKey:)", "declinePaidWork: of aResolved",
            foreign: hides { $0.aResolved }, concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.declinePaidWork(of: f.aResolved.id, reason: "Not agreed", by: p) }
        },
        E("statement(of:in:role:period:as:)", "statement: Alpha's wallet", concernsAlpha: true) { f, p in
            try await E.call {
                try await f.desk.statement(
                    of: f.alpha.id, in: AccessFixture.rub, period: AccessFixture.day(-1)..<AccessFixture.day(1), as: p)
            }
        },
        E("allowanceStatements(of:as:)", "allowanceStatements: of A-1", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.allowanceStatements(of: f.alphaContract.id, as: p) }
        },
        E("allowanceReport(from:to:as:)", "allowanceReport") { f, p in
            try await E.call { try await f.desk.allowanceReport(from: AccessFixture.day(-1), to: AccessFixture.day(1), as: p) }
        },
        E("debtorAgeing(at:as:)", "debtorAgeing") { f, p in
            try await E.call { try await f.desk.debtorAgeing(at: AccessFixture.day(0), as: p) }
        },
        E("outOfContractRevenue(in:as:)", "outOfContractRevenue") { f, p in
            try await E.call {
                try await f.desk.outOfContractRevenue(in: AccessFixture.day(-1)..<AccessFixture.day(1), as: p)
            }
        },
        E("reports(as:)", "reports: ticket counts per company (ReportEngine)") { f, p in
            try await E.call {
                try await f.desk.reports(as: p).ticketCounts(
                    ReportRequest(period: AccessFixture.day(-1)..<AccessFixture.day(1)), by: .company)
            }
        },
    ]
}
