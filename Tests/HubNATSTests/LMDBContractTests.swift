import Foundation
import HubCore
import HubLMDB
import XCTest

/// The engine contract on the embedded LMDB log, in a temporary directory.
final class LMDBContractTests: XCTestCase {
    private var scratch = ""
    private var logs: [LMDBEventLog] = []

    override func setUpWithError() throws {
        let template = NSTemporaryDirectory() + "hubcontract-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else { throw TestServerError("no temporary directory") }
        scratch = String(cString: made)
    }

    override func tearDown() {
        logs.forEach { $0.close() }
        logs = []
        try? FileManager.default.removeItem(atPath: scratch)
    }

    private func contract() -> EventLogContract {
        EventLogContract { clock in
            let log = try LMDBEventLog.open(
                directory: self.scratch + "/data",
                options: LMDBEventLog.Options(clock: { clock.now() }, autoPurgeInterval: nil))
            self.logs.append(log)
            return log
        }
    }

    func testHubsAreCreatedListedShownAndDeleted() throws {
        try contract().hubsAreCreatedListedShownAndDeleted()
    }

    func testAHubCreatedAgainUnderItsNameStartsEmpty() throws {
        try contract().aHubCreatedAgainUnderItsNameStartsEmpty()
    }

    func testNamesAreFoundInAnyCaseUnderTheSpellingTheyWereCreatedWith() throws {
        try contract().namesAreFoundInAnyCaseUnderTheSpellingTheyWereCreatedWith()
    }

    func testAHubsRetentionAndMaxEventSizeChangeAndNothingElse() throws {
        try contract().aHubsRetentionAndMaxEventSizeChangeAndNothingElse()
    }

    func testHubSettingsOutOfRangeOrOfNoHubAreRefusedAndChangeNothing() throws {
        try contract().hubSettingsOutOfRangeOrOfNoHubAreRefusedAndChangeNothing()
    }

    func testAShorterRetentionExpiresEventsAlreadyKept() throws {
        try contract().aShorterRetentionExpiresEventsAlreadyKept()
    }

    func testConsumerGroupsAreCreatedListedAndDeletedWithTheirCheckpoints() throws {
        try contract().consumerGroupsAreCreatedListedAndDeletedWithTheirCheckpoints()
    }

    func testSequenceNumbersAreContiguousFromZeroPerPartitionInBatchOrder() throws {
        try contract().sequenceNumbersAreContiguousFromZeroPerPartitionInBatchOrder()
    }

    func testOversizeEventsAndBatchesPublishNothing() throws {
        try contract().oversizeEventsAndBatchesPublishNothing()
    }

    func testKeysContentTypesAndPropertiesRoundTripExactly() throws {
        try contract().keysContentTypesAndPropertiesRoundTripExactly()
    }

    func testEveryPositionKindStartsWhereItSays() throws {
        try contract().everyPositionKindStartsWhereItSays()
    }

    func testPartitionStatesCountWhatWasPublished() throws {
        try contract().partitionStatesCountWhatWasPublished()
    }

    func testCheckpointsAreSetReplacedAndCleared() throws {
        try contract().checkpointsAreSetReplacedAndCleared()
    }

    func testPurgeRemovesWhatRetentionExpiredAsOfNow() throws {
        try contract().purgeRemovesWhatRetentionExpiredAsOfNow()
    }

    func testSchemasAreRegisteredVersionedAndBound() throws {
        try contract().schemasAreRegisteredVersionedAndBound()
    }

    func testConcurrentRegistrationsGetDistinctVersions() throws {
        try contract().concurrentRegistrationsGetDistinctVersions()
    }

    func testSchemaNamesAreFoundInAnyCaseUnderTheSpellingTheyWereCreatedWith() throws {
        try contract().schemaNamesAreFoundInAnyCaseUnderTheSpellingTheyWereCreatedWith()
    }

    func testConcurrentSchemaGroupsDifferingInCaseClash() throws {
        try contract().concurrentSchemaGroupsDifferingInCaseClash()
    }
}
