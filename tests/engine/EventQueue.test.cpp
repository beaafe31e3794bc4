#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>
#include <vector>

#include "sim/engine/EventQueue.hpp"
#include "sim/engine/Random.hpp"

using namespace samverkan::engine;

namespace {
std::vector<int> drain(EventQueue<int>& q) {
    std::vector<int> out;
    while (!q.empty()) out.push_back(q.pop().payload);
    return out;
}
}  // namespace

TEST_CASE("events come out in time order", "[queue]") {
    EventQueue<int> q;
    q.push(30, 0, 3);
    q.push(10, 0, 1);
    q.push(20, 0, 2);
    CHECK(drain(q) == std::vector<int>{1, 2, 3});
}

TEST_CASE("at equal times, lower priority values come first", "[queue]") {
    EventQueue<int> q;
    q.push(10, 5, 3);
    q.push(10, -1, 1);
    q.push(10, 2, 2);
    CHECK(drain(q) == std::vector<int>{1, 2, 3});
}

TEST_CASE("at equal time and priority, events keep insertion order", "[queue]") {
    EventQueue<int> q;
    for (int i = 0; i < 100; ++i) q.push(7, 1, i);
    std::vector<int> expected(100);
    for (int i = 0; i < 100; ++i) expected[static_cast<std::size_t>(i)] = i;
    CHECK(drain(q) == expected);
}

TEST_CASE("a cancelled event never comes out", "[queue]") {
    EventQueue<int> q;
    q.push(1, 0, 1);
    const EventId middle = q.push(2, 0, 2);
    q.push(3, 0, 3);
    CHECK(q.cancel(middle));
    CHECK(q.size() == 2);
    CHECK(drain(q) == std::vector<int>{1, 3});
}

TEST_CASE("cancelling twice, after popping, or a default id does nothing", "[queue]") {
    EventQueue<int> q;
    const EventId a = q.push(1, 0, 1);
    const EventId b = q.push(2, 0, 2);
    CHECK(q.cancel(a));
    CHECK_FALSE(q.cancel(a));
    CHECK(q.pop().payload == 2);
    CHECK_FALSE(q.cancel(b));
    CHECK_FALSE(q.cancel(EventId{}));
    CHECK(q.empty());
}

TEST_CASE("a reused slot does not let a stale id cancel the new event", "[queue]") {
    EventQueue<int> q;
    const EventId old = q.push(1, 0, 1);
    q.pop();
    q.push(5, 0, 5);  // takes the freed slot
    CHECK_FALSE(q.cancel(old));
    CHECK(q.size() == 1);
}

TEST_CASE("nextTime skips cancelled heads", "[queue]") {
    EventQueue<int> q;
    const EventId first = q.push(1, 0, 1);
    q.push(4, 0, 4);
    q.cancel(first);
    CHECK(q.nextTime() == 4);
    q.pop();
    CHECK_FALSE(q.nextTime().has_value());
}

TEST_CASE("random pushes and cancels match a sorted reference", "[queue]") {
    Random rng("queue-test", 7);
    EventQueue<int> q;
    std::vector<std::tuple<Millis, int, int>> reference;  // time, priority, payload (payload = insertion order)
    std::vector<EventId> ids;
    for (int i = 0; i < 5000; ++i) {
        const Millis t = rng.uniformInt(0, 200);
        const int p = static_cast<int>(rng.uniformInt(-2, 2));
        ids.push_back(q.push(t, p, i));
        reference.emplace_back(t, p, i);
    }
    for (int i = 0; i < 5000; i += 3) {
        CHECK(q.cancel(ids[static_cast<std::size_t>(i)]));
        std::erase_if(reference, [&](const auto& r) { return std::get<2>(r) == i; });
    }
    std::sort(reference.begin(), reference.end());
    std::vector<int> expected;
    for (const auto& r : reference) expected.push_back(std::get<2>(r));
    CHECK(drain(q) == expected);
}

TEST_CASE("priorities across their whole range order ties, and come back as pushed", "[queue]") {
    EventQueue<int> q;
    using Q = EventQueue<int>;
    q.push(5, Q::kMaxPriority, 0);
    q.push(5, 0, 1);
    q.push(5, Q::kMinPriority, 2);
    q.push(5, -1, 3);
    q.push(4, Q::kMaxPriority, 4);
    const auto first = q.pop();
    CHECK(first.payload == 4);
    CHECK(first.priority == Q::kMaxPriority);
    CHECK(first.seq == 5);
    const auto second = q.pop();
    CHECK(second.payload == 2);
    CHECK(second.priority == Q::kMinPriority);
    CHECK(second.seq == 3);
    CHECK(q.pop().payload == 3);
    const auto fourth = q.pop();
    CHECK(fourth.payload == 1);
    CHECK(fourth.priority == 0);
    CHECK(q.pop().priority == Q::kMaxPriority);
    CHECK(q.empty());
}
