import Foundation
import Testing
import TandemCore
@testable import TandemViewModel

/// The background runner's effect model, with a stand-in for the workspace: effects under an id
/// cancel the one in flight, a debounced effect that is replaced never starts, and long work runs
/// beside the ordinary effects. Every wait is on an event, with a deadline.
@Suite struct EffectRunnerTests {
    /// Answers `resolveCRM` with its text, `loadJobs` with no jobs and `retryAll` with a notice;
    /// a text or effect named in `held` waits until `release` is called for it.
    final class StandIn: @unchecked Sendable {
        private let lock = NSLock()
        private var gates: [String: DispatchSemaphore] = [:]
        private var startedNames: [String] = []
        let arrived = DispatchSemaphore(value: 0)

        init(held: [String]) { for name in held { gates[name] = DispatchSemaphore(value: 0) } }

        var started: [String] { lock.withLock { startedNames } }
        func release(_ name: String) { lock.withLock { gates[name] }?.signal() }

        func perform(_ effect: Effect, deliver: (Action) -> Void) {
            let (name, action): (String, Action) = switch effect {
            case .resolveCRM(_, let text, let generation): (text, .crmResolved(generation: generation, nil, error: text))
            case .retryAll: ("retryAll", .notice("retried"))
            default: ("loadJobs", .jobsLoaded([]))
            }
            let gate = lock.withLock {
                startedNames.append(name)
                return gates[name]
            }
            arrived.signal()
            gate?.wait()
            deliver(action)
        }
    }

    /// Waits until `condition` holds, woken by the runner; false if it never did within the deadline.
    func waitUntil(_ runner: BackgroundRunner, _ standIn: StandIn, _ condition: () -> Bool) -> Bool {
        let deadline = DispatchTime.now() + .seconds(20)
        while !condition() {
            if standIn.arrived.wait(timeout: deadline) == .timedOut { return condition() }
        }
        return true
    }

    /// Takes the runner's actions until it has nothing running and nothing left to take.
    func drain(_ runner: BackgroundRunner, _ standIn: StandIn) -> [Action] {
        var actions: [Action] = []
        #expect(waitUntil(runner, standIn) {
            actions += runner.takeActions()
            return !runner.isBusy
        })
        return actions
    }

    func runner(_ standIn: StandIn) -> BackgroundRunner {
        BackgroundRunner(wake: { standIn.arrived.signal() }, perform: standIn.perform)
    }

    func search(_ text: String, generation: Int, debounce: Duration = .zero) -> Effect {
        .cancellable(.couplingSearch, debounce: debounce, .resolveCRM(.customers, text: text, generation: generation))
    }

    @Test func aNewerSearchDropsTheAnswerOfTheOneStillRunning() {
        let standIn = StandIn(held: ["Ada"])
        let runner = runner(standIn)
        runner.run(search("Ada", generation: 1))
        #expect(waitUntil(runner, standIn) { standIn.started == ["Ada"] })
        runner.run(search("Adat", generation: 2))
        var actions: [Action] = []
        #expect(waitUntil(runner, standIn) { actions += runner.takeActions(); return !actions.isEmpty })
        standIn.release("Ada")
        actions += drain(runner, standIn)
        #expect(actions == [.crmResolved(generation: 2, nil, error: "Adat")])
    }

    @Test func aDebouncedSearchThatIsReplacedNeverStarts() {
        let standIn = StandIn(held: [])
        let runner = runner(standIn)
        runner.run(search("A", generation: 1, debounce: .seconds(3600)))
        runner.run(search("Ad", generation: 2, debounce: .seconds(3600)))
        runner.run(search("Ada", generation: 3))
        #expect(drain(runner, standIn) == [.crmResolved(generation: 3, nil, error: "Ada")])
        #expect(standIn.started == ["Ada"])
    }

    @Test func cancellingAnIDDropsWhatRunsUnderIt() {
        let standIn = StandIn(held: ["Ada"])
        let runner = runner(standIn)
        runner.run(search("Ada", generation: 1))
        runner.run(.cancel(.couplingSearch))
        standIn.release("Ada")
        #expect(drain(runner, standIn).isEmpty)
    }

    @Test func longWorkRunsBesideTheOrdinaryEffects() {
        let standIn = StandIn(held: ["retryAll"])
        let runner = runner(standIn)
        runner.run(.retryAll)
        runner.run(.loadJobs)
        var actions: [Action] = []
        #expect(waitUntil(runner, standIn) { actions += runner.takeActions(); return !actions.isEmpty })
        #expect(actions == [.jobsLoaded([])])
        standIn.release("retryAll")
        #expect(drain(runner, standIn) == [.notice("retried")])
    }
}
