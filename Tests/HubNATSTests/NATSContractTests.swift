import HubCore
import XCTest

@testable import HubNATS

/// The engine contract on NATS JetStream, each test in a namespace of its own.
final class NATSContractTests: NATSTestCase {
    private func contract() -> EventLogContract {
        EventLogContract { clock in
            try self.openLog(NATSEventLog.Options(clock: { clock.now() }, bucketReplicas: 1))
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
