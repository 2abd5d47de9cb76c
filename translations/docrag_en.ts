<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ByteSize</name>
    <message>
        <source>%1 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The request is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file could not be read or written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document could not be parsed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text encoding could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is larger than the limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored data is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server refused more requests for now (rate limit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server failed to answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server refused the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside DocRag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Details: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtractiveAnswerer</name>
    <message>
        <source>The documentation does not seem to answer this: no passage found shares the question&apos;s words. Try other words, or check that the right collection is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the documentation (extractive answer, quoted without a language model):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileProcessor</name>
    <message>
        <source>cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported file type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no extractable text (scanned PDF?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no text content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embedding failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocationText</name>
    <message>
        <source>page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lines %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarkdownExport</name>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceLoader</name>
    <message>
        <source>— page %1 —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is no longer on disk; showing the text as it was ingested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document is no longer in the collection “%1”. Showing the passage as it was when the answer was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source changed since the answer was given: the cited passage is not in the document as it was. It read:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranscriptRenderer</name>
    <message>
        <source>Not a DocRag link, not opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extractive answer (offline, no language model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cut off at the length limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DocRag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▲ Helpful ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▲ Helpful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▼ Not helpful ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▼ Not helpful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::ApiKeyStore</name>
    <message>
        <source>access to the keychain was denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain service is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain service answered; is GNOME Keyring, KWallet or another Secret Service running?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::AppSettings</name>
    <message>
        <source>The base URL must be an http:// or https:// URL, such as http://localhost:11434/v1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::ChatPane</name>
    <message>
        <source>Ask a question about your documentation. Answers cite their sources as [1], [2]…; click one to see the passage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which collections answers draw on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching and answering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the answer so far is kept, with its sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer reached the model&apos;s length limit and was cut off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered from the cache: the same question was answered a moment ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extractive answer: quoted from the documentation, no language model used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered by %1 in %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load the conversation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was wrong with this answer? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The questions and answers of this conversation. Tab moves between its links, such as citations; Enter opens one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter sends the question, Shift+Enter starts a new line, Esc stops an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search &amp;in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer with sources yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Source [%1] of %n: %2</source>
        <translation>
            <numerusform>Source [%1] of %n: %2</numerusform>
            <numerusform>Source [%1] of %n: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>docrag::ConversationList</name>
    <message>
        <source>Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln messages, last %1</source>
        <translation>
            <numerusform>%Ln message, last %1</numerusform>
            <numerusform>%Ln messages, last %1</numerusform>
        </translation>
    </message>
    <message>
        <source>New title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier conversations, newest first. Enter opens one, F2 renames it, Delete deletes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected conversation (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected conversation (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rena&amp;me conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the conversation “%1”? Its questions and answers cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::DashboardView</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No snapshot yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy snapshot as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every figure of the last hour, for a bug report. Slow operations name their question or file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests, last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency, avg / p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache hits, response · embedding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory, resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vector index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model server, since start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no calls in the last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency, p95 per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: every call of the last hour was under its threshold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for the first snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln searches</source>
        <translation>
            <numerusform>%Ln search</numerusform>
            <numerusform>%Ln searches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answers</source>
        <translation>
            <numerusform>%Ln answer</numerusform>
            <numerusform>%Ln answers</numerusform>
        </translation>
    </message>
    <message>
        <source>no answers in the last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer %1 · first token p95 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · no searches in the last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no cache lookups yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no lookups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>response %1 · embedding %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured on this system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target: under %1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over the %1 MiB target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no collections yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>in %Ln collections</source>
        <translation>
            <numerusform>in %Ln collection</numerusform>
            <numerusform>in %Ln collections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ingesting %1 files/s, %Ln to go</source>
        <comment>files</comment>
        <translation>
            <numerusform>ingesting %1 files/s, %Ln to go</numerusform>
            <numerusform>ingesting %1 files/s, %Ln to go</numerusform>
        </translation>
    </message>
    <message>
        <source>database %1 · logs %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model-server calls since start</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln requests · %1 prompt + %2 completion tokens</source>
        <translation>
            <numerusform>%Ln request · %1 prompt + %2 completion tokens</numerusform>
            <numerusform>%Ln requests · %1 prompt + %2 completion tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot taken at %1 in %2 ms · running for %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 95th percentile latency of searches and answers, minute by minute, over the last hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many searches and answers ran each minute over the last hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DocRag&apos;s resident memory over the last hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performance dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session, last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every process, last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timings of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every process: the desktop app and docrag-cli on this data folder, from the statistics they keep in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no calls in the last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests, last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answers in the last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · no searches in the last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 95th percentile latency of searches and answers of every process, minute by minute, over the last 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many searches and answers every process ran each minute over the last 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::DocumentLinkOpener</name>
    <message>
        <source>Link in the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link runs a script or carries data:

%1

DocRag does not open such links.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link leads outside the document:

%1

Open it with the system&apos;s application for it?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::FileReportModel</name>
    <message numerus="yes">
        <source>%Ln passages</source>
        <translation>
            <numerusform>%Ln passage</numerusform>
            <numerusform>%Ln passages</numerusform>
        </translation>
    </message>
    <message>
        <source>indexed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::FindBar</name>
    <message>
        <source>Find in page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter finds the next match, Shift+Enter the previous one, Esc closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n</source>
        <translation>
            <numerusform>%1 of %n</numerusform>
            <numerusform>%1 of %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>docrag::HealthIndicator</name>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: OK</source>
        <comment>health light; %1 is Database, Index or Model</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: limited</source>
        <comment>health light: works with a limitation</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: failing</source>
        <comment>health light</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown</source>
        <comment>health light: not checked yet</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::IngestLimitsBox</name>
    <message>
        <source>Limits for each file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file that reaches a limit is indexed up to it, and its status says where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passages per file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Largest file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML &amp;nesting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Memory for files read together:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest bl&amp;ock (characters):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::IngestTask</name>
    <message>
        <source>%1: cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: cancelled (%Ln indexed before the cancel are kept; ingest again to resume)</source>
        <comment>files</comment>
        <translation>
            <numerusform>%1: cancelled (%Ln indexed before the cancel is kept; ingest again to resume)</numerusform>
            <numerusform>%1: cancelled (%Ln indexed before the cancel are kept; ingest again to resume)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln indexed</source>
        <comment>files</comment>
        <translation>
            <numerusform>%Ln indexed</numerusform>
            <numerusform>%Ln indexed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unchanged</source>
        <comment>files</comment>
        <translation>
            <numerusform>%Ln unchanged</numerusform>
            <numerusform>%Ln unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped</source>
        <comment>files</comment>
        <translation>
            <numerusform>%Ln skipped</numerusform>
            <numerusform>%Ln skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <comment>files</comment>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln removed</source>
        <comment>files</comment>
        <translation>
            <numerusform>%Ln removed</numerusform>
            <numerusform>%Ln removed</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 in %3 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::IngestWizard</name>
    <message>
        <source>Add documentation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::LibraryStatusLabel</name>
    <message>
        <source>Syncing the team library %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Syncing “%1” from the team library %2: %3 of %Ln files…</source>
        <translation>
            <numerusform>Syncing “%1” from the team library %2: %3 of %Ln file…</numerusform>
            <numerusform>Syncing “%1” from the team library %2: %3 of %Ln files…</numerusform>
        </translation>
    </message>
    <message>
        <source>The team library %1 could not be synced; its collections answer from their last sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Team library %1 synced: %Ln files changed.</source>
        <translation>
            <numerusform>Team library %1 synced: %Ln file changed.</numerusform>
            <numerusform>Team library %1 synced: %Ln files changed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Team library %1 synced, with a problem: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::LibraryView</name>
    <message>
        <source>Search all documentation (works offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1  (%Ln documents, %2)</source>
        <translation>
            <numerusform>%1  (%Ln document, %2)</numerusform>
            <numerusform>%1  (%Ln documents, %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln passages</source>
        <translation>
            <numerusform>%Ln passage</numerusform>
            <numerusform>%Ln passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>interrupted: %1 of %Ln files done</source>
        <translation>
            <numerusform>interrupted: %1 of %Ln file done</numerusform>
            <numerusform>interrupted: %1 of %Ln files done</numerusform>
        </translation>
    </message>
    <message>
        <source>The last ingest of this collection did not finish. Right-click (or press the menu key) and choose Resume ingest to finish it; what was stored is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2 of %Ln files)</source>
        <translation>
            <numerusform>%1 (%2 of %Ln file)</numerusform>
            <numerusform>%1 (%2 of %Ln files)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>being ingested: %1 of %Ln files</source>
        <translation>
            <numerusform>being ingested: %1 of %Ln file</numerusform>
            <numerusform>being ingested: %1 of %Ln files</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Resume ingest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Search failed: %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing matches “%1”.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collections, their documents and the documents&apos; headings. Selecting one shows it in the source viewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab moves between the results; Enter opens one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an API name or any words. Up and Down choose among the API names found, Enter opens one, Esc returns to the chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in sync with its folders. Last synced: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in sync: DocRag watches its folders and ingests what changes. Last synced: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in sync: its folders cannot be watched (%1), so DocRag looks for changes every few minutes. Last synced: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep in sync with its folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synced %1, checked every few minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team library, synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy of a collection of a team library, searched on this computer. DocRag syncs it from the library every few minutes; it changes only there. Last synced: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::MainWindow</name>
    <message>
        <source>DocRag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted ingest: %1. Resume it from the library&apos;s context menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add documentation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performance &amp;dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Regenerate answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown: the database failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, schema %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no documents yet: add some with File › Add documentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln collections, %1, vector indexes %2</source>
        <translation>
            <numerusform>%Ln collection, %1, vector indexes %2</numerusform>
            <numerusform>%Ln collections, %1, vector indexes %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln passages</source>
        <translation>
            <numerusform>%Ln passage</numerusform>
            <numerusform>%Ln passages</numerusform>
        </translation>
    </message>
    <message>
        <source>no model server configured: answers are extractive (offline). Set one in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, model %2, answered in %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not answer: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ingesting: %1 of %Ln files, about %2 s left</source>
        <translation>
            <numerusform>Ingesting: %1 of %Ln file, about %2 s left</numerusform>
            <numerusform>Ingesting: %1 of %Ln files, about %2 s left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ingesting: %1 of %Ln files</source>
        <translation>
            <numerusform>Ingesting: %1 of %Ln file</numerusform>
            <numerusform>Ingesting: %1 of %Ln files</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot resume: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another ingest is running; resume when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the &amp;library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ask a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back in source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;orward in source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Team libraries…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::OptionsPage</name>
    <message>
        <source>Collection and embedder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A collection is what questions and searches are asked of. Ingesting into an existing collection adds new files and updates changed ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ingest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: python, react, internal… (to filter by)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in (offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Collection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Doc type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Embedder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configure an OpenAI-compatible server in Settings to use it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the collection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new collection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Adds to the existing collection (%Ln documents, embedder %1).</source>
        <translation>
            <numerusform>Adds to the existing collection (%Ln document, embedder %1).</numerusform>
            <numerusform>Adds to the existing collection (%Ln documents, embedder %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Configure its model server in Settings first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No list price is known for %1; a local server costs nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About $%1, assuming %2&apos;s list price of $%3 per 1M tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The texts are sent to the model server to be embedded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in embedder runs on this computer: nothing leaves it, and it costs nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimating the size…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>About %1 tokens to embed (from %Ln sampled files).</source>
        <translation>
            <numerusform>About %1 tokens to embed (from %Ln sampled file).</numerusform>
            <numerusform>About %1 tokens to embed (from %Ln sampled files).</numerusform>
        </translation>
    </message>
    <message>
        <source>Passages embedded before are reused, so adding to a collection costs less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep in sync: ingest what changes in these folders while DocRag runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also share the collection in a team library (File &gt; Team libraries…): the documents are sent there once ingested here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Share in:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::ProgressPage</name>
    <message>
        <source>about %1 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 h %2 min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingesting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can close this window: the ingest continues in the background and its progress shows in the status bar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another ingest (of &quot;%1&quot;) is still running: wait for it to finish, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 done, %Ln passages written</source>
        <translation>
            <numerusform>%1 of %2 done, %Ln passage written</numerusform>
            <numerusform>%1 of %2 done, %Ln passages written</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s, %2 embeddings/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling… the files already stored stay in the collection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel &amp;ingest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each file of the ingest with its status and, when it was skipped or failed, the reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::QuestionEdit</name>
    <message>
        <source>Ask about your documentation…  (Enter sends, Shift+Enter adds a line)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sk-… (not needed for most local servers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model server (OpenAI or compatible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: OpenAI. Ollama: http://localhost:11434/v1, llama.cpp&apos;s llama-server: http://localhost:8080/v1. With neither a key nor a URL, DocRag works offline with extractive answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chat model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Embedding model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dimensions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies to files ingested from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect when DocRag starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used when DocRag starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers, ingestion and interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passages per answer (top-k):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hunk size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is unavailable (%1). The key will be used for this session only; it is never saved in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key stored. A key entered here is kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model server set: enter a base URL or an API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected: %Ln models, %1 ms</source>
        <translation>
            <numerusform>Connected: %Ln model, %1 ms</numerusform>
            <numerusform>Connected: %Ln models, %1 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>Shared collections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team lib&amp;raries…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::SourceViewer</name>
    <message>
        <source>Click a citation or a library item to see its source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in system viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show the source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lines %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document a passage came from, with the passage highlighted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the previous place (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward again (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application is set up to open %1 on this system.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::SourcesPage</name>
    <message>
        <source>Choose the documentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders are searched recursively; .gitignore and .docragignore files are honoured, and build, dependency and hidden folders are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop folders or files here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. *.md *.html (empty: every supported file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One gitignore-style pattern a line, e.g.
drafts/
*.min.js</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xclude:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder of documentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add documentation files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documentation (*.md *.markdown *.mdx *.html *.htm *.rst *.txt *.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add folders or files (or drop them on the list) to see what will be ingested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the files: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln files, %1 will be ingested</source>
        <translation>
            <numerusform>%Ln file, %1 will be ingested</numerusform>
            <numerusform>%Ln files, %1 will be ingested</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %Ln skipped (unsupported type, too large or unreadable)</source>
        <comment>files</comment>
        <translation>
            <numerusform>%1; %Ln skipped (unsupported type, too large or unreadable)</numerusform>
            <numerusform>%1; %Ln skipped (unsupported type, too large or unreadable)</numerusform>
        </translation>
    </message>
    <message>
        <source>Folders and files to ingest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add fi&amp;les…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Include file names:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::SymbolSuggestions</name>
    <message>
        <source>API names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Functions, classes and other API names that match what you type. Up and Down choose one, Enter opens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (%2, %3: %4)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docrag::SyncStatusLabel</name>
    <message>
        <source>Syncing “%1” with its folders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not sync “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“%1” synced: %Ln files were not indexed; a file indexed before keeps its last good version.</source>
        <translation>
            <numerusform>“%1” synced: %Ln file was not indexed; if it was indexed before, it keeps its last good version.</numerusform>
            <numerusform>“%1” synced: %Ln files were not indexed; a file indexed before keeps its last good version.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” synced: %Ln files changed.</source>
        <translation>
            <numerusform>“%1” synced: %Ln file changed.</numerusform>
            <numerusform>“%1” synced: %Ln files changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>docrag::TeamFeedbackView</name>
    <message>
        <source>Team feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refres&amp;h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not helpful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helpful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the team libraries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No team library is subscribed (File &gt; Team libraries…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feedback has been shared with the team libraries yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln questions with feedback, those most often not helpful first.</source>
        <translation>
            <numerusform>%Ln question with feedback, those most often not helpful first.</numerusform>
            <numerusform>%Ln questions with feedback, those most often not helpful first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>docrag::TeamLibrariesDialog</name>
    <message>
        <source>Team libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collections shared by your team in a PostgreSQL database. DocRag keeps a copy of each on this computer, searches the copy, and syncs it every few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unsubscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send my &amp;feedback on its answers to the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in the system keychain; empty: ~/.pgpass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — synced %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribed. Its collections arrive with the first sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the copies of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribed; the library keeps its collections.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>DocRag cannot open its data:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
