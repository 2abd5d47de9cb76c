#pragma once

#include "tests/support/fake_fault.h"
#include "tests/support/fake_openai_settings.h"

namespace docrag::test {

// What FakeOpenAiServer decided for one request when it arrived.
struct FakeRequestTicket final {
    FakeFault fault = FakeFault::None;
    int retryAfterSeconds = 0;
    FakeOpenAiSettings settings;
    int sequence = 0; // 1 for the first request since the server started; used in response ids
};

} // namespace docrag::test
