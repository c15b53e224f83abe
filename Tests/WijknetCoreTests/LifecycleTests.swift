import Testing
@testable import WijknetCore

@Suite struct LifecycleTests {
    @Test func meetingRouteRunsToClosed() throws {
        var status = RequestStatus.registered
        for event in [RequestEvent.routeToMeeting, .decide, .startSupport, .startSupport, .close] {
            status = try RequestLifecycle.next(after: status, on: event)
        }
        #expect(status == .closed)
    }

    @Test func directRouteCanStillGoToTheMeeting() throws {
        let routed = try RequestLifecycle.next(after: .registered, on: .routeDirect)
        #expect(try RequestLifecycle.next(after: routed, on: .routeToMeeting) == .inMeeting)
    }

    @Test func refusesStepsOutOfOrder() {
        #expect(throws: RequestLifecycle.TransitionError.self) { try RequestLifecycle.next(after: .registered, on: .startSupport) }
        #expect(throws: RequestLifecycle.TransitionError.self) { try RequestLifecycle.next(after: .closed, on: .close) }
        #expect(throws: RequestLifecycle.TransitionError.self) { try RequestLifecycle.next(after: .decided, on: .decide) }
    }

    @Test func listsOnlyPossibleEvents() {
        #expect(RequestLifecycle.events(from: .registered) == [.routeDirect, .routeToMeeting, .close])
        #expect(RequestLifecycle.events(from: .closed).isEmpty)
    }
}
