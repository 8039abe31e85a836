extension AccessAction {
    /// Plan work: maintenance plans, engineers' visits, the workload calendar and its levelling.
    public static let planWork = AccessAction("work.plan")
}
