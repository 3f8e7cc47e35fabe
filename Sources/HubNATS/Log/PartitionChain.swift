import CNATS
import HubCore

/// The events of one batch bound for one partition, published as a chain: each message may
/// only be stored right after the one before it, so the run lands in order and adjacent.
///
/// The first message of a (re)sent remainder expects the stream's last sequence to be the
/// one this process knows (`Nats-Expected-Last-Sequence`, 0 for an empty stream); every later
/// message expects the last stored message to be its predecessor (`Nats-Expected-Last-Msg-Id`).
/// Every message carries a message id, so a message resent after a lost acknowledgement is
/// stored once.
struct PartitionChain {
    let partition: Int
    let stream: String
    let subject: String
    /// Indices into the batch, in batch order.
    let indices: [Int]
    /// Message ids, one per event of the chain.
    let ids: [String]
    /// Stream sequences of the events that landed, a prefix of `indices`.
    var landed: [UInt64] = []
    /// What the next message sent must find at the end of the stream.
    var anchor: Anchor = .none
    /// The enqueued time of the events not yet landed.
    var time: Int64 = 0
    /// The enqueued time each landed event got.
    var landedTimes: [Int64] = []
    /// Why the chain stopped for good, when it did.
    var failure: Error?

    enum Anchor: Equatable {
        case none
        case sequence(UInt64)
    }

    init(partition: Int, stream: String, subject: String, indices: [Int], batchId: String) {
        self.partition = partition
        self.stream = stream
        self.subject = subject
        self.indices = indices
        self.ids = indices.indices.map { "\(batchId)-\(partition)-\($0)" }
    }

    var isFinished: Bool { failure != nil || landed.count == indices.count }
    var remaining: Range<Int> { landed.count..<indices.count }

    /// The messages of the remainder, ready to send.
    func messages(_ batch: [RoutedEvent]) -> [OutgoingMessage] {
        remaining.map { position in
            var headers = EventHeaders.encode(batch[indices[position]].data, time: time)
            headers.append((EventHeaders.messageId, ids[position]))
            if position == landed.count {
                // 0 expects an empty stream: two publishers racing into an empty partition
                // cannot both land their first message there.
                if case .sequence(let sequence) = anchor {
                    headers.append((EventHeaders.expectedLastSequence, String(sequence)))
                }
            } else {
                headers.append((EventHeaders.expectedLastMessageId, ids[position - 1]))
            }
            return OutgoingMessage(
                subject: subject, reply: nil, headers: headers,
                body: batch[indices[position]].data.body)
        }
    }

    /// What came of one send of the remainder.
    enum Outcome {
        case done
        /// Another publisher appended in between: read the stream's end and chain again.
        case conflict
        /// No answer for some messages: send the same remainder again.
        case unknown(NATSError)
        /// Refused for good.
        case refused(NATSError)
    }

    /// Takes the acknowledgements of the remainder that was just sent.
    ///
    /// The chain lets one stored message vouch for all before it: if message `j` is stored,
    /// so is every message of the chain before `j`, right before it, even when their own
    /// acknowledgements were lost.
    mutating func take(_ acks: [PublishPipeline.Ack]) -> Outcome {
        let start = landed.count
        guard let lastStored = acks.lastIndex(where: {
            if case .stored = $0 { return true }
            return false
        }) else {
            return outcome(of: acks.first)
        }
        guard case .stored(let sequence, _) = acks[lastStored] else { return .done }
        let firstSequence = sequence - UInt64(lastStored)
        for offset in 0...lastStored {
            landed.append(firstSequence + UInt64(offset))
            landedTimes.append(time)
        }
        anchor = .sequence(sequence)
        if start + lastStored + 1 == indices.count { return .done }
        return outcome(of: acks[lastStored + 1])
    }

    private func outcome(of ack: PublishPipeline.Ack?) -> Outcome {
        switch ack {
        case .none, .stored: return .done
        case .unknown(let error): return .unknown(error)
        case .refused(let error):
            if case .jetStream(let code, _) = error,
               code == Int(JSStreamWrongLastSequenceErr.rawValue)
                || code == Int(JSStreamWrongLastMsgIDErr.rawValue)
            {
                return .conflict
            }
            return .refused(error)
        }
    }
}
