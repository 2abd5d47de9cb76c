<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ByteSize</name>
    <message>
        <source>%1 KiB</source>
        <translation>%1&#xa0;Kio</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1&#xa0;Gio</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1&#xa0;Mio</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The request is not valid.</source>
        <translation>La requête n’est pas valide.</translation>
    </message>
    <message>
        <source>It was not found.</source>
        <translation>Élément introuvable.</translation>
    </message>
    <message>
        <source>It exists already.</source>
        <translation>Cet élément existe déjà.</translation>
    </message>
    <message>
        <source>A file could not be read or written.</source>
        <translation>Un fichier n’a pas pu être lu ou écrit.</translation>
    </message>
    <message>
        <source>The database reported an error.</source>
        <translation>La base de données a signalé une erreur.</translation>
    </message>
    <message>
        <source>The document could not be parsed.</source>
        <translation>Le document n’a pas pu être analysé.</translation>
    </message>
    <message>
        <source>This is not supported.</source>
        <translation>Cette opération n’est pas prise en charge.</translation>
    </message>
    <message>
        <source>The text encoding could not be read.</source>
        <translation>L’encodage du texte n’a pas pu être déterminé.</translation>
    </message>
    <message>
        <source>It is larger than the limit.</source>
        <translation>La taille dépasse la limite autorisée.</translation>
    </message>
    <message>
        <source>It was cancelled.</source>
        <translation>L’opération a été annulée.</translation>
    </message>
    <message>
        <source>The stored data is damaged.</source>
        <translation>Les données enregistrées sont endommagées.</translation>
    </message>
    <message>
        <source>The model server could not be reached.</source>
        <translation>Le serveur de modèles est injoignable.</translation>
    </message>
    <message>
        <source>The model server did not answer in time.</source>
        <translation>Le serveur de modèles n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The model server refused more requests for now (rate limit).</source>
        <translation>Le serveur de modèles refuse d’autres requêtes pour le moment (limite de débit).</translation>
    </message>
    <message>
        <source>The model server failed to answer.</source>
        <translation>Le serveur de modèles n’a pas pu répondre.</translation>
    </message>
    <message>
        <source>The model server refused the API key.</source>
        <translation>Le serveur de modèles a refusé la clé d’API.</translation>
    </message>
    <message>
        <source>The data folder cannot be written.</source>
        <translation>Impossible d’écrire dans le dossier de données.</translation>
    </message>
    <message>
        <source>Something went wrong inside DocRag.</source>
        <translation>Une erreur interne s’est produite dans DocRag.</translation>
    </message>
    <message>
        <source>%1 Details: %2</source>
        <translation>%1 Détails&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ExtractiveAnswerer</name>
    <message>
        <source>The documentation does not seem to answer this: no passage found shares the question&apos;s words. Try other words, or check that the right collection is selected.</source>
        <translation>La documentation ne semble pas répondre à cette question&#xa0;: aucun passage trouvé ne contient les mots de la question. Essayez d’autres mots ou vérifiez que la bonne collection est sélectionnée.</translation>
    </message>
    <message>
        <source>From the documentation (extractive answer, quoted without a language model):</source>
        <translation>D’après la documentation (réponse extractive, citée sans modèle de langage)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>FileProcessor</name>
    <message>
        <source>cannot read: %1</source>
        <translation>lecture impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>fichier vide</translation>
    </message>
    <message>
        <source>unsupported file type</source>
        <translation>type de fichier non pris en charge</translation>
    </message>
    <message>
        <source>no extractable text (scanned PDF?)</source>
        <translation>aucun texte extractible (PDF numérisé&#x202f;?)</translation>
    </message>
    <message>
        <source>no text content</source>
        <translation>aucun contenu textuel</translation>
    </message>
    <message>
        <source>embedding failed: %1</source>
        <translation>échec du calcul des embeddings&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>LocationText</name>
    <message>
        <source>page %1</source>
        <translation>page %1</translation>
    </message>
    <message>
        <source>lines %1–%2</source>
        <translation>lignes %1–%2</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
</context>
<context>
    <name>MarkdownExport</name>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
</context>
<context>
    <name>SourceLoader</name>
    <message>
        <source>— page %1 —</source>
        <translation>— page %1 —</translation>
    </message>
    <message>
        <source>The file is no longer on disk; showing the text as it was ingested.</source>
        <translation>Le fichier n’est plus sur le disque&#x202f;; affichage du texte tel qu’il a été indexé.</translation>
    </message>
    <message>
        <source>This document is no longer in the collection “%1”. Showing the passage as it was when the answer was given.</source>
        <translation>Ce document ne fait plus partie de la collection «&#xa0;%1&#xa0;». Affichage du passage tel qu’il était au moment de la réponse.</translation>
    </message>
    <message>
        <source>The source changed since the answer was given: the cited passage is not in the document as it was. It read:
%1</source>
        <translation>La source a changé depuis la réponse&#xa0;: le passage cité n’apparaît plus tel quel dans le document. Il disait&#xa0;:
%1</translation>
    </message>
</context>
<context>
    <name>TranscriptRenderer</name>
    <message>
        <source>Not a DocRag link, not opened: %1</source>
        <translation>Ce lien n’est pas un lien DocRag&#x202f;; il n’a pas été ouvert&#xa0;: %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Extractive answer (offline, no language model)</source>
        <translation>Réponse extractive (hors ligne, sans modèle de langage)</translation>
    </message>
    <message>
        <source>Generated by %1</source>
        <translation>Générée par %1</translation>
    </message>
    <message>
        <source>from the cache</source>
        <translation>tirée du cache</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>interrompue</translation>
    </message>
    <message>
        <source>cut off at the length limit</source>
        <translation>tronquée à la limite de longueur</translation>
    </message>
    <message>
        <source>writing…</source>
        <translation>rédaction en cours…</translation>
    </message>
    <message>
        <source>%L1 ms</source>
        <translation>%L1&#xa0;ms</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>DocRag</source>
        <translation>DocRag</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>▲ Helpful ✓</source>
        <translation>▲ Utile ✓</translation>
    </message>
    <message>
        <source>▲ Helpful</source>
        <translation>▲ Utile</translation>
    </message>
    <message>
        <source>▼ Not helpful ✓</source>
        <translation>▼ Pas utile ✓</translation>
    </message>
    <message>
        <source>▼ Not helpful</source>
        <translation>▼ Pas utile</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copier le code</translation>
    </message>
</context>
<context>
    <name>docrag::ApiKeyStore</name>
    <message>
        <source>access to the keychain was denied</source>
        <translation>l’accès au trousseau a été refusé</translation>
    </message>
    <message>
        <source>no keychain service is available</source>
        <translation>aucun service de trousseau n’est disponible</translation>
    </message>
    <message>
        <source>no keychain service answered; is GNOME Keyring, KWallet or another Secret Service running?</source>
        <translation>aucun service de trousseau n’a répondu&#x202f;; GNOME Keyring, KWallet ou un autre service Secret Service est-il en cours d’exécution&#x202f;?</translation>
    </message>
</context>
<context>
    <name>docrag::AppSettings</name>
    <message>
        <source>The base URL must be an http:// or https:// URL, such as http://localhost:11434/v1.</source>
        <translation>L’URL de base doit être une URL http:// ou https://, par exemple http://localhost:11434/v1.</translation>
    </message>
</context>
<context>
    <name>docrag::ChatPane</name>
    <message>
        <source>Ask a question about your documentation. Answers cite their sources as [1], [2]…; click one to see the passage.</source>
        <translation>Posez une question sur votre documentation. Les réponses citent leurs sources sous la forme [1], [2]…&#x202f;; cliquez sur l’une d’elles pour afficher le passage.</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Demander</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Which collections answers draw on</source>
        <translation>Collections sur lesquelles s’appuient les réponses</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>All collections</source>
        <translation>Toutes les collections</translation>
    </message>
    <message>
        <source>Searching and answering…</source>
        <translation>Recherche et rédaction de la réponse…</translation>
    </message>
    <message>
        <source>Stopped: the answer so far is kept, with its sources.</source>
        <translation>Arrêtée&#xa0;: la réponse partielle est conservée, avec ses sources.</translation>
    </message>
    <message>
        <source>The answer reached the model&apos;s length limit and was cut off.</source>
        <translation>La réponse a atteint la limite de longueur du modèle et a été tronquée.</translation>
    </message>
    <message>
        <source>Answered from the cache: the same question was answered a moment ago.</source>
        <translation>Réponse tirée du cache&#xa0;: la même question a été posée il y a un instant.</translation>
    </message>
    <message>
        <source>Extractive answer: quoted from the documentation, no language model used.</source>
        <translation>Réponse extractive&#xa0;: citée depuis la documentation, sans modèle de langage.</translation>
    </message>
    <message>
        <source>Answered by %1 in %2 ms.</source>
        <translation>Réponse fournie par %1 en %2&#xa0;ms.</translation>
    </message>
    <message>
        <source>The answer failed: %1</source>
        <translation>Échec de la réponse&#xa0;: %1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <source>Cannot load the conversation: %1</source>
        <translation>Impossible de charger la conversation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Code copied.</source>
        <translation>Code copié.</translation>
    </message>
    <message>
        <source>Answer copied.</source>
        <translation>Réponse copiée.</translation>
    </message>
    <message>
        <source>What was wrong with this answer? (optional)</source>
        <translation>Qu’est-ce qui n’allait pas dans cette réponse&#x202f;? (facultatif)</translation>
    </message>
    <message>
        <source>Feedback not saved: %1</source>
        <translation>Avis non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>Exporter la conversation</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Conversation exportée vers %1.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d’écrire dans %1.</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>The questions and answers of this conversation. Tab moves between its links, such as citations; Enter opens one.</source>
        <translation>Les questions et les réponses de cette conversation. Tab passe d’un lien à l’autre, par exemple d’une citation à l’autre&#xa0;; Entrée ouvre le lien.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Enter sends the question, Shift+Enter starts a new line, Esc stops an answer.</source>
        <translation>Entrée envoie la question, Maj+Entrée commence une nouvelle ligne, Échap arrête une réponse.</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>Arrêter la réponse (Échap)</translation>
    </message>
    <message>
        <source>Search &amp;in:</source>
        <translation>Rechercher &amp;dans&#xa0;:</translation>
    </message>
    <message>
        <source>No answer with sources yet.</source>
        <translation>Aucune réponse avec des sources pour l’instant.</translation>
    </message>
    <message numerus="yes">
        <source>Source [%1] of %n: %2</source>
        <translation>
            <numerusform>Source [%1] sur %n&#xa0;: %2</numerusform>
            <numerusform>Source [%1] sur %n&#xa0;: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>docrag::ConversationList</name>
    <message>
        <source>Search conversations</source>
        <translation>Rechercher dans les conversations</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln messages, last %1</source>
        <translation>
            <numerusform>%Ln message, dernière activité le %1</numerusform>
            <numerusform>%Ln messages, dernière activité le %1</numerusform>
        </translation>
    </message>
    <message>
        <source>New title:</source>
        <translation>Nouveau titre&#xa0;:</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Earlier conversations, newest first. Enter opens one, F2 renames it, Delete deletes it.</source>
        <translation>Conversations précédentes, les plus récentes en premier. Entrée en ouvre une, F2 la renomme, Suppr la supprime.</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Commencer une nouvelle conversation (Ctrl+N)</translation>
    </message>
    <message>
        <source>Rename the selected conversation (F2)</source>
        <translation>Renommer la conversation sélectionnée (F2)</translation>
    </message>
    <message>
        <source>Delete the selected conversation (Delete)</source>
        <translation>Supprimer la conversation sélectionnée (Suppr)</translation>
    </message>
    <message>
        <source>Rena&amp;me conversation…</source>
        <translation>Reno&amp;mmer la conversation…</translation>
    </message>
    <message>
        <source>&amp;Delete conversation…</source>
        <translation>&amp;Supprimer la conversation…</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Supprimer la conversation</translation>
    </message>
    <message>
        <source>Delete the conversation “%1”? Its questions and answers cannot be restored.</source>
        <translation>Supprimer la conversation «&#xa0;%1&#xa0;»&#xa0;? Ses questions et ses réponses ne pourront pas être restaurées.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
</context>
<context>
    <name>docrag::DashboardView</name>
    <message>
        <source>%1 s</source>
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1&#xa0;ms</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>No snapshot yet</source>
        <translation>Aucun instantané pour l’instant</translation>
    </message>
    <message>
        <source>Copy snapshot as JSON</source>
        <translation>Copier l’instantané au format JSON</translation>
    </message>
    <message>
        <source>Every figure of the last hour, for a bug report. Slow operations name their question or file.</source>
        <translation>Tous les chiffres de la dernière heure, pour un rapport de bogue. Les opérations lentes indiquent leur question ou leur fichier.</translation>
    </message>
    <message>
        <source>Requests, last hour</source>
        <translation>Requêtes, dernière heure</translation>
    </message>
    <message>
        <source>Latency, avg / p95</source>
        <translation>Latence, moyenne / p95</translation>
    </message>
    <message>
        <source>Cache hits, response · embedding</source>
        <translation>Succès du cache, réponses · embeddings</translation>
    </message>
    <message>
        <source>Memory, resident</source>
        <translation>Mémoire résidente</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Passages</translation>
    </message>
    <message>
        <source>Vector index</source>
        <translation>Index vectoriel</translation>
    </message>
    <message>
        <source>Model server, since start</source>
        <translation>Serveur de modèles, depuis le démarrage</translation>
    </message>
    <message>
        <source>search</source>
        <translation>recherche</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>réponse</translation>
    </message>
    <message>
        <source>no calls in the last hour</source>
        <translation>aucun appel au cours de la dernière heure</translation>
    </message>
    <message>
        <source>Latency, p95 per minute</source>
        <translation>Latence, p95 par minute</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Calls per minute</source>
        <translation>Appels par minute</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>appels</translation>
    </message>
    <message>
        <source>Resident memory</source>
        <translation>Mémoire résidente</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>Mio</translation>
    </message>
    <message>
        <source>resident</source>
        <translation>résidente</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>non mesurée</translation>
    </message>
    <message>
        <source>Slow operations</source>
        <translation>Opérations lentes</translation>
    </message>
    <message>
        <source>None: every call of the last hour was under its threshold.</source>
        <translation>Aucune&#xa0;: chaque appel de la dernière heure est resté sous son seuil.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>Durée (ms)</translation>
    </message>
    <message>
        <source>Threshold (ms)</source>
        <translation>Seuil (ms)</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>waiting for the first snapshot</source>
        <translation>en attente du premier instantané</translation>
    </message>
    <message numerus="yes">
        <source>%Ln searches</source>
        <translation>
            <numerusform>%Ln recherche</numerusform>
            <numerusform>%Ln recherches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answers</source>
        <translation>
            <numerusform>%Ln réponse</numerusform>
            <numerusform>%Ln réponses</numerusform>
        </translation>
    </message>
    <message>
        <source>no answers in the last hour</source>
        <translation>aucune réponse au cours de la dernière heure</translation>
    </message>
    <message>
        <source>answer %1</source>
        <translation>réponse %1</translation>
    </message>
    <message>
        <source>answer %1 · first token p95 %2</source>
        <translation>réponse %1 · premier jeton p95 %2</translation>
    </message>
    <message>
        <source>search · %1</source>
        <translation>recherche · %1</translation>
    </message>
    <message>
        <source>%1 · no searches in the last hour</source>
        <translation>%1 · aucune recherche au cours de la dernière heure</translation>
    </message>
    <message>
        <source>no cache lookups yet</source>
        <translation>aucune consultation du cache pour l’instant</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>no lookups</source>
        <translation>aucune consultation</translation>
    </message>
    <message>
        <source>response %1 · embedding %2</source>
        <translation>réponses %1 · embeddings %2</translation>
    </message>
    <message>
        <source>not measured on this system</source>
        <translation>non mesurée sur ce système</translation>
    </message>
    <message>
        <source>target: under %1 MiB</source>
        <translation>objectif&#xa0;: moins de %1&#xa0;Mio</translation>
    </message>
    <message>
        <source>over the %1 MiB target</source>
        <translation>au-delà de l’objectif de %1&#xa0;Mio</translation>
    </message>
    <message>
        <source>no collections yet</source>
        <translation>aucune collection pour l’instant</translation>
    </message>
    <message numerus="yes">
        <source>in %Ln collections</source>
        <translation>
            <numerusform>dans %Ln collection</numerusform>
            <numerusform>dans %Ln collections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ingesting %1 files/s, %Ln to go</source>
        <comment>files</comment>
        <translation>
            <numerusform>indexation à %1 fichiers/s, %Ln restant</numerusform>
            <numerusform>indexation à %1 fichiers/s, %Ln restants</numerusform>
        </translation>
    </message>
    <message>
        <source>database %1 · logs %2</source>
        <translation>base de données %1 · journaux %2</translation>
    </message>
    <message>
        <source>no model-server calls since start</source>
        <translation>aucun appel au serveur de modèles depuis le démarrage</translation>
    </message>
    <message numerus="yes">
        <source>%Ln requests · %1 prompt + %2 completion tokens</source>
        <translation>
            <numerusform>%Ln requête · %1 jetons en entrée + %2 jetons en sortie</numerusform>
            <numerusform>%Ln requêtes · %1 jetons en entrée + %2 jetons en sortie</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1&#xa0;h %2&#xa0;min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1&#xa0;min</translation>
    </message>
    <message>
        <source>Snapshot taken at %1 in %2 ms · running for %3</source>
        <translation>Instantané pris à %1 en %2&#xa0;ms · actif depuis %3</translation>
    </message>
    <message>
        <source>The 95th percentile latency of searches and answers, minute by minute, over the last hour.</source>
        <translation>La latence au 95e centile des recherches et des réponses, minute par minute, sur la dernière heure.</translation>
    </message>
    <message>
        <source>How many searches and answers ran each minute over the last hour.</source>
        <translation>Le nombre de recherches et de réponses par minute sur la dernière heure.</translation>
    </message>
    <message>
        <source>DocRag&apos;s resident memory over the last hour.</source>
        <translation>La mémoire résidente de DocRag sur la dernière heure.</translation>
    </message>
    <message>
        <source>Performance dashboard</source>
        <translation>Tableau de bord des performances</translation>
    </message>
    <message>
        <source>This session, last hour</source>
        <translation>Cette session, dernière heure</translation>
    </message>
    <message>
        <source>Every process, last 24 hours</source>
        <translation>Tous les processus, dernières 24 heures</translation>
    </message>
    <message>
        <source>Timings of</source>
        <translation>Durées de</translation>
    </message>
    <message>
        <source>Every process: the desktop app and docrag-cli on this data folder, from the statistics they keep in the database.</source>
        <translation>Tous les processus : l’application de bureau et docrag-cli sur ce dossier de données, d’après les statistiques qu’ils tiennent dans la base.</translation>
    </message>
    <message>
        <source>no calls in the last 24 hours</source>
        <translation>aucun appel ces dernières 24 heures</translation>
    </message>
    <message>
        <source>Requests, last 24 hours</source>
        <translation>Requêtes, dernières 24 heures</translation>
    </message>
    <message>
        <source>no answers in the last 24 hours</source>
        <translation>aucune réponse ces dernières 24 heures</translation>
    </message>
    <message>
        <source>%1 · no searches in the last 24 hours</source>
        <translation>%1 · aucune recherche ces dernières 24 heures</translation>
    </message>
    <message>
        <source>The 95th percentile latency of searches and answers of every process, minute by minute, over the last 24 hours.</source>
        <translation>Le 95e centile de la latence des recherches et des réponses de tous les processus, minute par minute, sur les dernières 24 heures.</translation>
    </message>
    <message>
        <source>How many searches and answers every process ran each minute over the last 24 hours.</source>
        <translation>Combien de recherches et de réponses tous les processus ont faites chaque minute des dernières 24 heures.</translation>
    </message>
</context>
<context>
    <name>docrag::DocumentLinkOpener</name>
    <message>
        <source>Link in the document</source>
        <translation>Lien dans le document</translation>
    </message>
    <message>
        <source>This link runs a script or carries data:

%1

DocRag does not open such links.</source>
        <translation>Ce lien exécute un script ou contient des données&#xa0;:

%1

DocRag n’ouvre pas ce type de lien.</translation>
    </message>
    <message>
        <source>This link leads outside the document:

%1

Open it with the system&apos;s application for it?</source>
        <translation>Ce lien mène en dehors du document&#xa0;:

%1

L’ouvrir avec l’application prévue par le système&#x202f;?</translation>
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
        <translation>indexé</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>ignoré</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>docrag::FindBar</name>
    <message>
        <source>Find in page</source>
        <translation>Rechercher dans la page</translation>
    </message>
    <message>
        <source>Enter finds the next match, Shift+Enter the previous one, Esc closes.</source>
        <translation>Entrée trouve l’occurrence suivante, Maj+Entrée la précédente, Échap ferme.</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Occurrence précédente (Maj+Entrée)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Occurrence suivante (Entrée)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Fermer la barre de recherche (Échap)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Aucune occurrence</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n</source>
        <translation>
            <numerusform>%1 sur %n</numerusform>
            <numerusform>%1 sur %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>docrag::HealthIndicator</name>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>%1: OK</source>
        <comment>health light; %1 is Database, Index or Model</comment>
        <translation>%1&#xa0;: OK</translation>
    </message>
    <message>
        <source>%1: limited</source>
        <comment>health light: works with a limitation</comment>
        <translation>%1&#xa0;: limité</translation>
    </message>
    <message>
        <source>%1: failing</source>
        <comment>health light</comment>
        <translation>%1&#xa0;: en échec</translation>
    </message>
    <message>
        <source>%1: unknown</source>
        <comment>health light: not checked yet</comment>
        <translation>%1&#xa0;: inconnu</translation>
    </message>
</context>
<context>
    <name>docrag::IngestLimitsBox</name>
    <message>
        <source>Limits for each file</source>
        <translation>Limites pour chaque fichier</translation>
    </message>
    <message>
        <source>A file that reaches a limit is indexed up to it, and its status says where it stopped.</source>
        <translation>Un fichier qui atteint une limite est indexé jusqu’à celle-ci, et son statut indique où l’indexation s’est arrêtée.</translation>
    </message>
    <message>
        <source>&amp;Passages per file:</source>
        <translation>Passages par &amp;fichier&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Largest file:</source>
        <translation>Fichier le plus &amp;volumineux&#xa0;:</translation>
    </message>
    <message>
        <source>HTML &amp;nesting:</source>
        <translation>Profondeur d’imbrication &amp;HTML&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Memory for files read together:</source>
        <translation>&amp;Mémoire pour les fichiers lus simultanément&#xa0;:</translation>
    </message>
    <message>
        <source>Longest bl&amp;ock (characters):</source>
        <translation>&amp;Bloc le plus long (caractères)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>docrag::IngestTask</name>
    <message>
        <source>%1: cancelled</source>
        <translation>%1&#xa0;: indexation annulée</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: cancelled (%Ln indexed before the cancel are kept; ingest again to resume)</source>
        <comment>files</comment>
        <translation>
            <numerusform>%1&#xa0;: indexation annulée (%Ln fichier indexé avant l’annulation est conservé&#x202f;; relancez l’indexation pour reprendre)</numerusform>
            <numerusform>%1&#xa0;: indexation annulée (les %Ln fichiers indexés avant l’annulation sont conservés&#x202f;; relancez l’indexation pour reprendre)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln indexed</source>
        <comment>files</comment>
        <translation>
            <numerusform>%Ln fichier indexé</numerusform>
            <numerusform>%Ln fichiers indexés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unchanged</source>
        <comment>files</comment>
        <translation>
            <numerusform>%Ln inchangé</numerusform>
            <numerusform>%Ln inchangés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped</source>
        <comment>files</comment>
        <translation>
            <numerusform>%Ln ignoré</numerusform>
            <numerusform>%Ln ignorés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <comment>files</comment>
        <translation>
            <numerusform>%Ln en échec</numerusform>
            <numerusform>%Ln en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln removed</source>
        <comment>files</comment>
        <translation>
            <numerusform>%Ln supprimé</numerusform>
            <numerusform>%Ln supprimés</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 in %3 s</source>
        <translation>%1&#xa0;: %2 en %3&#xa0;s</translation>
    </message>
</context>
<context>
    <name>docrag::IngestWizard</name>
    <message>
        <source>Add documentation</source>
        <translation>Ajouter de la documentation</translation>
    </message>
</context>
<context>
    <name>docrag::LibraryStatusLabel</name>
    <message>
        <source>Syncing the team library %1…</source>
        <translation>Synchronisation de la bibliothèque d’équipe %1…</translation>
    </message>
    <message numerus="yes">
        <source>Syncing “%1” from the team library %2: %3 of %Ln files…</source>
        <translation>
            <numerusform>Synchronisation de «&#xa0;%1&#xa0;» depuis la bibliothèque d’équipe %2&#xa0;: %3 sur %Ln fichier…</numerusform>
            <numerusform>Synchronisation de «&#xa0;%1&#xa0;» depuis la bibliothèque d’équipe %2&#xa0;: %3 sur %Ln fichiers…</numerusform>
        </translation>
    </message>
    <message>
        <source>The team library %1 could not be synced; its collections answer from their last sync.</source>
        <translation>La bibliothèque d’équipe %1 n’a pas pu être synchronisée&#xa0;; ses collections répondent avec leur dernière synchronisation.</translation>
    </message>
    <message numerus="yes">
        <source>Team library %1 synced: %Ln files changed.</source>
        <translation>
            <numerusform>Bibliothèque d’équipe %1 synchronisée&#xa0;: %Ln fichier modifié.</numerusform>
            <numerusform>Bibliothèque d’équipe %1 synchronisée&#xa0;: %Ln fichiers modifiés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Team library %1 synced, with a problem: %2</source>
        <translation>Bibliothèque d’équipe %1 synchronisée, avec un problème&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>docrag::LibraryView</name>
    <message>
        <source>Search all documentation (works offline)</source>
        <translation>Rechercher dans toute la documentation (fonctionne hors ligne)</translation>
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
            <numerusform>indexation interrompue&#xa0;: %1 sur %Ln fichier traité</numerusform>
            <numerusform>indexation interrompue&#xa0;: %1 sur %Ln fichiers traités</numerusform>
        </translation>
    </message>
    <message>
        <source>The last ingest of this collection did not finish. Right-click (or press the menu key) and choose Resume ingest to finish it; what was stored is kept.</source>
        <translation>La dernière indexation de cette collection n’est pas allée à son terme. Faites un clic droit (ou appuyez sur la touche Menu) et choisissez Reprendre l’indexation pour la terminer&#x202f;; les données déjà enregistrées sont conservées.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2 of %Ln files)</source>
        <translation>
            <numerusform>%1 (%2 sur %Ln fichier)</numerusform>
            <numerusform>%1 (%2 sur %Ln fichiers)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>being ingested: %1 of %Ln files</source>
        <translation>
            <numerusform>indexation en cours&#xa0;: %1 sur %Ln fichier</numerusform>
            <numerusform>indexation en cours&#xa0;: %1 sur %Ln fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Resume ingest</source>
        <translation>&amp;Reprendre l’indexation</translation>
    </message>
    <message>
        <source>&lt;p&gt;Search failed: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Échec de la recherche&#xa0;: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing matches “%1”.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aucun résultat pour «&#xa0;%1&#xa0;».&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Rechercher dans la bibliothèque</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <source>Collections, their documents and the documents&apos; headings. Selecting one shows it in the source viewer.</source>
        <translation>Les collections, leurs documents et les titres des documents. L’élément sélectionné s’affiche dans la visionneuse de sources.</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Tab moves between the results; Enter opens one.</source>
        <translation>Tab passe d’un résultat à l’autre&#xa0;; Entrée ouvre le résultat.</translation>
    </message>
    <message>
        <source>Type an API name or any words. Up and Down choose among the API names found, Enter opens one, Esc returns to the chat.</source>
        <translation>Tapez un nom d’API ou des mots. Haut et Bas choisissent parmi les noms d’API trouvés, Entrée en ouvre un, Échap revient à la conversation.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>synchronisée %1</translation>
    </message>
    <message>
        <source>Kept in sync with its folders. Last synced: %1.</source>
        <translation>Tenue à jour avec ses dossiers. Dernière synchronisation&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Kept in sync: DocRag watches its folders and ingests what changes. Last synced: %1.</source>
        <translation>Tenue à jour&#xa0;: DocRag surveille ses dossiers et indexe ce qui change. Dernière synchronisation&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Kept in sync: its folders cannot be watched (%1), so DocRag looks for changes every few minutes. Last synced: %2.</source>
        <translation>Tenue à jour&#xa0;: ses dossiers ne peuvent pas être surveillés (%1), DocRag y cherche donc les changements toutes les quelques minutes. Dernière synchronisation&#xa0;: %2.</translation>
    </message>
    <message>
        <source>&amp;Keep in sync with its folders</source>
        <translation>&amp;Tenir à jour avec ses dossiers</translation>
    </message>
    <message>
        <source>synced %1, checked every few minutes</source>
        <translation>synchronisée %1, vérifiée toutes les quelques minutes</translation>
    </message>
    <message>
        <source>team library, synced %1</source>
        <translation>bibliothèque d’équipe, synchronisée %1</translation>
    </message>
    <message>
        <source>A copy of a collection of a team library, searched on this computer. DocRag syncs it from the library every few minutes; it changes only there. Last synced: %1.</source>
        <translation>Une copie d’une collection d’une bibliothèque d’équipe, interrogée sur cet ordinateur. DocRag la synchronise avec la bibliothèque toutes les quelques minutes&#xa0;; elle ne change que là-bas. Dernière synchronisation&#xa0;: %1.</translation>
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
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Performances</translation>
    </message>
    <message>
        <source>Interrupted ingest: %1. Resume it from the library&apos;s context menu.</source>
        <translation>Indexation interrompue&#xa0;: %1. Reprenez-la depuis le menu contextuel de la bibliothèque.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Add documentation…</source>
        <translation>&amp;Ajouter de la documentation…</translation>
    </message>
    <message>
        <source>&amp;Export conversation…</source>
        <translation>&amp;Exporter la conversation…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Performance &amp;dashboard</source>
        <translation>&amp;Tableau de bord des performances</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Conversation</translation>
    </message>
    <message>
        <source>&amp;New conversation</source>
        <translation>&amp;Nouvelle conversation</translation>
    </message>
    <message>
        <source>&amp;Stop answer</source>
        <translation>&amp;Arrêter la réponse</translation>
    </message>
    <message>
        <source>&amp;Regenerate answer</source>
        <translation>&amp;Régénérer la réponse</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>unknown: the database failed</source>
        <translation>état inconnu&#xa0;: échec de la base de données</translation>
    </message>
    <message>
        <source>%1, %2, schema %3</source>
        <translation>%1, %2, schéma %3</translation>
    </message>
    <message>
        <source>no documents yet: add some with File › Add documentation</source>
        <translation>aucun document pour l’instant&#xa0;: ajoutez-en avec Fichier › Ajouter de la documentation</translation>
    </message>
    <message numerus="yes">
        <source>%Ln collections, %1, vector indexes %2</source>
        <translation>
            <numerusform>%Ln collection, %1, index vectoriels&#xa0;: %2</numerusform>
            <numerusform>%Ln collections, %1, index vectoriels&#xa0;: %2</numerusform>
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
        <translation>aucun serveur de modèles configuré&#xa0;: les réponses sont extractives (hors ligne). Configurez-en un dans les Paramètres.</translation>
    </message>
    <message>
        <source>checking %1…</source>
        <translation>vérification de %1…</translation>
    </message>
    <message>
        <source>%1, model %2, answered in %3 ms</source>
        <translation>%1, modèle %2, réponse en %3&#xa0;ms</translation>
    </message>
    <message>
        <source>%1 does not answer: %2</source>
        <translation>%1 ne répond pas&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Ingesting: %1 of %Ln files, about %2 s left</source>
        <translation>
            <numerusform>Indexation&#xa0;: %1 sur %Ln fichier, encore %2&#xa0;s environ</numerusform>
            <numerusform>Indexation&#xa0;: %1 sur %Ln fichiers, encore %2&#xa0;s environ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ingesting: %1 of %Ln files</source>
        <translation>
            <numerusform>Indexation&#xa0;: %1 sur %Ln fichier</numerusform>
            <numerusform>Indexation&#xa0;: %1 sur %Ln fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot resume: %1</source>
        <translation>Impossible de reprendre&#xa0;: %1</translation>
    </message>
    <message>
        <source>Another ingest is running; resume when it has finished.</source>
        <translation>Une autre indexation est en cours&#x202f;; reprenez celle-ci une fois l’autre terminée.</translation>
    </message>
    <message>
        <source>Search the &amp;library</source>
        <translation>Rechercher dans la &amp;bibliothèque</translation>
    </message>
    <message>
        <source>&amp;Ask a question</source>
        <translation>&amp;Poser une question</translation>
    </message>
    <message>
        <source>&amp;Open a conversation</source>
        <translation>&amp;Ouvrir une conversation</translation>
    </message>
    <message>
        <source>Ne&amp;xt source</source>
        <translation>Source sui&amp;vante</translation>
    </message>
    <message>
        <source>&amp;Previous source</source>
        <translation>Source pr&amp;écédente</translation>
    </message>
    <message>
        <source>&amp;Find in source</source>
        <translation>&amp;Rechercher dans la source</translation>
    </message>
    <message>
        <source>&amp;Back in source</source>
        <translation>Source : &amp;précédent</translation>
    </message>
    <message>
        <source>F&amp;orward in source</source>
        <translation>Source : &amp;suivant</translation>
    </message>
    <message>
        <source>&amp;Team libraries…</source>
        <translation>Bibliothèques d’é&amp;quipe…</translation>
    </message>
</context>
<context>
    <name>docrag::OptionsPage</name>
    <message>
        <source>Collection and embedder</source>
        <translation>Collection et moteur d’embedding</translation>
    </message>
    <message>
        <source>A collection is what questions and searches are asked of. Ingesting into an existing collection adds new files and updates changed ones.</source>
        <translation>Une collection est l’ensemble interrogé par les questions et les recherches. Indexer dans une collection existante ajoute les nouveaux fichiers et met à jour ceux qui ont changé.</translation>
    </message>
    <message>
        <source>&amp;Ingest</source>
        <translation>&amp;Indexer</translation>
    </message>
    <message>
        <source>e.g. python</source>
        <translation>p. ex. python</translation>
    </message>
    <message>
        <source>optional: python, react, internal… (to filter by)</source>
        <translation>facultatif&#xa0;: python, react, interne… (pour filtrer)</translation>
    </message>
    <message>
        <source>Built-in (offline)</source>
        <translation>Intégré (hors ligne)</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>Serveur compatible OpenAI</translation>
    </message>
    <message>
        <source>&amp;Collection:</source>
        <translation>&amp;Collection&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Doc type:</source>
        <translation>Type de &amp;documentation&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Embedder:</source>
        <translation>Moteur d’&amp;embedding&#xa0;:</translation>
    </message>
    <message>
        <source>Configure an OpenAI-compatible server in Settings to use it here.</source>
        <translation>Configurez un serveur compatible OpenAI dans les Paramètres pour l’utiliser ici.</translation>
    </message>
    <message>
        <source>Name the collection.</source>
        <translation>Nommez la collection.</translation>
    </message>
    <message>
        <source>A new collection.</source>
        <translation>Nouvelle collection.</translation>
    </message>
    <message numerus="yes">
        <source>Adds to the existing collection (%Ln documents, embedder %1).</source>
        <translation>
            <numerusform>Ajout à la collection existante (%Ln document, moteur d’embedding %1).</numerusform>
            <numerusform>Ajout à la collection existante (%Ln documents, moteur d’embedding %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Configure its model server in Settings first.</source>
        <translation>Configurez d’abord son serveur de modèles dans les Paramètres.</translation>
    </message>
    <message>
        <source>No list price is known for %1; a local server costs nothing.</source>
        <translation>Aucun tarif public connu pour %1&#x202f;; un serveur local ne coûte rien.</translation>
    </message>
    <message>
        <source>About $%1, assuming %2&apos;s list price of $%3 per 1M tokens.</source>
        <translation>Environ %1&#xa0;$ US, d’après le tarif public de %2 (%3&#xa0;$ US par million de jetons).</translation>
    </message>
    <message>
        <source>The texts are sent to the model server to be embedded.</source>
        <translation>Les textes sont envoyés au serveur de modèles pour le calcul des embeddings.</translation>
    </message>
    <message>
        <source>The built-in embedder runs on this computer: nothing leaves it, and it costs nothing.</source>
        <translation>Le moteur d’embedding intégré s’exécute sur cet ordinateur&#xa0;: rien n’en sort, et c’est gratuit.</translation>
    </message>
    <message>
        <source>Estimating the size…</source>
        <translation>Estimation de la taille…</translation>
    </message>
    <message numerus="yes">
        <source>About %1 tokens to embed (from %Ln sampled files).</source>
        <translation>
            <numerusform>Environ %1 jetons à traiter (estimation d’après %Ln fichier échantillonné).</numerusform>
            <numerusform>Environ %1 jetons à traiter (estimation d’après %Ln fichiers échantillonnés).</numerusform>
        </translation>
    </message>
    <message>
        <source>Passages embedded before are reused, so adding to a collection costs less.</source>
        <translation>Les embeddings déjà calculés pour des passages sont réutilisés&#xa0;: ajouter des fichiers à une collection coûte donc moins cher.</translation>
    </message>
    <message>
        <source>&amp;Keep in sync: ingest what changes in these folders while DocRag runs</source>
        <translation>&amp;Tenir à jour&#xa0;: indexer ce qui change dans ces dossiers tant que DocRag tourne</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Cet ordinateur seulement</translation>
    </message>
    <message>
        <source>Also share the collection in a team library (File &gt; Team libraries…): the documents are sent there once ingested here.</source>
        <translation>Partager aussi la collection dans une bibliothèque d’équipe (Fichier &gt; Bibliothèques d’équipe…)&#xa0;: les documents y sont envoyés une fois ingérés ici.</translation>
    </message>
    <message>
        <source>&amp;Share in:</source>
        <translation>&amp;Partager dans&#xa0;:</translation>
    </message>
</context>
<context>
    <name>docrag::ProgressPage</name>
    <message>
        <source>about %1 s left</source>
        <translation>encore %1&#xa0;s environ</translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation>encore %1&#xa0;min %2&#xa0;s environ</translation>
    </message>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>encore %1&#xa0;h %2&#xa0;min environ</translation>
    </message>
    <message>
        <source>Ingesting</source>
        <translation>Indexation en cours</translation>
    </message>
    <message>
        <source>You can close this window: the ingest continues in the background and its progress shows in the status bar.</source>
        <translation>Vous pouvez fermer cette fenêtre&#xa0;: l’indexation se poursuit en arrière-plan et sa progression s’affiche dans la barre d’état.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Fichiers&#xa0;:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Durée&#xa0;:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Débit&#xa0;:</translation>
    </message>
    <message>
        <source>Reading:</source>
        <translation>Lecture&#xa0;:</translation>
    </message>
    <message>
        <source>Another ingest (of &quot;%1&quot;) is still running: wait for it to finish, then try again.</source>
        <translation>Une autre indexation (de «&#xa0;%1&#xa0;») est toujours en cours&#xa0;: attendez qu’elle se termine, puis réessayez.</translation>
    </message>
    <message>
        <source>Listing files…</source>
        <translation>Recensement des fichiers…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 done, %Ln passages written</source>
        <translation>
            <numerusform>%1 sur %2 fichiers traités, %Ln passage écrit</numerusform>
            <numerusform>%1 sur %2 fichiers traités, %Ln passages écrits</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s elapsed</source>
        <translation>%1&#xa0;s écoulées</translation>
    </message>
    <message>
        <source>%1/s, %2 embeddings/s</source>
        <translation>%1/s, %2 embeddings/s</translation>
    </message>
    <message>
        <source>Cancelling… the files already stored stay in the collection.</source>
        <translation>Annulation… les fichiers déjà enregistrés restent dans la collection.</translation>
    </message>
    <message>
        <source>Cancel &amp;ingest</source>
        <translation>&amp;Annuler l’indexation</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Each file of the ingest with its status and, when it was skipped or failed, the reason.</source>
        <translation>Chaque fichier de l’indexation avec son état et, s’il a été ignoré ou est en échec, la raison.</translation>
    </message>
</context>
<context>
    <name>docrag::QuestionEdit</name>
    <message>
        <source>Ask about your documentation…  (Enter sends, Shift+Enter adds a line)</source>
        <translation>Posez une question sur votre documentation…  (Entrée pour envoyer, Maj+Entrée pour aller à la ligne)</translation>
    </message>
</context>
<context>
    <name>docrag::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>sk-… (not needed for most local servers)</source>
        <translation>sk-… (inutile pour la plupart des serveurs locaux)</translation>
    </message>
    <message>
        <source>Reading the system keychain…</source>
        <translation>Lecture du trousseau du système…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Model server (OpenAI or compatible)</source>
        <translation>Serveur de modèles (OpenAI ou compatible)</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>Clé d’&amp;API&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>URL de &amp;base&#xa0;:</translation>
    </message>
    <message>
        <source>Empty: OpenAI. Ollama: http://localhost:11434/v1, llama.cpp&apos;s llama-server: http://localhost:8080/v1. With neither a key nor a URL, DocRag works offline with extractive answers.</source>
        <translation>Vide&#xa0;: OpenAI. Ollama&#xa0;: http://localhost:11434/v1, llama-server de llama.cpp&#xa0;: http://localhost:8080/v1. Sans clé ni URL, DocRag fonctionne hors ligne avec des réponses extractives.</translation>
    </message>
    <message>
        <source>&amp;Chat model:</source>
        <translation>Modèle de &amp;chat&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Embedding model:</source>
        <translation>Modèle d’&amp;embedding&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Dimensions:</source>
        <translation>&amp;Dimensions&#xa0;:</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> jetons</translation>
    </message>
    <message>
        <source>Applies to files ingested from now on.</source>
        <translation>S’applique aux fichiers indexés à partir de maintenant.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Takes effect when DocRag starts again.</source>
        <translation>Prend effet au prochain démarrage de DocRag.</translation>
    </message>
    <message>
        <source>The new language is used when DocRag starts again.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage de DocRag.</translation>
    </message>
    <message>
        <source>Answers, ingestion and interface</source>
        <translation>Réponses, indexation et interface</translation>
    </message>
    <message>
        <source>&amp;Passages per answer (top-k):</source>
        <translation>&amp;Passages par réponse (top-k)&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;hunk size:</source>
        <translation>Taille des pa&amp;ssages&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>The system keychain is unavailable (%1). The key will be used for this session only; it is never saved in a file.</source>
        <translation>Le trousseau du système n’est pas disponible (%1). La clé sera utilisée pour cette session uniquement&#x202f;; elle n’est jamais enregistrée dans un fichier.</translation>
    </message>
    <message>
        <source>No key stored. A key entered here is kept in the system keychain.</source>
        <translation>Aucune clé enregistrée. Une clé saisie ici est conservée dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Stored in the system keychain.</source>
        <translation>Enregistrée dans le trousseau du système.</translation>
    </message>
    <message>
        <source>No model server set: enter a base URL or an API key.</source>
        <translation>Aucun serveur de modèles défini&#xa0;: saisissez une URL de base ou une clé d’API.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Connected: %Ln models, %1 ms</source>
        <translation>
            <numerusform>Connecté&#xa0;: %Ln modèle, %1&#xa0;ms</numerusform>
            <numerusform>Connecté&#xa0;: %Ln modèles, %1&#xa0;ms</numerusform>
        </translation>
    </message>
    <message>
        <source>Shared collections:</source>
        <translation>Collections partagées&#xa0;:</translation>
    </message>
    <message>
        <source>Team lib&amp;raries…</source>
        <translation>Bibliothèques d’équip&amp;e…</translation>
    </message>
</context>
<context>
    <name>docrag::SourceViewer</name>
    <message>
        <source>Click a citation or a library item to see its source.</source>
        <translation>Cliquez sur une citation ou sur un élément de la bibliothèque pour afficher sa source.</translation>
    </message>
    <message>
        <source>Open in system viewer</source>
        <translation>Ouvrir dans la visionneuse du système</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <source>Cannot show the source: %1</source>
        <translation>Impossible d’afficher la source&#xa0;: %1</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>page %1</translation>
    </message>
    <message>
        <source>lines %1–%2</source>
        <translation>lignes %1–%2</translation>
    </message>
    <message>
        <source>Source document</source>
        <translation>Document source</translation>
    </message>
    <message>
        <source>The document a passage came from, with the passage highlighted.</source>
        <translation>Le document d’où provient un passage, avec le passage mis en évidence.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Back to the previous place (Alt+Left)</source>
        <translation>Revenir à l’endroit précédent (Alt+Gauche)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Forward again (Alt+Right)</source>
        <translation>Avancer de nouveau (Alt+Droite)</translation>
    </message>
    <message>
        <source>No application is set up to open %1 on this system.</source>
        <translation>Aucune application n’est configurée sur ce système pour ouvrir %1.</translation>
    </message>
</context>
<context>
    <name>docrag::SourcesPage</name>
    <message>
        <source>Choose the documentation</source>
        <translation>Choisir la documentation</translation>
    </message>
    <message>
        <source>Folders are searched recursively; .gitignore and .docragignore files are honoured, and build, dependency and hidden folders are left out.</source>
        <translation>Les dossiers sont parcourus récursivement&#x202f;; les fichiers .gitignore et .docragignore sont respectés, et les dossiers de compilation, de dépendances et cachés sont exclus.</translation>
    </message>
    <message>
        <source>Drop folders or files here</source>
        <translation>Déposez des dossiers ou des fichiers ici</translation>
    </message>
    <message>
        <source>Add &amp;folder…</source>
        <translation>Ajouter un &amp;dossier…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>e.g. *.md *.html (empty: every supported file)</source>
        <translation>p. ex. *.md *.html (vide&#xa0;: tous les fichiers pris en charge)</translation>
    </message>
    <message>
        <source>One gitignore-style pattern a line, e.g.
drafts/
*.min.js</source>
        <translation>Un motif de type gitignore par ligne, p. ex.
drafts/
*.min.js</translation>
    </message>
    <message>
        <source>E&amp;xclude:</source>
        <translation>À e&amp;xclure&#xa0;:</translation>
    </message>
    <message>
        <source>Add a folder of documentation</source>
        <translation>Ajouter un dossier de documentation</translation>
    </message>
    <message>
        <source>Add documentation files</source>
        <translation>Ajouter des fichiers de documentation</translation>
    </message>
    <message>
        <source>Documentation (*.md *.markdown *.mdx *.html *.htm *.rst *.txt *.pdf)</source>
        <translation>Documentation (*.md *.markdown *.mdx *.html *.htm *.rst *.txt *.pdf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Counting files…</source>
        <translation>Comptage des fichiers…</translation>
    </message>
    <message>
        <source>Add folders or files (or drop them on the list) to see what will be ingested.</source>
        <translation>Ajoutez des dossiers ou des fichiers (ou déposez-les sur la liste) pour voir ce qui sera indexé.</translation>
    </message>
    <message>
        <source>Cannot list the files: %1</source>
        <translation>Impossible de lister les fichiers&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln files, %1 will be ingested</source>
        <translation>
            <numerusform>%Ln fichier (%1) sera indexé</numerusform>
            <numerusform>%Ln fichiers (%1) seront indexés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %Ln skipped (unsupported type, too large or unreadable)</source>
        <comment>files</comment>
        <translation>
            <numerusform>%1&#x202f;; %Ln ignoré (type non pris en charge, trop volumineux ou illisible)</numerusform>
            <numerusform>%1&#x202f;; %Ln ignorés (type non pris en charge, trop volumineux ou illisibles)</numerusform>
        </translation>
    </message>
    <message>
        <source>Folders and files to ingest</source>
        <translation>Dossiers et fichiers à indexer</translation>
    </message>
    <message>
        <source>Add fi&amp;les…</source>
        <translation>Ajouter des &amp;fichiers…</translation>
    </message>
    <message>
        <source>&amp;Include file names:</source>
        <translation>Noms de fichiers à &amp;inclure&#xa0;:</translation>
    </message>
</context>
<context>
    <name>docrag::SymbolSuggestions</name>
    <message>
        <source>API names</source>
        <translation>Noms d’API</translation>
    </message>
    <message>
        <source>Functions, classes and other API names that match what you type. Up and Down choose one, Enter opens it.</source>
        <translation>Fonctions, classes et autres noms d’API correspondant à ce que vous tapez. Haut et Bas en choisissent un, Entrée l’ouvre.</translation>
    </message>
    <message>
        <source>%1  (%2, %3: %4)</source>
        <translation>%1  (%2, %3 : %4)</translation>
    </message>
</context>
<context>
    <name>docrag::SyncStatusLabel</name>
    <message>
        <source>Syncing “%1” with its folders…</source>
        <translation>Synchronisation de «&#xa0;%1&#xa0;» avec ses dossiers…</translation>
    </message>
    <message>
        <source>Could not sync “%1”: %2</source>
        <translation>Impossible de synchroniser «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>“%1” synced: %Ln files were not indexed; a file indexed before keeps its last good version.</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» synchronisée&#xa0;: %Ln fichier n’a pas été indexé&#xa0;; s’il l’était déjà, il garde sa dernière bonne version.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» synchronisée&#xa0;: %Ln fichiers n’ont pas été indexés&#xa0;; un fichier déjà indexé garde sa dernière bonne version.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” synced: %Ln files changed.</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» synchronisée&#xa0;: %Ln fichier modifié.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» synchronisée&#xa0;: %Ln fichiers modifiés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>docrag::TeamFeedbackView</name>
    <message>
        <source>Team feedback</source>
        <translation>Avis de l’équipe</translation>
    </message>
    <message>
        <source>Refres&amp;h</source>
        <translation>Actualis&amp;er</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Not helpful</source>
        <translation>Pas utile</translation>
    </message>
    <message>
        <source>Helpful</source>
        <translation>Utile</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <source>Latest note</source>
        <translation>Dernière note</translation>
    </message>
    <message>
        <source>Reading the team libraries…</source>
        <translation>Lecture des bibliothèques d’équipe…</translation>
    </message>
    <message>
        <source>No team library is subscribed (File &gt; Team libraries…).</source>
        <translation>Aucune bibliothèque d’équipe n’est suivie (Fichier &gt; Bibliothèques d’équipe…).</translation>
    </message>
    <message>
        <source>No feedback has been shared with the team libraries yet.</source>
        <translation>Aucun avis n’a encore été partagé avec les bibliothèques d’équipe.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln questions with feedback, those most often not helpful first.</source>
        <translation>
            <numerusform>%Ln question avec des avis, les moins utiles d’abord.</numerusform>
            <numerusform>%Ln questions avec des avis, les moins utiles d’abord.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>docrag::TeamLibrariesDialog</name>
    <message>
        <source>Team libraries</source>
        <translation>Bibliothèques d’équipe</translation>
    </message>
    <message>
        <source>Collections shared by your team in a PostgreSQL database. DocRag keeps a copy of each on this computer, searches the copy, and syncs it every few minutes.</source>
        <translation>Collections partagées par votre équipe dans une base PostgreSQL. DocRag garde une copie de chacune sur cet ordinateur, interroge la copie et la synchronise toutes les quelques minutes.</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>S&amp;ynchroniser maintenant</translation>
    </message>
    <message>
        <source>&amp;Unsubscribe</source>
        <translation>Se &amp;désabonner</translation>
    </message>
    <message>
        <source>Send my &amp;feedback on its answers to the library</source>
        <translation>Envoyer mes &amp;avis sur ses réponses à la bibliothèque</translation>
    </message>
    <message>
        <source>kept in the system keychain; empty: ~/.pgpass</source>
        <translation>conservé dans le trousseau du système&#xa0;; vide&#xa0;: ~/.pgpass</translation>
    </message>
    <message>
        <source>&amp;Subscribe</source>
        <translation>&amp;S’abonner</translation>
    </message>
    <message>
        <source>Library &amp;URL:</source>
        <translation>&amp;URL de la bibliothèque&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>%1 — synced %2</source>
        <translation>%1 — synchronisée %2</translation>
    </message>
    <message>
        <source>The last sync failed: %1</source>
        <translation>La dernière synchronisation a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Subscribed. Its collections arrive with the first sync.</source>
        <translation>Abonné. Ses collections arrivent avec la première synchronisation.</translation>
    </message>
    <message>
        <source>Removing the copies of %1…</source>
        <translation>Suppression des copies de %1…</translation>
    </message>
    <message>
        <source>Unsubscribed; the library keeps its collections.</source>
        <translation>Désabonné&#xa0;; la bibliothèque garde ses collections.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>DocRag cannot open its data:
%1</source>
        <translation>DocRag ne peut pas ouvrir ses données&#xa0;:
%1</translation>
    </message>
</context>
</TS>
