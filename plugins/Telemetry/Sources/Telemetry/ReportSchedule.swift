/// When each device reports next: a binary min-heap of (time, device), so that the fleet's
/// readings come out in time order at any fleet size.
struct ReportSchedule {
    private var entries: [(time: Int64, device: Int)] = []

    mutating func add(time: Int64, device: Int) {
        entries.append((time, device))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard earlier(entries[child], entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    /// The earliest report, removed from the schedule; ties go to the lower device number.
    mutating func takeEarliest() -> (time: Int64, device: Int)? {
        guard let first = entries.first else { return nil }
        let last = entries.removeLast()
        guard !entries.isEmpty else { return first }
        entries[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < entries.count && earlier(entries[left], entries[smallest]) {
                smallest = left
            }
            if right < entries.count && earlier(entries[right], entries[smallest]) {
                smallest = right
            }
            guard smallest != parent else { break }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }

    private func earlier(_ a: (time: Int64, device: Int), _ b: (time: Int64, device: Int))
        -> Bool
    {
        (a.time, a.device) < (b.time, b.device)
    }
}
