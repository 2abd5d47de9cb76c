#pragma once

namespace docrag::test {

// A failure FakeOpenAiServer plays for one request instead of answering it properly.
enum class FakeFault {
    None,
    RateLimited,     // 429 with Retry-After and an OpenAI error JSON
    ServerError,     // 500 with an OpenAI error JSON (and Retry-After when one was given)
    MalformedJson,   // 200 with a broken JSON body; a stream gets a chunk of broken JSON, then [DONE]
    TruncatedStream, // the response stops mid-way (mid-event for a stream) and the connection closes
    DropConnection,  // the socket closes without a single byte of response
    StreamError,     // a stream sends some tokens, then `data: {"error":{...}}`, then [DONE] (as vLLM
                     // does); a request that did not ask for a stream gets a 500 instead
    EchoKey,         // 401 with an OpenAI error JSON that repeats the Authorization value it was sent
    EchoHeaders,     // 502 with an HTML page (a proxy's) listing every request header, Authorization too
    Redirect,        // 307 to FakeOpenAiSettings::redirectTo followed by the request's path
};

} // namespace docrag::test
