import HubCore

extension NATSEventLog: AppendNotifying {
    /// Grows with every append this process made and, once a thread has waited, with every
    /// event any process published in the namespace.
    public var appendCount: UInt64 { appendSignal.current }

    public func waitForAppend(after seen: UInt64, timeoutNanos: UInt64) -> UInt64 {
        appendSignal.listen(connection, subject: naming.allEventSubjects)
        return appendSignal.wait(after: seen, timeoutNanos: timeoutNanos)
    }
}
