<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ByteSize</name>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The request is not valid.</source>
        <translation>Die Anfrage ist ungültig.</translation>
    </message>
    <message>
        <source>It was not found.</source>
        <translation>Das Element wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>It exists already.</source>
        <translation>Das Element existiert bereits.</translation>
    </message>
    <message>
        <source>A file could not be read or written.</source>
        <translation>Eine Datei konnte nicht gelesen oder geschrieben werden.</translation>
    </message>
    <message>
        <source>The database reported an error.</source>
        <translation>Die Datenbank hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>The document could not be parsed.</source>
        <translation>Das Dokument konnte nicht verarbeitet werden.</translation>
    </message>
    <message>
        <source>This is not supported.</source>
        <translation>Dies wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>The text encoding could not be read.</source>
        <translation>Die Textkodierung konnte nicht erkannt werden.</translation>
    </message>
    <message>
        <source>It is larger than the limit.</source>
        <translation>Die Größenbeschränkung wurde überschritten.</translation>
    </message>
    <message>
        <source>It was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The stored data is damaged.</source>
        <translation>Die gespeicherten Daten sind beschädigt.</translation>
    </message>
    <message>
        <source>The model server could not be reached.</source>
        <translation>Der Modellserver ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The model server did not answer in time.</source>
        <translation>Der Modellserver hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The model server refused more requests for now (rate limit).</source>
        <translation>Der Modellserver nimmt vorerst keine weiteren Anfragen an (Ratenbegrenzung).</translation>
    </message>
    <message>
        <source>The model server failed to answer.</source>
        <translation>Der Modellserver konnte nicht antworten.</translation>
    </message>
    <message>
        <source>The model server refused the API key.</source>
        <translation>Der Modellserver hat den API-Schlüssel abgelehnt.</translation>
    </message>
    <message>
        <source>The data folder cannot be written.</source>
        <translation>In den Datenordner kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Something went wrong inside DocRag.</source>
        <translation>In DocRag ist ein interner Fehler aufgetreten.</translation>
    </message>
    <message>
        <source>%1 Details: %2</source>
        <translation>%1 Details: %2</translation>
    </message>
</context>
<context>
    <name>ExtractiveAnswerer</name>
    <message>
        <source>The documentation does not seem to answer this: no passage found shares the question&apos;s words. Try other words, or check that the right collection is selected.</source>
        <translation>Die Dokumentation scheint darauf keine Antwort zu geben: Keine Textstelle enthält Wörter aus der Frage. Versuchen Sie andere Begriffe oder prüfen Sie, ob die richtige Sammlung ausgewählt ist.</translation>
    </message>
    <message>
        <source>From the documentation (extractive answer, quoted without a language model):</source>
        <translation>Aus der Dokumentation (extraktive Antwort, ohne Sprachmodell zitiert):</translation>
    </message>
</context>
<context>
    <name>FileProcessor</name>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>leere Datei</translation>
    </message>
    <message>
        <source>unsupported file type</source>
        <translation>nicht unterstützter Dateityp</translation>
    </message>
    <message>
        <source>no extractable text (scanned PDF?)</source>
        <translation>kein extrahierbarer Text (gescanntes PDF?)</translation>
    </message>
    <message>
        <source>no text content</source>
        <translation>kein Textinhalt</translation>
    </message>
    <message>
        <source>embedding failed: %1</source>
        <translation>Embedding fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>LocationText</name>
    <message>
        <source>page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>lines %1–%2</source>
        <translation>Zeilen %1–%2</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
</context>
<context>
    <name>MarkdownExport</name>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
</context>
<context>
    <name>SourceLoader</name>
    <message>
        <source>— page %1 —</source>
        <translation>— Seite %1 —</translation>
    </message>
    <message>
        <source>The file is no longer on disk; showing the text as it was ingested.</source>
        <translation>Die Datei ist nicht mehr auf dem Datenträger vorhanden; angezeigt wird der Text so, wie er eingelesen wurde.</translation>
    </message>
    <message>
        <source>This document is no longer in the collection “%1”. Showing the passage as it was when the answer was given.</source>
        <translation>Dieses Dokument ist nicht mehr in der Sammlung „%1“ enthalten. Angezeigt wird die Textstelle so, wie sie zum Zeitpunkt der Antwort lautete.</translation>
    </message>
    <message>
        <source>The source changed since the answer was given: the cited passage is not in the document as it was. It read:
%1</source>
        <translation>Die Quelle hat sich seit der Antwort geändert: Die zitierte Textstelle ist nicht mehr unverändert im Dokument enthalten. Sie lautete:
%1</translation>
    </message>
</context>
<context>
    <name>TranscriptRenderer</name>
    <message>
        <source>Not a DocRag link, not opened: %1</source>
        <translation>Kein DocRag-Verweis, nicht geöffnet: %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Extractive answer (offline, no language model)</source>
        <translation>Extraktive Antwort (offline, ohne Sprachmodell)</translation>
    </message>
    <message>
        <source>Generated by %1</source>
        <translation>Erzeugt von %1</translation>
    </message>
    <message>
        <source>from the cache</source>
        <translation>aus dem Cache</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>cut off at the length limit</source>
        <translation>an der Längenbegrenzung abgeschnitten</translation>
    </message>
    <message>
        <source>writing…</source>
        <translation>wird geschrieben…</translation>
    </message>
    <message>
        <source>%L1 ms</source>
        <translation>%L1 ms</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>DocRag</source>
        <translation>DocRag</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>▲ Helpful ✓</source>
        <translation>▲ Hilfreich ✓</translation>
    </message>
    <message>
        <source>▲ Helpful</source>
        <translation>▲ Hilfreich</translation>
    </message>
    <message>
        <source>▼ Not helpful ✓</source>
        <translation>▼ Nicht hilfreich ✓</translation>
    </message>
    <message>
        <source>▼ Not helpful</source>
        <translation>▼ Nicht hilfreich</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
</context>
<context>
    <name>docrag::ApiKeyStore</name>
    <message>
        <source>access to the keychain was denied</source>
        <translation>Zugriff auf den Schlüsselbund wurde verweigert</translation>
    </message>
    <message>
        <source>no keychain service is available</source>
        <translation>kein Schlüsselbunddienst verfügbar</translation>
    </message>
    <message>
        <source>no keychain service answered; is GNOME Keyring, KWallet or another Secret Service running?</source>
        <translation>kein Schlüsselbunddienst hat geantwortet; läuft GNOME Keyring, KWallet oder ein anderer Secret-Service-Dienst?</translation>
    </message>
</context>
<context>
    <name>docrag::AppSettings</name>
    <message>
        <source>The base URL must be an http:// or https:// URL, such as http://localhost:11434/v1.</source>
        <translation>Die Basis-URL muss eine http://- oder https://-URL sein, etwa http://localhost:11434/v1.</translation>
    </message>
</context>
<context>
    <name>docrag::ChatPane</name>
    <message>
        <source>Ask a question about your documentation. Answers cite their sources as [1], [2]…; click one to see the passage.</source>
        <translation>Stellen Sie eine Frage zu Ihrer Dokumentation. Antworten belegen ihre Quellen mit [1], [2]…; klicken Sie auf einen Beleg, um die Textstelle anzuzeigen.</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Which collections answers draw on</source>
        <translation>Sammlungen, auf die sich Antworten stützen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>All collections</source>
        <translation>Alle Sammlungen</translation>
    </message>
    <message>
        <source>Searching and answering…</source>
        <translation>Suche und Antwort laufen…</translation>
    </message>
    <message>
        <source>Stopped: the answer so far is kept, with its sources.</source>
        <translation>Angehalten: Die bisherige Antwort bleibt mit ihren Quellen erhalten.</translation>
    </message>
    <message>
        <source>The answer reached the model&apos;s length limit and was cut off.</source>
        <translation>Die Antwort hat die Längenbegrenzung des Modells erreicht und wurde abgeschnitten.</translation>
    </message>
    <message>
        <source>Answered from the cache: the same question was answered a moment ago.</source>
        <translation>Aus dem Cache beantwortet: Dieselbe Frage wurde gerade eben schon beantwortet.</translation>
    </message>
    <message>
        <source>Extractive answer: quoted from the documentation, no language model used.</source>
        <translation>Extraktive Antwort: aus der Dokumentation zitiert, ohne Sprachmodell.</translation>
    </message>
    <message>
        <source>Answered by %1 in %2 ms.</source>
        <translation>Beantwortet von %1 in %2 ms.</translation>
    </message>
    <message>
        <source>The answer failed: %1</source>
        <translation>Die Antwort ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Cannot load the conversation: %1</source>
        <translation>Die Unterhaltung kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Code copied.</source>
        <translation>Code kopiert.</translation>
    </message>
    <message>
        <source>Answer copied.</source>
        <translation>Antwort kopiert.</translation>
    </message>
    <message>
        <source>What was wrong with this answer? (optional)</source>
        <translation>Was war an dieser Antwort falsch? (optional)</translation>
    </message>
    <message>
        <source>Feedback not saved: %1</source>
        <translation>Rückmeldung nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>Unterhaltung exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>The questions and answers of this conversation. Tab moves between its links, such as citations; Enter opens one.</source>
        <translation>Die Fragen und Antworten dieser Unterhaltung. Die Tabulatortaste wechselt zwischen ihren Verweisen, etwa Belegen; die Eingabetaste öffnet einen.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Enter sends the question, Shift+Enter starts a new line, Esc stops an answer.</source>
        <translation>Die Eingabetaste sendet die Frage, Umschalt+Eingabetaste beginnt eine neue Zeile, Esc hält eine Antwort an.</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>Antwort anhalten (Esc)</translation>
    </message>
    <message>
        <source>Search &amp;in:</source>
        <translation>Suchen &amp;in:</translation>
    </message>
    <message>
        <source>No answer with sources yet.</source>
        <translation>Noch keine Antwort mit Quellen.</translation>
    </message>
    <message numerus="yes">
        <source>Source [%1] of %n: %2</source>
        <translation>
            <numerusform>Quelle [%1] von %n: %2</numerusform>
            <numerusform>Quelle [%1] von %n: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>docrag::ConversationList</name>
    <message>
        <source>Search conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln messages, last %1</source>
        <translation>
            <numerusform>%Ln Nachricht, zuletzt %1</numerusform>
            <numerusform>%Ln Nachrichten, zuletzt %1</numerusform>
        </translation>
    </message>
    <message>
        <source>New title:</source>
        <translation>Neuer Titel:</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Earlier conversations, newest first. Enter opens one, F2 renames it, Delete deletes it.</source>
        <translation>Frühere Unterhaltungen, die neueste zuerst. Die Eingabetaste öffnet eine, F2 benennt sie um, Entf löscht sie.</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Neue Unterhaltung beginnen (Strg+N)</translation>
    </message>
    <message>
        <source>Rename the selected conversation (F2)</source>
        <translation>Ausgewählte Unterhaltung umbenennen (F2)</translation>
    </message>
    <message>
        <source>Delete the selected conversation (Delete)</source>
        <translation>Ausgewählte Unterhaltung löschen (Entf)</translation>
    </message>
    <message>
        <source>Rena&amp;me conversation…</source>
        <translation>Unterhaltung &amp;umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete conversation…</source>
        <translation>Unterhaltung &amp;löschen…</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Unterhaltung löschen</translation>
    </message>
    <message>
        <source>Delete the conversation “%1”? Its questions and answers cannot be restored.</source>
        <translation>Die Unterhaltung „%1“ löschen? Ihre Fragen und Antworten lassen sich nicht wiederherstellen.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
</context>
<context>
    <name>docrag::DashboardView</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>No snapshot yet</source>
        <translation>Noch keine Momentaufnahme</translation>
    </message>
    <message>
        <source>Copy snapshot as JSON</source>
        <translation>Momentaufnahme als JSON kopieren</translation>
    </message>
    <message>
        <source>Every figure of the last hour, for a bug report. Slow operations name their question or file.</source>
        <translation>Alle Kennzahlen der letzten Stunde, für einen Fehlerbericht. Langsame Vorgänge nennen ihre Frage oder Datei.</translation>
    </message>
    <message>
        <source>Requests, last hour</source>
        <translation>Anfragen, letzte Stunde</translation>
    </message>
    <message>
        <source>Latency, avg / p95</source>
        <translation>Latenz, Mittel / p95</translation>
    </message>
    <message>
        <source>Cache hits, response · embedding</source>
        <translation>Cache-Treffer, Antwort · Embedding</translation>
    </message>
    <message>
        <source>Memory, resident</source>
        <translation>Arbeitsspeicher, resident</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Textstellen</translation>
    </message>
    <message>
        <source>Vector index</source>
        <translation>Vektorindex</translation>
    </message>
    <message>
        <source>Model server, since start</source>
        <translation>Modellserver, seit Start</translation>
    </message>
    <message>
        <source>search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>no calls in the last hour</source>
        <translation>keine Aufrufe in der letzten Stunde</translation>
    </message>
    <message>
        <source>Latency, p95 per minute</source>
        <translation>Latenz, p95 pro Minute</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Calls per minute</source>
        <translation>Aufrufe pro Minute</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Resident memory</source>
        <translation>Residenter Speicher</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>resident</source>
        <translation>resident</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>Slow operations</source>
        <translation>Langsame Vorgänge</translation>
    </message>
    <message>
        <source>None: every call of the last hour was under its threshold.</source>
        <translation>Keine: Jeder Aufruf der letzten Stunde lag unter seinem Schwellenwert.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>Dauer (ms)</translation>
    </message>
    <message>
        <source>Threshold (ms)</source>
        <translation>Schwellenwert (ms)</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>waiting for the first snapshot</source>
        <translation>erste Momentaufnahme steht noch aus</translation>
    </message>
    <message numerus="yes">
        <source>%Ln searches</source>
        <translation>
            <numerusform>%Ln Suche</numerusform>
            <numerusform>%Ln Suchen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answers</source>
        <translation>
            <numerusform>%Ln Antwort</numerusform>
            <numerusform>%Ln Antworten</numerusform>
        </translation>
    </message>
    <message>
        <source>no answers in the last hour</source>
        <translation>keine Antworten in der letzten Stunde</translation>
    </message>
    <message>
        <source>answer %1</source>
        <translation>Antwort %1</translation>
    </message>
    <message>
        <source>answer %1 · first token p95 %2</source>
        <translation>Antwort %1 · erstes Token p95 %2</translation>
    </message>
    <message>
        <source>search · %1</source>
        <translation>Suche · %1</translation>
    </message>
    <message>
        <source>%1 · no searches in the last hour</source>
        <translation>%1 · keine Suchen in der letzten Stunde</translation>
    </message>
    <message>
        <source>no cache lookups yet</source>
        <translation>noch keine Cache-Abfragen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>no lookups</source>
        <translation>keine Abfragen</translation>
    </message>
    <message>
        <source>response %1 · embedding %2</source>
        <translation>Antwort %1 · Embedding %2</translation>
    </message>
    <message>
        <source>not measured on this system</source>
        <translation>auf diesem System nicht gemessen</translation>
    </message>
    <message>
        <source>target: under %1 MiB</source>
        <translation>Ziel: unter %1 MiB</translation>
    </message>
    <message>
        <source>over the %1 MiB target</source>
        <translation>über dem Ziel von %1 MiB</translation>
    </message>
    <message>
        <source>no collections yet</source>
        <translation>noch keine Sammlungen</translation>
    </message>
    <message numerus="yes">
        <source>in %Ln collections</source>
        <translation>
            <numerusform>in %Ln Sammlung</numerusform>
            <numerusform>in %Ln Sammlungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ingesting %1 files/s, %Ln to go</source>
        <comment>files</comment>
        <translation>
            <numerusform>Einlesen mit %1 Dateien/s, noch %Ln Datei</numerusform>
            <numerusform>Einlesen mit %1 Dateien/s, noch %Ln Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>database %1 · logs %2</source>
        <translation>Datenbank %1 · Protokolle %2</translation>
    </message>
    <message>
        <source>no model-server calls since start</source>
        <translation>seit Start keine Aufrufe des Modellservers</translation>
    </message>
    <message numerus="yes">
        <source>%Ln requests · %1 prompt + %2 completion tokens</source>
        <translation>
            <numerusform>%Ln Anfrage · %1 Eingabe- + %2 Ausgabe-Tokens</numerusform>
            <numerusform>%Ln Anfragen · %1 Eingabe- + %2 Ausgabe-Tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Snapshot taken at %1 in %2 ms · running for %3</source>
        <translation>Momentaufnahme von %1, erstellt in %2 ms · läuft seit %3</translation>
    </message>
    <message>
        <source>The 95th percentile latency of searches and answers, minute by minute, over the last hour.</source>
        <translation>Die Latenz (95. Perzentil) von Suchen und Antworten, Minute für Minute, während der letzten Stunde.</translation>
    </message>
    <message>
        <source>How many searches and answers ran each minute over the last hour.</source>
        <translation>Wie viele Suchen und Antworten in jeder Minute der letzten Stunde liefen.</translation>
    </message>
    <message>
        <source>DocRag&apos;s resident memory over the last hour.</source>
        <translation>Der belegte Arbeitsspeicher von DocRag während der letzten Stunde.</translation>
    </message>
    <message>
        <source>Performance dashboard</source>
        <translation>Leistungsübersicht</translation>
    </message>
    <message>
        <source>This session, last hour</source>
        <translation>Diese Sitzung, letzte Stunde</translation>
    </message>
    <message>
        <source>Every process, last 24 hours</source>
        <translation>Alle Prozesse, letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Timings of</source>
        <translation>Zeiten von</translation>
    </message>
    <message>
        <source>Every process: the desktop app and docrag-cli on this data folder, from the statistics they keep in the database.</source>
        <translation>Alle Prozesse: die Desktop-App und docrag-cli auf diesem Datenordner, aus der Statistik, die sie in der Datenbank führen.</translation>
    </message>
    <message>
        <source>no calls in the last 24 hours</source>
        <translation>keine Aufrufe in den letzten 24 Stunden</translation>
    </message>
    <message>
        <source>Requests, last 24 hours</source>
        <translation>Anfragen, letzte 24 Stunden</translation>
    </message>
    <message>
        <source>no answers in the last 24 hours</source>
        <translation>keine Antworten in den letzten 24 Stunden</translation>
    </message>
    <message>
        <source>%1 · no searches in the last 24 hours</source>
        <translation>%1 · keine Suchen in den letzten 24 Stunden</translation>
    </message>
    <message>
        <source>The 95th percentile latency of searches and answers of every process, minute by minute, over the last 24 hours.</source>
        <translation>Das 95. Perzentil der Latenz von Suchen und Antworten aller Prozesse, Minute für Minute, über die letzten 24 Stunden.</translation>
    </message>
    <message>
        <source>How many searches and answers every process ran each minute over the last 24 hours.</source>
        <translation>Wie viele Suchen und Antworten alle Prozesse in jeder Minute der letzten 24 Stunden ausgeführt haben.</translation>
    </message>
</context>
<context>
    <name>docrag::DocumentLinkOpener</name>
    <message>
        <source>Link in the document</source>
        <translation>Verweis im Dokument</translation>
    </message>
    <message>
        <source>This link runs a script or carries data:

%1

DocRag does not open such links.</source>
        <translation>Dieser Verweis führt ein Skript aus oder enthält Daten:

%1

DocRag öffnet solche Verweise nicht.</translation>
    </message>
    <message>
        <source>This link leads outside the document:

%1

Open it with the system&apos;s application for it?</source>
        <translation>Dieser Verweis führt aus dem Dokument hinaus:

%1

Mit der dafür zuständigen Anwendung des Systems öffnen?</translation>
    </message>
</context>
<context>
    <name>docrag::FileReportModel</name>
    <message numerus="yes">
        <source>%Ln passages</source>
        <translation>
            <numerusform>%Ln Textstelle</numerusform>
            <numerusform>%Ln Textstellen</numerusform>
        </translation>
    </message>
    <message>
        <source>indexed</source>
        <translation>eingelesen</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>docrag::FindBar</name>
    <message>
        <source>Find in page</source>
        <translation>In der Seite suchen</translation>
    </message>
    <message>
        <source>Enter finds the next match, Shift+Enter the previous one, Esc closes.</source>
        <translation>Eingabe findet den nächsten Treffer, Umschalt+Eingabe den vorigen, Esc schließt.</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Voriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n</source>
        <translation>
            <numerusform>%1 von %n</numerusform>
            <numerusform>%1 von %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>docrag::HealthIndicator</name>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>%1: OK</source>
        <comment>health light; %1 is Database, Index or Model</comment>
        <translation>%1: OK</translation>
    </message>
    <message>
        <source>%1: limited</source>
        <comment>health light: works with a limitation</comment>
        <translation>%1: eingeschränkt</translation>
    </message>
    <message>
        <source>%1: failing</source>
        <comment>health light</comment>
        <translation>%1: gestört</translation>
    </message>
    <message>
        <source>%1: unknown</source>
        <comment>health light: not checked yet</comment>
        <translation>%1: unbekannt</translation>
    </message>
</context>
<context>
    <name>docrag::IngestLimitsBox</name>
    <message>
        <source>Limits for each file</source>
        <translation>Grenzen pro Datei</translation>
    </message>
    <message>
        <source>A file that reaches a limit is indexed up to it, and its status says where it stopped.</source>
        <translation>Eine Datei, die eine Grenze erreicht, wird bis dorthin eingelesen; ihr Status gibt an, wo das Einlesen endete.</translation>
    </message>
    <message>
        <source>&amp;Passages per file:</source>
        <translation>&amp;Textstellen pro Datei:</translation>
    </message>
    <message>
        <source>&amp;Largest file:</source>
        <translation>&amp;Größte Datei:</translation>
    </message>
    <message>
        <source>HTML &amp;nesting:</source>
        <translation>HTML-&amp;Verschachtelung:</translation>
    </message>
    <message>
        <source>&amp;Memory for files read together:</source>
        <translation>&amp;Arbeitsspeicher für gemeinsam gelesene Dateien:</translation>
    </message>
    <message>
        <source>Longest bl&amp;ock (characters):</source>
        <translation>Längster &amp;Block (Zeichen):</translation>
    </message>
</context>
<context>
    <name>docrag::IngestTask</name>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: cancelled (%Ln indexed before the cancel are kept; ingest again to resume)</source>
        <comment>files</comment>
        <translation>
            <numerusform>%1: abgebrochen (die %Ln vor dem Abbruch eingelesene Datei bleibt erhalten; zum Fortsetzen erneut einlesen)</numerusform>
            <numerusform>%1: abgebrochen (die %Ln vor dem Abbruch eingelesenen Dateien bleiben erhalten; zum Fortsetzen erneut einlesen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln indexed</source>
        <comment>files</comment>
        <translation>
            <numerusform>%Ln eingelesen</numerusform>
            <numerusform>%Ln eingelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unchanged</source>
        <comment>files</comment>
        <translation>
            <numerusform>%Ln unverändert</numerusform>
            <numerusform>%Ln unverändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped</source>
        <comment>files</comment>
        <translation>
            <numerusform>%Ln übersprungen</numerusform>
            <numerusform>%Ln übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <comment>files</comment>
        <translation>
            <numerusform>%Ln fehlgeschlagen</numerusform>
            <numerusform>%Ln fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln removed</source>
        <comment>files</comment>
        <translation>
            <numerusform>%Ln entfernt</numerusform>
            <numerusform>%Ln entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 in %3 s</source>
        <translation>%1: %2 (in %3 s)</translation>
    </message>
</context>
<context>
    <name>docrag::IngestWizard</name>
    <message>
        <source>Add documentation</source>
        <translation>Dokumentation hinzufügen</translation>
    </message>
</context>
<context>
    <name>docrag::LibraryStatusLabel</name>
    <message>
        <source>Syncing the team library %1…</source>
        <translation>Team-Bibliothek %1 wird abgeglichen…</translation>
    </message>
    <message numerus="yes">
        <source>Syncing “%1” from the team library %2: %3 of %Ln files…</source>
        <translation>
            <numerusform>„%1“ wird aus der Team-Bibliothek %2 abgeglichen: %3 von %Ln Datei…</numerusform>
            <numerusform>„%1“ wird aus der Team-Bibliothek %2 abgeglichen: %3 von %Ln Dateien…</numerusform>
        </translation>
    </message>
    <message>
        <source>The team library %1 could not be synced; its collections answer from their last sync.</source>
        <translation>Die Team-Bibliothek %1 konnte nicht abgeglichen werden; ihre Sammlungen antworten mit dem Stand des letzten Abgleichs.</translation>
    </message>
    <message numerus="yes">
        <source>Team library %1 synced: %Ln files changed.</source>
        <translation>
            <numerusform>Team-Bibliothek %1 abgeglichen: %Ln Datei geändert.</numerusform>
            <numerusform>Team-Bibliothek %1 abgeglichen: %Ln Dateien geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Team library %1 synced, with a problem: %2</source>
        <translation>Team-Bibliothek %1 abgeglichen, mit einem Problem: %2</translation>
    </message>
</context>
<context>
    <name>docrag::LibraryView</name>
    <message>
        <source>Search all documentation (works offline)</source>
        <translation>Gesamte Dokumentation durchsuchen (funktioniert offline)</translation>
    </message>
    <message numerus="yes">
        <source>%1  (%Ln documents, %2)</source>
        <translation>
            <numerusform>%1  (%Ln Dokument, %2)</numerusform>
            <numerusform>%1  (%Ln Dokumente, %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln passages</source>
        <translation>
            <numerusform>%Ln Textstelle</numerusform>
            <numerusform>%Ln Textstellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>interrupted: %1 of %Ln files done</source>
        <translation>
            <numerusform>unterbrochen: %1 von %Ln Datei fertig</numerusform>
            <numerusform>unterbrochen: %1 von %Ln Dateien fertig</numerusform>
        </translation>
    </message>
    <message>
        <source>The last ingest of this collection did not finish. Right-click (or press the menu key) and choose Resume ingest to finish it; what was stored is kept.</source>
        <translation>Das letzte Einlesen dieser Sammlung wurde nicht abgeschlossen. Klicken Sie mit der rechten Maustaste (oder drücken Sie die Menütaste) und wählen Sie „Einlesen fortsetzen“, um es abzuschließen; bereits Gespeichertes bleibt erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2 of %Ln files)</source>
        <translation>
            <numerusform>%1 (%2 von %Ln Datei)</numerusform>
            <numerusform>%1 (%2 von %Ln Dateien)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>being ingested: %1 of %Ln files</source>
        <translation>
            <numerusform>wird eingelesen: %1 von %Ln Datei</numerusform>
            <numerusform>wird eingelesen: %1 von %Ln Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Resume ingest</source>
        <translation>Einlesen &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&lt;p&gt;Search failed: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Suche fehlgeschlagen: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing matches “%1”.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Keine Treffer für „%1“.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Bibliothek durchsuchen</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Sammlungen</translation>
    </message>
    <message>
        <source>Collections, their documents and the documents&apos; headings. Selecting one shows it in the source viewer.</source>
        <translation>Sammlungen, ihre Dokumente und deren Überschriften. Ein ausgewählter Eintrag wird in der Quellenansicht angezeigt.</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Tab moves between the results; Enter opens one.</source>
        <translation>Die Tabulatortaste wechselt zwischen den Ergebnissen; die Eingabetaste öffnet eines.</translation>
    </message>
    <message>
        <source>Type an API name or any words. Up and Down choose among the API names found, Enter opens one, Esc returns to the chat.</source>
        <translation>Geben Sie einen API-Namen oder beliebige Wörter ein. Pfeil hoch und runter wählen unter den gefundenen API-Namen, Eingabe öffnet einen, Esc kehrt zum Chat zurück.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>abgeglichen %1</translation>
    </message>
    <message>
        <source>Kept in sync with its folders. Last synced: %1.</source>
        <translation>Wird mit ihren Ordnern abgeglichen. Zuletzt abgeglichen: %1.</translation>
    </message>
    <message>
        <source>Kept in sync: DocRag watches its folders and ingests what changes. Last synced: %1.</source>
        <translation>Wird abgeglichen: DocRag überwacht ihre Ordner und liest ein, was sich ändert. Zuletzt abgeglichen: %1.</translation>
    </message>
    <message>
        <source>Kept in sync: its folders cannot be watched (%1), so DocRag looks for changes every few minutes. Last synced: %2.</source>
        <translation>Wird abgeglichen: Ihre Ordner lassen sich nicht überwachen (%1), daher sucht DocRag alle paar Minuten nach Änderungen. Zuletzt abgeglichen: %2.</translation>
    </message>
    <message>
        <source>&amp;Keep in sync with its folders</source>
        <translation>Mit ihren Ordnern &amp;abgleichen</translation>
    </message>
    <message>
        <source>synced %1, checked every few minutes</source>
        <translation>abgeglichen %1, alle paar Minuten geprüft</translation>
    </message>
    <message>
        <source>team library, synced %1</source>
        <translation>Team-Bibliothek, abgeglichen %1</translation>
    </message>
    <message>
        <source>A copy of a collection of a team library, searched on this computer. DocRag syncs it from the library every few minutes; it changes only there. Last synced: %1.</source>
        <translation>Eine Kopie einer Sammlung einer Team-Bibliothek, auf diesem Computer durchsucht. DocRag gleicht sie alle paar Minuten mit der Bibliothek ab; geändert wird sie nur dort. Zuletzt abgeglichen: %1.</translation>
    </message>
</context>
<context>
    <name>docrag::MainWindow</name>
    <message>
        <source>DocRag</source>
        <translation>DocRag</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Interrupted ingest: %1. Resume it from the library&apos;s context menu.</source>
        <translation>Unterbrochenes Einlesen: %1. Setzen Sie es über das Kontextmenü der Bibliothek fort.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Add documentation…</source>
        <translation>Dokumentation &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Export conversation…</source>
        <translation>Unterhaltung e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Performance &amp;dashboard</source>
        <translation>&amp;Leistungsübersicht</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;New conversation</source>
        <translation>&amp;Neue Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Stop answer</source>
        <translation>Antwort &amp;anhalten</translation>
    </message>
    <message>
        <source>&amp;Regenerate answer</source>
        <translation>Antwort neu &amp;erzeugen</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>unknown: the database failed</source>
        <translation>unbekannt: Datenbankfehler</translation>
    </message>
    <message>
        <source>%1, %2, schema %3</source>
        <translation>%1, %2, Schema %3</translation>
    </message>
    <message>
        <source>no documents yet: add some with File › Add documentation</source>
        <translation>noch keine Dokumente: Wählen Sie Datei › Dokumentation hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln collections, %1, vector indexes %2</source>
        <translation>
            <numerusform>%Ln Sammlung, %1, Vektorindizes %2</numerusform>
            <numerusform>%Ln Sammlungen, %1, Vektorindizes %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln passages</source>
        <translation>
            <numerusform>%Ln Textstelle</numerusform>
            <numerusform>%Ln Textstellen</numerusform>
        </translation>
    </message>
    <message>
        <source>no model server configured: answers are extractive (offline). Set one in Settings.</source>
        <translation>kein Modellserver eingerichtet: Antworten sind extraktiv (offline). Richten Sie einen in den Einstellungen ein.</translation>
    </message>
    <message>
        <source>checking %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>%1, model %2, answered in %3 ms</source>
        <translation>%1, Modell %2, Antwort in %3 ms</translation>
    </message>
    <message>
        <source>%1 does not answer: %2</source>
        <translation>%1 antwortet nicht: %2</translation>
    </message>
    <message numerus="yes">
        <source>Ingesting: %1 of %Ln files, about %2 s left</source>
        <translation>
            <numerusform>Einlesen: %1 von %Ln Datei, noch etwa %2 s</numerusform>
            <numerusform>Einlesen: %1 von %Ln Dateien, noch etwa %2 s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ingesting: %1 of %Ln files</source>
        <translation>
            <numerusform>Einlesen: %1 von %Ln Datei</numerusform>
            <numerusform>Einlesen: %1 von %Ln Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot resume: %1</source>
        <translation>Fortsetzen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Another ingest is running; resume when it has finished.</source>
        <translation>Ein anderer Einlesevorgang läuft; setzen Sie fort, sobald er beendet ist.</translation>
    </message>
    <message>
        <source>Search the &amp;library</source>
        <translation>&amp;Bibliothek durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Ask a question</source>
        <translation>&amp;Frage stellen</translation>
    </message>
    <message>
        <source>&amp;Open a conversation</source>
        <translation>Unterhaltung ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Ne&amp;xt source</source>
        <translation>Nächste &amp;Quelle</translation>
    </message>
    <message>
        <source>&amp;Previous source</source>
        <translation>&amp;Vorherige Quelle</translation>
    </message>
    <message>
        <source>&amp;Find in source</source>
        <translation>In der &amp;Quelle suchen</translation>
    </message>
    <message>
        <source>&amp;Back in source</source>
        <translation>In der Quelle &amp;zurück</translation>
    </message>
    <message>
        <source>F&amp;orward in source</source>
        <translation>In der Quelle &amp;vor</translation>
    </message>
    <message>
        <source>&amp;Team libraries…</source>
        <translation>&amp;Team-Bibliotheken…</translation>
    </message>
</context>
<context>
    <name>docrag::OptionsPage</name>
    <message>
        <source>Collection and embedder</source>
        <translation>Sammlung und Embedder</translation>
    </message>
    <message>
        <source>A collection is what questions and searches are asked of. Ingesting into an existing collection adds new files and updates changed ones.</source>
        <translation>Fragen und Suchen richten sich an eine Sammlung. Beim Einlesen in eine bestehende Sammlung werden neue Dateien hinzugefügt und geänderte aktualisiert.</translation>
    </message>
    <message>
        <source>&amp;Ingest</source>
        <translation>Ein&amp;lesen</translation>
    </message>
    <message>
        <source>e.g. python</source>
        <translation>z. B. python</translation>
    </message>
    <message>
        <source>optional: python, react, internal… (to filter by)</source>
        <translation>optional: python, react, intern… (zum Filtern)</translation>
    </message>
    <message>
        <source>Built-in (offline)</source>
        <translation>Integriert (offline)</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>OpenAI-kompatibler Server</translation>
    </message>
    <message>
        <source>&amp;Collection:</source>
        <translation>&amp;Sammlung:</translation>
    </message>
    <message>
        <source>&amp;Doc type:</source>
        <translation>&amp;Dokumenttyp:</translation>
    </message>
    <message>
        <source>&amp;Embedder:</source>
        <translation>&amp;Embedder:</translation>
    </message>
    <message>
        <source>Configure an OpenAI-compatible server in Settings to use it here.</source>
        <translation>Richten Sie in den Einstellungen einen OpenAI-kompatiblen Server ein, um ihn hier zu verwenden.</translation>
    </message>
    <message>
        <source>Name the collection.</source>
        <translation>Geben Sie der Sammlung einen Namen.</translation>
    </message>
    <message>
        <source>A new collection.</source>
        <translation>Eine neue Sammlung.</translation>
    </message>
    <message numerus="yes">
        <source>Adds to the existing collection (%Ln documents, embedder %1).</source>
        <translation>
            <numerusform>Ergänzt die bestehende Sammlung (%Ln Dokument, Embedder %1).</numerusform>
            <numerusform>Ergänzt die bestehende Sammlung (%Ln Dokumente, Embedder %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Configure its model server in Settings first.</source>
        <translation>Richten Sie zuerst den zugehörigen Modellserver in den Einstellungen ein.</translation>
    </message>
    <message>
        <source>No list price is known for %1; a local server costs nothing.</source>
        <translation>Für %1 ist kein Listenpreis bekannt; ein lokaler Server kostet nichts.</translation>
    </message>
    <message>
        <source>About $%1, assuming %2&apos;s list price of $%3 per 1M tokens.</source>
        <translation>Etwa %1 $, ausgehend vom Listenpreis für %2 von %3 $ pro 1 Mio. Tokens.</translation>
    </message>
    <message>
        <source>The texts are sent to the model server to be embedded.</source>
        <translation>Die Texte werden zum Berechnen der Embeddings an den Modellserver gesendet.</translation>
    </message>
    <message>
        <source>The built-in embedder runs on this computer: nothing leaves it, and it costs nothing.</source>
        <translation>Der integrierte Embedder läuft auf diesem Rechner: Nichts verlässt ihn, und es entstehen keine Kosten.</translation>
    </message>
    <message>
        <source>Estimating the size…</source>
        <translation>Größe wird geschätzt…</translation>
    </message>
    <message numerus="yes">
        <source>About %1 tokens to embed (from %Ln sampled files).</source>
        <translation>
            <numerusform>Etwa %1 Tokens für Embeddings (hochgerechnet aus %Ln Stichprobendatei).</numerusform>
            <numerusform>Etwa %1 Tokens für Embeddings (hochgerechnet aus %Ln Stichprobendateien).</numerusform>
        </translation>
    </message>
    <message>
        <source>Passages embedded before are reused, so adding to a collection costs less.</source>
        <translation>Bereits vorhandene Embeddings von Textstellen werden wiederverwendet, daher kostet das Ergänzen einer Sammlung weniger.</translation>
    </message>
    <message>
        <source>&amp;Keep in sync: ingest what changes in these folders while DocRag runs</source>
        <translation>&amp;Abgleichen: einlesen, was sich in diesen Ordnern ändert, solange DocRag läuft</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Nur dieser Computer</translation>
    </message>
    <message>
        <source>Also share the collection in a team library (File &gt; Team libraries…): the documents are sent there once ingested here.</source>
        <translation>Die Sammlung auch in einer Team-Bibliothek teilen (Datei &gt; Team-Bibliotheken…): die Dokumente werden dorthin gesendet, sobald sie hier aufgenommen sind.</translation>
    </message>
    <message>
        <source>&amp;Share in:</source>
        <translation>&amp;Teilen in:</translation>
    </message>
</context>
<context>
    <name>docrag::ProgressPage</name>
    <message>
        <source>about %1 s left</source>
        <translation>noch etwa %1 s</translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation>noch etwa %1 min %2 s</translation>
    </message>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>noch etwa %1 h %2 min</translation>
    </message>
    <message>
        <source>Ingesting</source>
        <translation>Einlesen</translation>
    </message>
    <message>
        <source>You can close this window: the ingest continues in the background and its progress shows in the status bar.</source>
        <translation>Sie können dieses Fenster schließen: Das Einlesen läuft im Hintergrund weiter, und der Fortschritt wird in der Statusleiste angezeigt.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Dateien:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Zeit:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Durchsatz:</translation>
    </message>
    <message>
        <source>Reading:</source>
        <translation>Aktuelle Datei:</translation>
    </message>
    <message>
        <source>Another ingest (of &quot;%1&quot;) is still running: wait for it to finish, then try again.</source>
        <translation>Ein anderer Einlesevorgang („%1“) läuft noch: Warten Sie, bis er beendet ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Listing files…</source>
        <translation>Dateien werden aufgelistet…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 done, %Ln passages written</source>
        <translation>
            <numerusform>%1 von %2 fertig, %Ln Textstelle geschrieben</numerusform>
            <numerusform>%1 von %2 fertig, %Ln Textstellen geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s elapsed</source>
        <translation>%1 s vergangen</translation>
    </message>
    <message>
        <source>%1/s, %2 embeddings/s</source>
        <translation>%1/s, %2 Embeddings/s</translation>
    </message>
    <message>
        <source>Cancelling… the files already stored stay in the collection.</source>
        <translation>Wird abgebrochen… Die bereits gespeicherten Dateien bleiben in der Sammlung.</translation>
    </message>
    <message>
        <source>Cancel &amp;ingest</source>
        <translation>Einlesen a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Each file of the ingest with its status and, when it was skipped or failed, the reason.</source>
        <translation>Jede Datei des Einlesevorgangs mit ihrem Status und, falls sie übersprungen wurde oder fehlschlug, dem Grund.</translation>
    </message>
</context>
<context>
    <name>docrag::QuestionEdit</name>
    <message>
        <source>Ask about your documentation…  (Enter sends, Shift+Enter adds a line)</source>
        <translation>Fragen Sie zu Ihrer Dokumentation…  (Eingabetaste sendet, Umschalt+Eingabetaste fügt eine Zeile ein)</translation>
    </message>
</context>
<context>
    <name>docrag::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>sk-… (not needed for most local servers)</source>
        <translation>sk-… (für die meisten lokalen Server nicht nötig)</translation>
    </message>
    <message>
        <source>Reading the system keychain…</source>
        <translation>Schlüsselbund des Systems wird gelesen…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;prüfen</translation>
    </message>
    <message>
        <source>Model server (OpenAI or compatible)</source>
        <translation>Modellserver (OpenAI oder kompatibel)</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;API-Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>Empty: OpenAI. Ollama: http://localhost:11434/v1, llama.cpp&apos;s llama-server: http://localhost:8080/v1. With neither a key nor a URL, DocRag works offline with extractive answers.</source>
        <translation>Leer: OpenAI. Ollama: http://localhost:11434/v1, llama-server von llama.cpp: http://localhost:8080/v1. Ohne Schlüssel und ohne URL arbeitet DocRag offline mit extraktiven Antworten.</translation>
    </message>
    <message>
        <source>&amp;Chat model:</source>
        <translation>Sprach&amp;modell:</translation>
    </message>
    <message>
        <source>&amp;Embedding model:</source>
        <translation>&amp;Embedding-Modell:</translation>
    </message>
    <message>
        <source>&amp;Dimensions:</source>
        <translation>&amp;Dimensionen:</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <source>Applies to files ingested from now on.</source>
        <translation>Gilt für Dateien, die ab jetzt eingelesen werden.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>Takes effect when DocRag starts again.</source>
        <translation>Wird beim nächsten Start von DocRag wirksam.</translation>
    </message>
    <message>
        <source>The new language is used when DocRag starts again.</source>
        <translation>Die neue Sprache wird beim nächsten Start von DocRag verwendet.</translation>
    </message>
    <message>
        <source>Answers, ingestion and interface</source>
        <translation>Antworten, Einlesen und Oberfläche</translation>
    </message>
    <message>
        <source>&amp;Passages per answer (top-k):</source>
        <translation>&amp;Textstellen pro Antwort (top-k):</translation>
    </message>
    <message>
        <source>C&amp;hunk size:</source>
        <translation>Textstellen&amp;größe:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The system keychain is unavailable (%1). The key will be used for this session only; it is never saved in a file.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar (%1). Der Schlüssel wird nur für diese Sitzung verwendet und nie in einer Datei gespeichert.</translation>
    </message>
    <message>
        <source>No key stored. A key entered here is kept in the system keychain.</source>
        <translation>Kein Schlüssel gespeichert. Ein hier eingegebener Schlüssel wird im Schlüsselbund des Systems abgelegt.</translation>
    </message>
    <message>
        <source>Stored in the system keychain.</source>
        <translation>Im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>No model server set: enter a base URL or an API key.</source>
        <translation>Kein Modellserver festgelegt: Geben Sie eine Basis-URL oder einen API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Connected: %Ln models, %1 ms</source>
        <translation>
            <numerusform>Verbunden: %Ln Modell, %1 ms</numerusform>
            <numerusform>Verbunden: %Ln Modelle, %1 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>Shared collections:</source>
        <translation>Geteilte Sammlungen:</translation>
    </message>
    <message>
        <source>Team lib&amp;raries…</source>
        <translation>Team-Bibliotheke&amp;n…</translation>
    </message>
</context>
<context>
    <name>docrag::SourceViewer</name>
    <message>
        <source>Click a citation or a library item to see its source.</source>
        <translation>Klicken Sie auf einen Beleg oder einen Eintrag der Bibliothek, um seine Quelle anzuzeigen.</translation>
    </message>
    <message>
        <source>Open in system viewer</source>
        <translation>Mit Systemanwendung öffnen</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Cannot show the source: %1</source>
        <translation>Die Quelle kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>lines %1–%2</source>
        <translation>Zeilen %1–%2</translation>
    </message>
    <message>
        <source>Source document</source>
        <translation>Quelldokument</translation>
    </message>
    <message>
        <source>The document a passage came from, with the passage highlighted.</source>
        <translation>Das Dokument, aus dem eine Textstelle stammt, mit hervorgehobener Textstelle.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back to the previous place (Alt+Left)</source>
        <translation>Zurück zur vorigen Stelle (Alt+Links)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vor</translation>
    </message>
    <message>
        <source>Forward again (Alt+Right)</source>
        <translation>Wieder vor (Alt+Rechts)</translation>
    </message>
    <message>
        <source>No application is set up to open %1 on this system.</source>
        <translation>Auf diesem System ist keine Anwendung eingerichtet, die %1 öffnet.</translation>
    </message>
</context>
<context>
    <name>docrag::SourcesPage</name>
    <message>
        <source>Choose the documentation</source>
        <translation>Dokumentation auswählen</translation>
    </message>
    <message>
        <source>Folders are searched recursively; .gitignore and .docragignore files are honoured, and build, dependency and hidden folders are left out.</source>
        <translation>Ordner werden rekursiv durchsucht; .gitignore- und .docragignore-Dateien werden beachtet, Ausgabe-, Abhängigkeits- und versteckte Ordner werden ausgelassen.</translation>
    </message>
    <message>
        <source>Drop folders or files here</source>
        <translation>Ordner oder Dateien hierher ziehen</translation>
    </message>
    <message>
        <source>Add &amp;folder…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>e.g. *.md *.html (empty: every supported file)</source>
        <translation>z. B. *.md *.html (leer: alle unterstützten Dateien)</translation>
    </message>
    <message>
        <source>One gitignore-style pattern a line, e.g.
drafts/
*.min.js</source>
        <translation>Ein Muster im gitignore-Stil pro Zeile, z. B.
entwürfe/
*.min.js</translation>
    </message>
    <message>
        <source>E&amp;xclude:</source>
        <translation>A&amp;usschließen:</translation>
    </message>
    <message>
        <source>Add a folder of documentation</source>
        <translation>Ordner mit Dokumentation hinzufügen</translation>
    </message>
    <message>
        <source>Add documentation files</source>
        <translation>Dokumentationsdateien hinzufügen</translation>
    </message>
    <message>
        <source>Documentation (*.md *.markdown *.mdx *.html *.htm *.rst *.txt *.pdf)</source>
        <translation>Dokumentation (*.md *.markdown *.mdx *.html *.htm *.rst *.txt *.pdf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Counting files…</source>
        <translation>Dateien werden gezählt…</translation>
    </message>
    <message>
        <source>Add folders or files (or drop them on the list) to see what will be ingested.</source>
        <translation>Fügen Sie Ordner oder Dateien hinzu (oder ziehen Sie sie auf die Liste), um zu sehen, was eingelesen wird.</translation>
    </message>
    <message>
        <source>Cannot list the files: %1</source>
        <translation>Die Dateien können nicht aufgelistet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln files, %1 will be ingested</source>
        <translation>
            <numerusform>%Ln Datei (%1) wird eingelesen</numerusform>
            <numerusform>%Ln Dateien (%1) werden eingelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %Ln skipped (unsupported type, too large or unreadable)</source>
        <comment>files</comment>
        <translation>
            <numerusform>%1; %Ln wird übersprungen (nicht unterstützter Typ, zu groß oder nicht lesbar)</numerusform>
            <numerusform>%1; %Ln werden übersprungen (nicht unterstützter Typ, zu groß oder nicht lesbar)</numerusform>
        </translation>
    </message>
    <message>
        <source>Folders and files to ingest</source>
        <translation>Einzulesende Ordner und Dateien</translation>
    </message>
    <message>
        <source>Add fi&amp;les…</source>
        <translation>&amp;Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Include file names:</source>
        <translation>Datei&amp;namen einschließen:</translation>
    </message>
</context>
<context>
    <name>docrag::SymbolSuggestions</name>
    <message>
        <source>API names</source>
        <translation>API-Namen</translation>
    </message>
    <message>
        <source>Functions, classes and other API names that match what you type. Up and Down choose one, Enter opens it.</source>
        <translation>Funktionen, Klassen und andere API-Namen, die zu Ihrer Eingabe passen. Pfeil hoch und runter wählen einen, Eingabe öffnet ihn.</translation>
    </message>
    <message>
        <source>%1  (%2, %3: %4)</source>
        <translation>%1  (%2, %3: %4)</translation>
    </message>
</context>
<context>
    <name>docrag::SyncStatusLabel</name>
    <message>
        <source>Syncing “%1” with its folders…</source>
        <translation>„%1“ wird mit ihren Ordnern abgeglichen…</translation>
    </message>
    <message>
        <source>Could not sync “%1”: %2</source>
        <translation>„%1“ konnte nicht abgeglichen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>“%1” synced: %Ln files were not indexed; a file indexed before keeps its last good version.</source>
        <translation>
            <numerusform>„%1“ abgeglichen: %Ln Datei wurde nicht eingelesen; war sie schon eingelesen, bleibt ihre letzte gute Fassung erhalten.</numerusform>
            <numerusform>„%1“ abgeglichen: %Ln Dateien wurden nicht eingelesen; eine schon eingelesene Datei behält ihre letzte gute Fassung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” synced: %Ln files changed.</source>
        <translation>
            <numerusform>„%1“ abgeglichen: %Ln Datei geändert.</numerusform>
            <numerusform>„%1“ abgeglichen: %Ln Dateien geändert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>docrag::TeamFeedbackView</name>
    <message>
        <source>Team feedback</source>
        <translation>Rückmeldungen des Teams</translation>
    </message>
    <message>
        <source>Refres&amp;h</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Not helpful</source>
        <translation>Nicht hilfreich</translation>
    </message>
    <message>
        <source>Helpful</source>
        <translation>Hilfreich</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Sammlungen</translation>
    </message>
    <message>
        <source>Latest note</source>
        <translation>Letzte Notiz</translation>
    </message>
    <message>
        <source>Reading the team libraries…</source>
        <translation>Die Team-Bibliotheken werden gelesen…</translation>
    </message>
    <message>
        <source>No team library is subscribed (File &gt; Team libraries…).</source>
        <translation>Keine Team-Bibliothek ist abonniert (Datei &gt; Team-Bibliotheken…).</translation>
    </message>
    <message>
        <source>No feedback has been shared with the team libraries yet.</source>
        <translation>Noch wurden keine Rückmeldungen mit den Team-Bibliotheken geteilt.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln questions with feedback, those most often not helpful first.</source>
        <translation>
            <numerusform>%Ln Frage mit Rückmeldungen, die am häufigsten nicht hilfreichen zuerst.</numerusform>
            <numerusform>%Ln Fragen mit Rückmeldungen, die am häufigsten nicht hilfreichen zuerst.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>docrag::TeamLibrariesDialog</name>
    <message>
        <source>Team libraries</source>
        <translation>Team-Bibliotheken</translation>
    </message>
    <message>
        <source>Collections shared by your team in a PostgreSQL database. DocRag keeps a copy of each on this computer, searches the copy, and syncs it every few minutes.</source>
        <translation>Sammlungen, die Ihr Team in einer PostgreSQL-Datenbank teilt. DocRag hält von jeder eine Kopie auf diesem Computer, durchsucht die Kopie und gleicht sie alle paar Minuten ab.</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>Jetzt a&amp;bgleichen</translation>
    </message>
    <message>
        <source>&amp;Unsubscribe</source>
        <translation>Abo&amp;nnement beenden</translation>
    </message>
    <message>
        <source>Send my &amp;feedback on its answers to the library</source>
        <translation>Meine &amp;Rückmeldungen zu ihren Antworten an die Bibliothek senden</translation>
    </message>
    <message>
        <source>kept in the system keychain; empty: ~/.pgpass</source>
        <translation>im Schlüsselbund des Systems gespeichert; leer: ~/.pgpass</translation>
    </message>
    <message>
        <source>&amp;Subscribe</source>
        <translation>&amp;Abonnieren</translation>
    </message>
    <message>
        <source>Library &amp;URL:</source>
        <translation>&amp;URL der Bibliothek:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird abgeglichen…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 — synced %2</source>
        <translation>%1 — abgeglichen %2</translation>
    </message>
    <message>
        <source>The last sync failed: %1</source>
        <translation>Der letzte Abgleich ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1…</translation>
    </message>
    <message>
        <source>Subscribed. Its collections arrive with the first sync.</source>
        <translation>Abonniert. Ihre Sammlungen kommen mit dem ersten Abgleich.</translation>
    </message>
    <message>
        <source>Removing the copies of %1…</source>
        <translation>Die Kopien von %1 werden entfernt…</translation>
    </message>
    <message>
        <source>Unsubscribed; the library keeps its collections.</source>
        <translation>Abonnement beendet; die Bibliothek behält ihre Sammlungen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>DocRag cannot open its data:
%1</source>
        <translation>DocRag kann seine Daten nicht öffnen:
%1</translation>
    </message>
</context>
</TS>
