import CNATS
import HubCore

/// Publishes a run of JetStream messages without waiting between them, then collects each
/// message's acknowledgement: one round trip for the whole run.
///
/// Each message is sent with a reply subject of its own under a fresh inbox, so that an
/// acknowledgement names the message it belongs to. The JetStream API is the same one
/// `js_PublishMsg` uses; the pipeline only avoids waiting for one answer before sending the
/// next message. Used by one thread at a time; each `publish` has its own inbox.
struct PublishPipeline {
    let connection: NATSConnection
    /// Runs shorter than this are flushed at once instead of waiting for libnats' flusher.
    static let flushBelow = 32

    /// What the server answered for one message.
    enum Ack: Equatable {
        /// Stored at `sequence`; `duplicate` when an earlier send with the same message id was.
        case stored(sequence: UInt64, duplicate: Bool)
        /// Refused: a JetStream error code and its text.
        case refused(NATSError)
        /// No answer in time, or nobody to answer: it may or may not be stored.
        case unknown(NATSError)
    }

    /// Sends `messages` (their `reply` is set here) and returns one `Ack` per message, in
    /// order, waiting at most `timeoutMillis` for all of them.
    func publish(_ messages: [OutgoingMessage], timeoutMillis: Int64) throws -> [Ack] {
        guard !messages.isEmpty else { return [] }
        let inbox = NATSConnection.newInbox()
        let replies = try SyncSubscription(connection, subject: inbox + ".*")
        var acks = [Ack?](repeating: nil, count: messages.count)
        var sendError: NATSError?
        var sent = 0
        for (index, message) in messages.enumerated() {
            var message = message
            message.reply = inbox + "." + String(index)
            do {
                try connection.publish(message)
                sent += 1
            } catch let error as NATSError {
                sendError = error
                break
            }
        }
        // libnats sends buffered messages from a flusher thread that first waits a
        // millisecond for more; a flush sends them now (and costs one small round trip).
        // Measured on loopback: single events go from about 1,000 to 5,000 per second; long
        // runs gain nothing from it, so they are left to the flusher.
        if sent > 0, sent < PublishPipeline.flushBelow, sendError == nil {
            do {
                try connection.flush(timeoutMillis: timeoutMillis)
            } catch let error as NATSError {
                sendError = error
            }
        }

        let deadline = MonotonicClock.millis() + timeoutMillis
        var pending = sent
        var waitError: NATSError?
        while pending > 0 {
            let left = deadline - MonotonicClock.millis()
            guard left > 0 else { break }
            let reply: IncomingMessage
            do {
                // A no-responders answer (no leader right now) or a lost connection ends the wait.
                guard let next = try replies.next(timeoutMillis: left) else { break }
                reply = next
            } catch let error as NATSError {
                waitError = error
                break
            }
            guard let dot = reply.subject.lastIndex(of: "."),
                  let index = Int(reply.subject[reply.subject.index(after: dot)...]),
                  index < acks.count, acks[index] == nil
            else { continue }
            acks[index] = PublishPipeline.ack(from: reply)
            pending -= 1
        }
        let missing = sendError ?? waitError ?? NATSError.timeout(
            "no acknowledgement within \(timeoutMillis) ms")
        return acks.map { $0 ?? .unknown(missing) }
    }

    /// Reads a JetStream publish answer: `{"stream":..,"seq":N[,"duplicate":true]}` or
    /// `{"error":{"code":..,"err_code":..,"description":..}}`.
    static func ack(from reply: IncomingMessage) -> Ack {
        if reply.isNoResponders {
            return .unknown(.noResponders("no stream answered (no leader right now?)"))
        }
        let body = Array(reply.body)
        guard let json = try? JSONValue.parse(bytes: body) else {
            return .unknown(.status(code: 0, text: "unreadable acknowledgement"))
        }
        if let error = json["error"] {
            let code = Int(error["err_code"]?.numberText ?? "") ?? 0
            let text = error["description"]?.stringValue ?? "refused"
            let failure = NATSError.jetStream(code: code, description: text)
            return failure.retrySafe ? .unknown(failure) : .refused(failure)
        }
        guard let text = json["seq"]?.numberText, let sequence = UInt64(text) else {
            return .unknown(.status(code: 0, text: "acknowledgement without a sequence"))
        }
        return .stored(sequence: sequence, duplicate: json["duplicate"] == .bool(true))
    }
}

extension JSONValue {
    var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }
}
