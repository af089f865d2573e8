<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CallError</name>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>deadline-exceeded</source>
        <translation>Frist überschritten</translation>
    </message>
    <message>
        <source>max-attempts</source>
        <translation>Versuche ausgeschöpft</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>server-restarted</source>
        <translation>Server neu gestartet</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>transport</source>
        <translation>Transportfehler</translation>
    </message>
    <message>
        <source>too-large</source>
        <translation>zu groß</translation>
    </message>
</context>
<context>
    <name>Choice</name>
    <message>
        <source>fixed</source>
        <translation>fest</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>exponentiell</translation>
    </message>
    <message>
        <source>full-jitter</source>
        <translation>voller Jitter</translation>
    </message>
    <message>
        <source>equal-jitter</source>
        <translation>halber Jitter</translation>
    </message>
    <message>
        <source>decorrelated-jitter</source>
        <translation>dekorrelierter Jitter</translation>
    </message>
    <message>
        <source>adaptive</source>
        <translation>adaptiv</translation>
    </message>
    <message>
        <source>explicit</source>
        <translation>explizit</translation>
    </message>
    <message>
        <source>implicit</source>
        <translation>implizit</translation>
    </message>
    <message>
        <source>bernoulli</source>
        <translation>Bernoulli (unabhängig)</translation>
    </message>
    <message>
        <source>gilbert</source>
        <translation>Gilbert (Bündel)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>Bytesumme</translation>
    </message>
    <message>
        <source>xor</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>fletcher16</source>
        <translation>Fletcher-16</translation>
    </message>
    <message>
        <source>crc32c</source>
        <translation>CRC-32C</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>ordered</source>
        <translation>geordnet</translation>
    </message>
</context>
<context>
    <name>EventKind</name>
    <message>
        <source>call-start</source>
        <translation>Aufruf beginnt</translation>
    </message>
    <message>
        <source>send</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>deliver</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>verloren</translation>
    </message>
    <message>
        <source>duplicated</source>
        <translation>verdoppelt</translation>
    </message>
    <message>
        <source>corrupted</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <source>checksum-fail</source>
        <translation>Prüfsumme falsch</translation>
    </message>
    <message>
        <source>corrupt-accepted</source>
        <translation>Beschädigung unbemerkt</translation>
    </message>
    <message>
        <source>reordered</source>
        <translation>umsortiert</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>retransmit</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>ack</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>working</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <source>duplicate-suppressed</source>
        <translation>Duplikat unterdrückt</translation>
    </message>
    <message>
        <source>cached-reply-resent</source>
        <translation>gespeicherte Antwort erneut gesendet</translation>
    </message>
    <message>
        <source>handler-start</source>
        <translation>Handler beginnt</translation>
    </message>
    <message>
        <source>handler-end</source>
        <translation>Handler fertig</translation>
    </message>
    <message>
        <source>cache-evict</source>
        <translation>aus Cache entfernt</translation>
    </message>
    <message>
        <source>late-reply-dropped</source>
        <translation>verspätete Antwort verworfen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>call-ok</source>
        <translation>Aufruf erfolgreich</translation>
    </message>
    <message>
        <source>call-failed</source>
        <translation>Aufruf fehlgeschlagen</translation>
    </message>
    <message>
        <source>malformed-dropped</source>
        <translation>fehlerhaft, verworfen</translation>
    </message>
    <message>
        <source>param-change</source>
        <translation>Einstellung geändert</translation>
    </message>
    <message>
        <source>stale-dropped</source>
        <translation>veraltet, verworfen</translation>
    </message>
    <message>
        <source>socket-error</source>
        <translation>Socket-Fehler</translation>
    </message>
    <message>
        <source>server-restart</source>
        <translation>Server-Neustart</translation>
    </message>
    <message>
        <source>fragment-ack</source>
        <translation>Fragmentbestätigung</translation>
    </message>
    <message>
        <source>fragment-duplicate</source>
        <translation>doppeltes Fragment</translation>
    </message>
    <message>
        <source>reassembled</source>
        <translation>zusammengesetzt</translation>
    </message>
    <message>
        <source>request-held</source>
        <translation>Anfrage zurückgehalten</translation>
    </message>
</context>
<context>
    <name>EvictReason</name>
    <message>
        <source>acked</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Speichergrenze</translation>
    </message>
</context>
<context>
    <name>Host</name>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>client%1</source>
        <translation>Client%1</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>Communication is unreliable</source>
        <translation>Kommunikation ist unzuverlässig</translation>
    </message>
    <message>
        <source>Networks lose packets: a router or a host runs out of buffer space and drops what does not fit. Here each direction loses datagrams at random, and every ✗ is one that vanished. Move the Loss slider while it runs and count the crosses.</source>
        <translation>Netze verlieren Pakete: Einem Router oder Rechner geht der Pufferplatz aus, und er verwirft, was nicht hineinpasst. Hier verliert jede Richtung Datagramme zufällig, und jedes ✗ ist eines, das verschwunden ist. Bewegen Sie den Verlust-Regler während des Laufs und zählen Sie die Kreuze.</translation>
    </message>
    <message>
        <source>Checksums</source>
        <translation>Prüfsummen</translation>
    </message>
    <message>
        <source>Bits can flip on the way. The sender computes a checksum over the bytes and sends it along; the receiver computes it again and drops the datagram when the two differ, so a damaged datagram becomes a lost one. Switch the checksum to none or to the byte sum and see what gets through.</source>
        <translation>Unterwegs können Bits kippen. Der Sender berechnet eine Prüfsumme über die Bytes und schickt sie mit; der Empfänger berechnet sie erneut und verwirft das Datagramm, wenn beide sich unterscheiden, sodass ein beschädigtes Datagramm zu einem verlorenen wird. Stellen Sie die Prüfsumme auf keine oder auf die Bytesumme und sehen Sie, was durchkommt.</translation>
    </message>
    <message>
        <source>Acknowledgments</source>
        <translation>Bestätigungen</translation>
    </message>
    <message>
        <source>How does the sender know the message arrived? The receiver sends a short message back: an acknowledgment. In RPC the reply itself is the acknowledgment of the request.</source>
        <translation>Woher weiß der Sender, dass die Nachricht angekommen ist? Der Empfänger schickt eine kurze Nachricht zurück: eine Bestätigung. Bei RPC ist die Antwort selbst die Bestätigung der Anfrage.</translation>
    </message>
    <message>
        <source>Timeout and retry</source>
        <translation>Timeout und Wiederholung</translation>
    </message>
    <message>
        <source>What if no acknowledgment comes? The sender set a timer when it sent; when the timer goes off it concludes the message was lost and sends it again. Watch the timer bar on the client&apos;s lane run out.</source>
        <translation>Was, wenn keine Bestätigung kommt? Der Sender hat beim Senden einen Timer gestellt; läuft er ab, schließt der Sender, dass die Nachricht verloren ging, und sendet sie erneut. Beobachten Sie, wie der Timer-Balken auf der Spur des Clients abläuft.</translation>
    </message>
    <message>
        <source>Sequence counters and at-most-once</source>
        <translation>Sequenzzähler und höchstens einmal</translation>
    </message>
    <message>
        <source>Now the reply is lost. To the client this looks exactly like a lost request, so it resends; but the server has already run the call. Because every call carries its number, the server knows the retry is a duplicate and answers from its memory instead of running it twice.</source>
        <translation>Jetzt geht die Antwort verloren. Für den Client sieht das genauso aus wie eine verlorene Anfrage, also sendet er erneut; aber der Server hat den Aufruf schon ausgeführt. Weil jeder Aufruf seine Nummer trägt, erkennt der Server die Wiederholung als Duplikat und antwortet aus seinem Gedächtnis, statt den Aufruf zweimal auszuführen.</translation>
    </message>
    <message>
        <source>Exactly-once is impossible</source>
        <translation>Genau einmal ist unmöglich</translation>
    </message>
    <message>
        <source>The server&apos;s memory of answered calls dies with it. After a crash it cannot know whether it ran a call, so the best it can do is refuse the old retry: the caller learns the call ran at most once, perhaps not at all.</source>
        <translation>Das Gedächtnis des Servers für beantwortete Aufrufe stirbt mit ihm. Nach einem Absturz kann er nicht wissen, ob er einen Aufruf ausgeführt hat; das Beste, was er tun kann, ist, die alte Wiederholung abzulehnen: Der Aufrufer erfährt, dass der Aufruf höchstens einmal lief, vielleicht gar nicht.</translation>
    </message>
    <message>
        <source>The timeout value and back-off</source>
        <translation>Der Timeout-Wert und Back-off</translation>
    </message>
    <message>
        <source>Too short a timeout resends needlessly; too long a one waits after every loss. With many clients, loss may mean a busy server, and resending faster makes it worse: each timeout doubles the next one. Try the Back-off and Timeout controls while it runs.</source>
        <translation>Ein zu kurzer Timeout sendet unnötig erneut; ein zu langer wartet nach jedem Verlust. Bei vielen Clients kann Verlust einen überlasteten Server bedeuten, und schnelleres Wiederholen macht es schlimmer: Jeder Timeout verdoppelt den nächsten. Probieren Sie während des Laufs die Regler für Back-off und Timeout.</translation>
    </message>
    <message>
        <source>Overload</source>
        <translation>Überlast</translation>
    </message>
    <message>
        <source>A server that receives more than it can take drops what overflows its queue. The clients cannot tell this loss from the network&apos;s; only backing off lets the queue drain.</source>
        <translation>Ein Server, der mehr empfängt, als er bewältigen kann, verwirft, was aus seiner Warteschlange überläuft. Die Clients können diesen Verlust nicht von dem des Netzes unterscheiden; nur Back-off lässt die Warteschlange leerlaufen.</translation>
    </message>
    <message>
        <source>Stubs, marshalling and byte order</source>
        <translation>Stubs, Marshalling und Byte-Reihenfolge</translation>
    </message>
    <message>
        <source>A call looks local because a stub packs its arguments into a message (marshalling) and unpacks the reply. Every RpcScope datagram has a fixed 32-byte header in big-endian byte order — call 7 is the bytes 00 00 00 07 at offset 16 on every machine — and a protobuf body. The stub generator writes such stubs from an ordinary .proto file. The Events tab shows each datagram&apos;s size.</source>
        <translation>Ein Aufruf wirkt lokal, weil ein Stub seine Argumente in eine Nachricht packt (Marshalling) und die Antwort auspackt. Jedes RpcScope-Datagramm hat einen festen 32-Byte-Kopf in Big-Endian-Reihenfolge – Aufruf 7 sind auf jeder Maschine die Bytes 00 00 00 07 bei Offset 16 – und einen Protobuf-Rumpf. Der Stub-Generator schreibt solche Stubs aus einer gewöhnlichen .proto-Datei. Der Reiter Ereignisse zeigt die Größe jedes Datagramms.</translation>
    </message>
    <message>
        <source>Long-running calls</source>
        <translation>Lang laufende Aufrufe</translation>
    </message>
    <message>
        <source>A call that takes longer than the timeout would look like a failure. The server acknowledges the request at once, and the client then asks now and then whether the server is still working instead of resending it.</source>
        <translation>Ein Aufruf, der länger dauert als der Timeout, sähe wie ein Fehler aus. Der Server bestätigt die Anfrage sofort, und der Client fragt dann ab und zu nach, ob der Server noch arbeitet, statt sie erneut zu senden.</translation>
    </message>
    <message>
        <source>Fragmentation and reassembly</source>
        <translation>Fragmentierung und Reassemblierung</translation>
    </message>
    <message>
        <source>Arguments larger than one datagram travel in pieces. The receiver puts them back together and says which pieces it holds, so only the missing ones are sent again.</source>
        <translation>Argumente, die größer als ein Datagramm sind, reisen in Stücken. Der Empfänger setzt sie wieder zusammen und meldet, welche Stücke er hat, sodass nur die fehlenden erneut gesendet werden.</translation>
    </message>
    <message>
        <source>The end-to-end argument</source>
        <translation>Das End-to-End-Argument</translation>
    </message>
    <message>
        <source>Reliable delivery below is not enough: a file can still be damaged on the disk or in memory. Only a check at the ends — here a SHA-256 of the whole file — tells whether the transfer really worked.</source>
        <translation>Zuverlässige Zustellung darunter reicht nicht: Eine Datei kann immer noch auf der Platte oder im Speicher beschädigt werden. Nur eine Prüfung an den Enden – hier ein SHA-256 der ganzen Datei – zeigt, ob die Übertragung wirklich geklappt hat.</translation>
    </message>
    <message>
        <source>In-order delivery (homework)</source>
        <translation>Zustellung in Reihenfolge (Hausaufgabe)</translation>
    </message>
    <message>
        <source>Sequence counters can also keep calls in order: the server holds back a call that arrives before an earlier one and runs it when its turn comes.</source>
        <translation>Sequenzzähler können Aufrufe auch in Reihenfolge halten: Der Server hält einen Aufruf zurück, der vor einem früheren ankommt, und führt ihn aus, wenn er an der Reihe ist.</translation>
    </message>
    <message>
        <source>A short message back that says a message arrived.</source>
        <translation>Eine kurze Rückmeldung, dass eine Nachricht angekommen ist.</translation>
    </message>
    <message>
        <source>The time a sender waits for an answer before it assumes a loss.</source>
        <translation>Die Zeit, die ein Sender auf eine Antwort wartet, bevor er einen Verlust annimmt.</translation>
    </message>
    <message>
        <source>Sending the same message again after a timeout.</source>
        <translation>Dieselbe Nachricht nach einem Timeout erneut senden.</translation>
    </message>
    <message>
        <source>A number each message carries, so the receiver can tell a new message from a duplicate.</source>
        <translation>Eine Nummer, die jede Nachricht trägt, damit der Empfänger eine neue Nachricht von einem Duplikat unterscheiden kann.</translation>
    </message>
    <message>
        <source>A call runs once or not at all, however often it is sent.</source>
        <translation>Ein Aufruf läuft einmal oder gar nicht, wie oft er auch gesendet wird.</translation>
    </message>
    <message>
        <source>A call is retried until it has run, perhaps more than once.</source>
        <translation>Ein Aufruf wird wiederholt, bis er gelaufen ist, vielleicht mehr als einmal.</translation>
    </message>
    <message>
        <source>What a caller would like and no system can promise when a server may crash.</source>
        <translation>Was ein Aufrufer sich wünscht und kein System versprechen kann, wenn ein Server abstürzen kann.</translation>
    </message>
    <message>
        <source>An operation that has the same effect run once or many times, so it may safely be retried.</source>
        <translation>Eine Operation, die einmal oder mehrmals ausgeführt dieselbe Wirkung hat und daher gefahrlos wiederholt werden kann.</translation>
    </message>
    <message>
        <source>The server remembers answered calls and resends the answer to a duplicate instead of running the call again.</source>
        <translation>Der Server merkt sich beantwortete Aufrufe und schickt einem Duplikat die Antwort erneut, statt den Aufruf noch einmal auszuführen.</translation>
    </message>
    <message>
        <source>A number a server takes anew each time it starts, so retries from before a crash can be recognised.</source>
        <translation>Eine Nummer, die ein Server bei jedem Start neu wählt, damit Wiederholungen von vor einem Absturz erkannt werden.</translation>
    </message>
    <message>
        <source>A short value computed over the bytes that shows whether they changed.</source>
        <translation>Ein kurzer, über die Bytes berechneter Wert, der zeigt, ob sie sich verändert haben.</translation>
    </message>
    <message>
        <source>Waiting longer after each timeout (doubling it: exponential back-off) so an overloaded server can recover.</source>
        <translation>Nach jedem Timeout länger warten (verdoppelt: exponentielles Back-off), damit sich ein überlasteter Server erholen kann.</translation>
    </message>
    <message>
        <source>Calling a function on another machine as if it were local.</source>
        <translation>Eine Funktion auf einer anderen Maschine aufrufen, als wäre sie lokal.</translation>
    </message>
    <message>
        <source>Generated code that turns a call into a message and a message back into a call.</source>
        <translation>Generierter Code, der einen Aufruf in eine Nachricht und eine Nachricht zurück in einen Aufruf verwandelt.</translation>
    </message>
    <message>
        <source>Packing a call&apos;s arguments or results into a message&apos;s bytes.</source>
        <translation>Die Argumente oder Ergebnisse eines Aufrufs in die Bytes einer Nachricht packen.</translation>
    </message>
    <message>
        <source>Which byte of a number comes first; a message format fixes one so every machine reads it alike.</source>
        <translation>Welches Byte einer Zahl zuerst kommt; ein Nachrichtenformat legt eine Reihenfolge fest, damit jede Maschine sie gleich liest.</translation>
    </message>
    <message>
        <source>Splitting a large message into datagrams and joining them again.</source>
        <translation>Eine große Nachricht in Datagramme aufteilen und wieder zusammensetzen.</translation>
    </message>
    <message>
        <source>Some guarantees can only be checked by the application at the ends, not by the layers below.</source>
        <translation>Manche Garantien kann nur die Anwendung an den Enden prüfen, nicht die Schichten darunter.</translation>
    </message>
</context>
<context>
    <name>LossCause</name>
    <message>
        <source>random</source>
        <translation>zufällig</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>Warteschlange voll</translation>
    </message>
    <message>
        <source>scripted</source>
        <translation>vorgegeben</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>Moment</name>
    <message>
        <source>Losses</source>
        <translation>Verluste</translation>
    </message>
    <message>
        <source>a loss</source>
        <translation>einem Verlust</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>Timeouts</translation>
    </message>
    <message>
        <source>a timeout</source>
        <translation>einem Timeout</translation>
    </message>
    <message>
        <source>Retransmissions</source>
        <translation>Neusendungen</translation>
    </message>
    <message>
        <source>a retransmission</source>
        <translation>einer Neusendung</translation>
    </message>
    <message>
        <source>Duplicates answered from the cache</source>
        <translation>Duplikate, aus dem Cache beantwortet</translation>
    </message>
    <message>
        <source>a duplicate answered from the cache</source>
        <translation>einem aus dem Cache beantworteten Duplikat</translation>
    </message>
    <message>
        <source>Duplicates of running calls, acked</source>
        <translation>Duplikate laufender Aufrufe, bestätigt</translation>
    </message>
    <message>
        <source>a duplicate of a running call</source>
        <translation>einem Duplikat eines laufenden Aufrufs</translation>
    </message>
    <message>
        <source>Corruption caught</source>
        <translation>Beschädigung erkannt</translation>
    </message>
    <message>
        <source>corruption caught</source>
        <translation>einer erkannten Beschädigung</translation>
    </message>
    <message>
        <source>Corruption missed</source>
        <translation>Beschädigung übersehen</translation>
    </message>
    <message>
        <source>corruption missed</source>
        <translation>einer übersehenen Beschädigung</translation>
    </message>
    <message>
        <source>Requests held back</source>
        <translation>Zurückgehaltene Anfragen</translation>
    </message>
    <message>
        <source>a request held back</source>
        <translation>einer zurückgehaltenen Anfrage</translation>
    </message>
    <message>
        <source>Server restarts</source>
        <translation>Server-Neustarts</translation>
    </message>
    <message>
        <source>a server restart</source>
        <translation>einem Server-Neustart</translation>
    </message>
    <message>
        <source>Calls failed</source>
        <translation>Gescheiterte Aufrufe</translation>
    </message>
    <message>
        <source>a failed call</source>
        <translation>einem gescheiterten Aufruf</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Geänderte Einstellungen</translation>
    </message>
    <message>
        <source>a setting changed</source>
        <translation>einer geänderten Einstellung</translation>
    </message>
</context>
<context>
    <name>Narration</name>
    <message>
        <source>%1 s</source>
        <comment>seconds</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <comment>milliseconds</comment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>two sentences in a row</comment>
        <extracomment>Two sentences of a narration, one after the other.</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>The server</source>
        <translation>Der Server</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>der Server</translation>
    </message>
    <message>
        <source>The client</source>
        <translation>Der Client</translation>
    </message>
    <message>
        <source>the client</source>
        <translation>der Client</translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <source>client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <source>byte-sum</source>
        <comment>checksum</comment>
        <translation>Bytesummen</translation>
    </message>
    <message>
        <source>%1 starts call %2 on the %3 service.</source>
        <translation>%1 startet Aufruf %2 beim Dienst %3.</translation>
    </message>
    <message>
        <source>Every datagram of this call carries that number, taken from a sequence counter, so duplicates can be recognised.</source>
        <translation>Jedes Datagramm dieses Aufrufs trägt diese Nummer aus einem Folgezähler, damit Duplikate erkannt werden.</translation>
    </message>
    <message>
        <source>No reply to call %1 came within %2, but the server has said it is working on the call.</source>
        <translation>Innerhalb von %2 kam keine Antwort auf Aufruf %1, aber der Server hat gemeldet, dass er daran arbeitet.</translation>
    </message>
    <message>
        <source>So %1 does not resend it; it asks with a probe how the call is doing.</source>
        <translation>Also sendet %1 ihn nicht erneut, sondern fragt mit einer Nachfrage, wie weit der Aufruf ist.</translation>
    </message>
    <message>
        <source>Only a damaged answer to call %1 came back within %2, so %3&apos;s timer went off.</source>
        <translation>Innerhalb von %2 kam nur eine beschädigte Antwort auf Aufruf %1 zurück, also meldet %3 ein Timeout.</translation>
    </message>
    <message>
        <source>No reply to call %1 came back within %2, so %3&apos;s timer went off.</source>
        <translation>Innerhalb von %2 kam keine Antwort auf Aufruf %1 zurück, also meldet %3 ein Timeout.</translation>
    </message>
    <message>
        <source>Attempt %1 was the last one allowed, so the call fails, although the server did run it: only the answers were lost.</source>
        <translation>Versuch %1 war der letzte erlaubte, also schlägt der Aufruf fehl, obwohl der Server ihn ausgeführt hat: Nur die Antworten gingen verloren.</translation>
    </message>
    <message>
        <source>Attempt %1 was the last one allowed, so the call fails; %2 cannot know whether the server ran it.</source>
        <translation>Versuch %1 war der letzte erlaubte, also schlägt der Aufruf fehl; %2 kann nicht wissen, ob der Server ihn ausgeführt hat.</translation>
    </message>
    <message>
        <source>It cannot tell that its request was lost rather than the reply, so it sends call %1 again.</source>
        <translation>Er kann nicht erkennen, dass die Anfrage verloren ging und nicht die Antwort, also sendet er Aufruf %1 erneut.</translation>
    </message>
    <message>
        <source>It cannot tell that its request arrived damaged and was dropped, so it sends call %1 again.</source>
        <translation>Er kann nicht erkennen, dass seine Anfrage beschädigt ankam und verworfen wurde, also sendet er Aufruf %1 erneut.</translation>
    </message>
    <message>
        <source>It cannot tell that the server has already run the call and only the reply was lost, so it sends call %1 again.</source>
        <translation>Er kann nicht erkennen, dass der Server den Aufruf schon ausgeführt hat und nur die Antwort verloren ging, also sendet er Aufruf %1 erneut.</translation>
    </message>
    <message>
        <source>It cannot tell a lost request from a lost reply, so it sends call %1 again.</source>
        <translation>Er kann eine verlorene Anfrage nicht von einer verlorenen Antwort unterscheiden, also sendet er Aufruf %1 erneut.</translation>
    </message>
    <message>
        <source>%1 sends a probe for call %2: the server has said it is working on it, so it only asks how it is doing instead of resending the request.</source>
        <translation>%1 sendet eine Nachfrage zu Aufruf %2: Der Server hat gemeldet, dass er daran arbeitet, also wird nur nach dem Stand gefragt, statt die Anfrage zu wiederholen.</translation>
    </message>
    <message>
        <source>%1 retries: it sends call %2 again as attempt %3, with the same call id, so the server can recognise it as a duplicate.</source>
        <translation>%1 wiederholt: Aufruf %2 geht als Versuch %3 erneut hinaus, mit derselben Aufrufnummer, damit der Server ihn als Duplikat erkennt.</translation>
    </message>
    <message>
        <source>It waits the same fixed time before any further retry.</source>
        <translation>Vor jeder weiteren Wiederholung wartet er dieselbe feste Zeit.</translation>
    </message>
    <message>
        <source>With exponential back-off it waits longer before each further retry, so a loaded server is not flooded with resends.</source>
        <translation>Mit exponentiellem Backoff wartet er vor jeder weiteren Wiederholung länger, damit ein ausgelasteter Server nicht mit Wiederholungen überflutet wird.</translation>
    </message>
    <message>
        <source>It backs off by a random amount before each further retry, so clients that lost datagrams together do not retry together.</source>
        <translation>Vor jeder weiteren Wiederholung wartet er eine zufällige Zeit, damit Clients, die gleichzeitig Datagramme verloren haben, nicht gleichzeitig wiederholen.</translation>
    </message>
    <message>
        <source>Its timeout comes from the round-trip times it has measured, doubled for each retry (exponential back-off).</source>
        <translation>Sein Timeout ergibt sich aus den gemessenen Umlaufzeiten und verdoppelt sich mit jeder Wiederholung (exponentieller Backoff).</translation>
    </message>
    <message>
        <source>Call %1 completed after %2 on the first attempt.</source>
        <translation>Aufruf %1 war nach %2 beim ersten Versuch erledigt.</translation>
    </message>
    <message>
        <source>The server had said it was working, so %1 waited instead of resending.</source>
        <translation>Der Server hatte gemeldet, dass er arbeitet, also hat %1 gewartet, statt erneut zu senden.</translation>
    </message>
    <message>
        <source>Call %1 completed after %2 and %3 attempts.</source>
        <translation>Aufruf %1 war nach %2 und %3 Versuchen erledigt.</translation>
    </message>
    <message>
        <source>The server ran it only once: the retry was answered from its reply cache.</source>
        <translation>Der Server hat ihn nur einmal ausgeführt: Die Wiederholung wurde aus seinem Antwort-Cache beantwortet.</translation>
    </message>
    <message>
        <source>The server ran it exactly once, however many copies of the request reached it.</source>
        <translation>Der Server hat ihn genau einmal ausgeführt, egal wie viele Kopien der Anfrage ankamen.</translation>
    </message>
    <message>
        <source>The server did run it; only the answers were lost, so a failed call does not mean nothing happened.</source>
        <translation>Der Server hat ihn ausgeführt; nur die Antworten gingen verloren. Ein fehlgeschlagener Aufruf heißt also nicht, dass nichts passiert ist.</translation>
    </message>
    <message>
        <source>%1 cannot know whether the server ran it.</source>
        <translation>%1 kann nicht wissen, ob der Server ihn ausgeführt hat.</translation>
    </message>
    <message>
        <source>Call %1 failed: no answer came within its deadline of %2.</source>
        <translation>Aufruf %1 fehlgeschlagen: Innerhalb seiner Frist von %2 kam keine Antwort.</translation>
    </message>
    <message>
        <source>Call %1 failed: none of its %2 attempts got an answer.</source>
        <translation>Aufruf %1 fehlgeschlagen: Keiner seiner %2 Versuche bekam eine Antwort.</translation>
    </message>
    <message>
        <source>Call %1 failed: the server answered with an error instead of a result.</source>
        <translation>Aufruf %1 fehlgeschlagen: Der Server antwortete mit einem Fehler statt mit einem Ergebnis.</translation>
    </message>
    <message>
        <source>Call %1 failed: its reply is larger than %2 is willing to reassemble.</source>
        <translation>Aufruf %1 fehlgeschlagen: Die Antwort ist größer, als %2 zusammensetzen will.</translation>
    </message>
    <message>
        <source>Call %1 failed: the server restarted, so the call may or may not have run.</source>
        <translation>Aufruf %1 fehlgeschlagen: Der Server wurde neu gestartet, also wurde der Aufruf vielleicht ausgeführt, vielleicht nicht.</translation>
    </message>
    <message>
        <source>Call %1 was cancelled by the caller before it completed.</source>
        <translation>Aufruf %1 wurde vom Aufrufer abgebrochen, bevor er fertig war.</translation>
    </message>
    <message>
        <source>Call %1 failed: the local socket could not send or receive.</source>
        <translation>Aufruf %1 fehlgeschlagen: Der lokale Socket konnte nicht senden oder empfangen.</translation>
    </message>
    <message>
        <source>Call %1 failed.</source>
        <translation>Aufruf %1 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>%1 acknowledged the reply to call %2.</source>
        <translation>%1 hat die Antwort auf Aufruf %2 bestätigt.</translation>
    </message>
    <message>
        <source>The server no longer needs to keep it for a resend.</source>
        <translation>Der Server muss sie nicht mehr für ein erneutes Senden aufbewahren.</translation>
    </message>
    <message>
        <source>The server acknowledged the request for call %1, so %2 knows it arrived and stops resending it.</source>
        <translation>Der Server hat die Anfrage zu Aufruf %1 bestätigt, also weiß %2, dass sie angekommen ist, und hört auf, sie zu wiederholen.</translation>
    </message>
    <message>
        <source>From now on its timer only triggers a probe if the reply is slow.</source>
        <translation>Ab jetzt löst sein Timer nur noch eine Nachfrage aus, wenn die Antwort auf sich warten lässt.</translation>
    </message>
    <message>
        <source>The server says call %1 is still running (a long-running call), so %2 stops resending the request.</source>
        <translation>Der Server meldet, dass Aufruf %1 noch läuft (ein lang laufender Aufruf), also hört %2 auf, die Anfrage zu wiederholen.</translation>
    </message>
    <message>
        <source>Its timer now only triggers a probe every %1 to ask how the call is doing.</source>
        <translation>Sein Timer löst jetzt nur noch alle %1 eine Nachfrage aus, wie weit der Aufruf ist.</translation>
    </message>
    <message>
        <source>The server&apos;s ack for call %1 arrived after the call had ended, so %2 ignores it.</source>
        <translation>Die Bestätigung des Servers zu Aufruf %1 kam erst nach dessen Ende an, also ignoriert %2 sie.</translation>
    </message>
    <message>
        <source>The server&apos;s &quot;working&quot; message for call %1 arrived after the call had ended, so %2 ignores it.</source>
        <translation>Die „in Arbeit“-Meldung des Servers zu Aufruf %1 kam erst nach dessen Ende an, also ignoriert %2 sie.</translation>
    </message>
    <message>
        <source>%1 already has the result of call %2, so this extra reply (a duplicate, or the answer to an earlier attempt) is dropped.</source>
        <translation>%1 hat das Ergebnis von Aufruf %2 schon, also wird diese zusätzliche Antwort (ein Duplikat oder die Antwort auf einen früheren Versuch) verworfen.</translation>
    </message>
    <message>
        <source>Call %1 had already failed at %2 when this reply arrived, so it is dropped: the call did run, but too late to be used.</source>
        <translation>Aufruf %1 war bei %2 schon fehlgeschlagen, als diese Antwort ankam, also wird sie verworfen: Der Aufruf lief zwar, aber zu spät, um noch zu nützen.</translation>
    </message>
    <message>
        <source>A reply for call %1 arrived after the call had ended, so %2 drops it.</source>
        <translation>Eine Antwort auf Aufruf %1 kam nach dessen Ende an, also verwirft %2 sie.</translation>
    </message>
    <message>
        <source>%1 sends fragment %2 of the request for call %3.</source>
        <translation>%1 sendet Fragment %2 der Anfrage zu Aufruf %3.</translation>
    </message>
    <message>
        <source>The request is too large for one datagram, so it goes in pieces that the server puts back together.</source>
        <translation>Die Anfrage ist zu groß für ein Datagramm, also geht sie in Stücken, die der Server wieder zusammensetzt.</translation>
    </message>
    <message>
        <source>%1 sends fragment %2 of call %3 again (round %4): the server has not acknowledged it, and only the missing fragments are resent.</source>
        <translation>%1 sendet Fragment %2 von Aufruf %3 erneut (Runde %4): Der Server hat es nicht bestätigt, und nur die fehlenden Fragmente werden wiederholt.</translation>
    </message>
    <message>
        <source>The server sends fragment %1 of the reply to call %2.</source>
        <translation>Der Server sendet Fragment %1 der Antwort auf Aufruf %2.</translation>
    </message>
    <message>
        <source>%1 acknowledges the fragments it holds, so only lost ones are sent again.</source>
        <translation>%1 bestätigt die Fragmente, die angekommen sind, also werden nur verlorene erneut gesendet.</translation>
    </message>
    <message>
        <source>The server sends fragment %1 of the reply to call %2 again (round %3): %4 said it was missing.</source>
        <translation>Der Server sendet Fragment %1 der Antwort auf Aufruf %2 erneut (Runde %3): %4 hat gemeldet, dass es fehlt.</translation>
    </message>
    <message>
        <source>The server sends a selective ack for call %1: it lists the fragments of the request it holds, so %2 resends only the missing ones.</source>
        <translation>Der Server sendet eine selektive Bestätigung zu Aufruf %1: Sie listet die angekommenen Fragmente der Anfrage auf, also wiederholt %2 nur die fehlenden.</translation>
    </message>
    <message>
        <source>%1 sends a selective ack for the reply to call %2: it lists the fragments it holds, so the server resends only the missing ones.</source>
        <translation>%1 sendet eine selektive Bestätigung zur Antwort auf Aufruf %2: Sie listet die angekommenen Fragmente auf, also wiederholt der Server nur die fehlenden.</translation>
    </message>
    <message>
        <source>%1 sends the request for call %2 to the server.</source>
        <translation>%1 sendet die Anfrage zu Aufruf %2 an den Server.</translation>
    </message>
    <message>
        <source>It keeps a copy and sets a timer, so it can retry if no answer comes back in time.</source>
        <translation>Er behält eine Kopie und stellt einen Timer, um wiederholen zu können, falls nicht rechtzeitig eine Antwort kommt.</translation>
    </message>
    <message>
        <source>%1 sends the request for call %2 again, as attempt %3, because its timer ran out.</source>
        <translation>%1 sendet die Anfrage zu Aufruf %2 als Versuch %3 erneut, weil der Timer abgelaufen ist.</translation>
    </message>
    <message>
        <source>%1 sends a probe for call %2: it asks whether the server is still working on it, instead of resending the whole request.</source>
        <translation>%1 sendet eine Nachfrage zu Aufruf %2: Sie fragt, ob der Server noch daran arbeitet, statt die ganze Anfrage zu wiederholen.</translation>
    </message>
    <message>
        <source>The server sends the reply to call %1 again, from its reply cache.</source>
        <translation>Der Server sendet die Antwort auf Aufruf %1 erneut, aus seinem Antwort-Cache.</translation>
    </message>
    <message>
        <source>The server sends the reply to call %1. It keeps a copy in its reply cache until %2 acknowledges it.</source>
        <translation>Der Server sendet die Antwort auf Aufruf %1. Er behält eine Kopie im Antwort-Cache, bis %2 sie bestätigt.</translation>
    </message>
    <message>
        <source>The server sends the reply to call %1. The reply itself tells %2 the request arrived, and a copy stays in the reply cache in case it is lost.</source>
        <translation>Der Server sendet die Antwort auf Aufruf %1. Die Antwort selbst zeigt, dass die Anfrage angekommen ist (%2 braucht keine Bestätigung), und eine Kopie bleibt im Antwort-Cache, falls sie verloren geht.</translation>
    </message>
    <message>
        <source>%1 acknowledges the reply to call %2 again: the server sent the reply again, so the first ack may have been lost.</source>
        <translation>%1 bestätigt die Antwort auf Aufruf %2 noch einmal: Der Server hat die Antwort erneut gesendet, die erste Bestätigung ist also vielleicht verloren gegangen.</translation>
    </message>
    <message>
        <source>%1 acknowledges the reply to call %2, so the server can drop it from its reply cache.</source>
        <translation>%1 bestätigt die Antwort auf Aufruf %2, damit der Server sie aus seinem Antwort-Cache löschen kann.</translation>
    </message>
    <message>
        <source>The server acknowledges call %1 again: the request is a duplicate of a call it is still running.</source>
        <translation>Der Server bestätigt Aufruf %1 noch einmal: Die Anfrage ist das Duplikat eines Aufrufs, den er noch ausführt.</translation>
    </message>
    <message>
        <source>The server acknowledges the request for call %1 at once, before it has a reply, so %2 can stop resending it.</source>
        <translation>Der Server bestätigt die Anfrage zu Aufruf %1 sofort, noch vor der Antwort, damit %2 aufhören kann, sie zu wiederholen.</translation>
    </message>
    <message>
        <source>The server tells %1 that call %2 is still running (a &quot;working&quot; message), so it should stop resending the request and only probe from time to time.</source>
        <translation>Der Server meldet, dass Aufruf %2 noch läuft (eine „in Arbeit“-Meldung); %1 soll also aufhören, die Anfrage zu wiederholen, und nur ab und zu nachfragen.</translation>
    </message>
    <message>
        <source>The server sends an error answer for call %1 instead of a reply.</source>
        <translation>Der Server sendet zu Aufruf %1 eine Fehlermeldung statt einer Antwort.</translation>
    </message>
    <message>
        <source>%1 sends a %2 datagram to %3.</source>
        <translation>%1 sendet ein %2-Datagramm; Empfänger: %3.</translation>
    </message>
    <message>
        <source>A damaged %1 datagram of call %2 reaches %3.</source>
        <translation>Ein beschädigtes %1-Datagramm von Aufruf %2 kommt an; Empfänger: %3.</translation>
    </message>
    <message>
        <source>This session uses no checksum, so the receiver will most likely take it as good.</source>
        <translation>Diese Sitzung verwendet keine Prüfsumme, also hält der Empfänger es sehr wahrscheinlich für gut.</translation>
    </message>
    <message>
        <source>Whether anyone notices depends on the %1 checksum.</source>
        <translation>Ob das jemand bemerkt, hängt von der %1-Prüfsumme ab.</translation>
    </message>
    <message>
        <source>A second copy of that %1 datagram of call %2 reaches %3: the network duplicated it.</source>
        <translation>Eine zweite Kopie dieses %1-Datagramms von Aufruf %2 kommt an (Empfänger: %3): Das Netz hat es verdoppelt.</translation>
    </message>
    <message>
        <source>Fragment %1 of the request for call %2 reaches the server.</source>
        <translation>Fragment %1 der Anfrage zu Aufruf %2 erreicht den Server.</translation>
    </message>
    <message>
        <source>Fragment %1 of the reply to call %2 reaches %3.</source>
        <translation>Fragment %1 der Antwort auf Aufruf %2 kommt an; Empfänger: %3.</translation>
    </message>
    <message>
        <source>The selective ack for call %1 reaches %2.</source>
        <translation>Die selektive Bestätigung zu Aufruf %1 kommt an; Empfänger: %2.</translation>
    </message>
    <message>
        <source>The request for call %1 reaches the server.</source>
        <translation>Die Anfrage zu Aufruf %1 erreicht den Server.</translation>
    </message>
    <message>
        <source>Attempt %1 of call %2 reaches the server, which has already run call %2.</source>
        <translation>Versuch %1 von Aufruf %2 erreicht den Server, der Aufruf %2 schon ausgeführt hat.</translation>
    </message>
    <message>
        <source>Attempt %1 of call %2 reaches the server, which is still running call %2.</source>
        <translation>Versuch %1 von Aufruf %2 erreicht den Server, der Aufruf %2 noch ausführt.</translation>
    </message>
    <message>
        <source>Attempt %1 of call %2 reaches the server.</source>
        <translation>Versuch %1 von Aufruf %2 erreicht den Server.</translation>
    </message>
    <message>
        <source>Attempt 1 was lost, so this is the first the server hears of the call.</source>
        <translation>Versuch 1 ging verloren, also hört der Server jetzt zum ersten Mal von diesem Aufruf.</translation>
    </message>
    <message>
        <source>Attempt 1 arrived damaged and was dropped, so this is the first intact copy the server sees.</source>
        <translation>Versuch 1 kam beschädigt an und wurde verworfen, also ist dies die erste intakte Kopie, die der Server sieht.</translation>
    </message>
    <message>
        <source>All the earlier attempts were lost, so this is the first the server hears of the call.</source>
        <translation>Alle früheren Versuche gingen verloren, also hört der Server jetzt zum ersten Mal von diesem Aufruf.</translation>
    </message>
    <message>
        <source>The earlier attempts were lost or damaged on the way, so this is the first intact copy the server sees.</source>
        <translation>Die früheren Versuche gingen unterwegs verloren oder wurden beschädigt, also ist dies die erste intakte Kopie, die der Server sieht.</translation>
    </message>
    <message>
        <source>The probe for call %1 reaches the server.</source>
        <translation>Die Nachfrage zu Aufruf %1 erreicht den Server.</translation>
    </message>
    <message>
        <source>Another copy of the reply to call %1 reaches %2, after the call has already ended.</source>
        <translation>Eine weitere Kopie der Antwort auf Aufruf %1 kommt an (Empfänger: %2), nachdem der Aufruf schon beendet ist.</translation>
    </message>
    <message>
        <source>The reply to call %1 reaches %2.</source>
        <translation>Die Antwort auf Aufruf %1 kommt an; Empfänger: %2.</translation>
    </message>
    <message>
        <source>The ack of the reply to call %1 reaches the server.</source>
        <translation>Die Bestätigung der Antwort auf Aufruf %1 erreicht den Server.</translation>
    </message>
    <message>
        <source>The server&apos;s ack for call %1 reaches %2.</source>
        <translation>Die Bestätigung des Servers zu Aufruf %1 kommt an; Empfänger: %2.</translation>
    </message>
    <message>
        <source>The server&apos;s &quot;working&quot; message for call %1 reaches %2.</source>
        <translation>Die „in Arbeit“-Meldung des Servers zu Aufruf %1 kommt an; Empfänger: %2.</translation>
    </message>
    <message>
        <source>The server&apos;s error answer for call %1 reaches %2.</source>
        <translation>Die Fehlermeldung des Servers zu Aufruf %1 kommt an; Empfänger: %2.</translation>
    </message>
    <message>
        <source>A %1 datagram reaches %2.</source>
        <translation>Ein %1-Datagramm kommt an; Empfänger: %2.</translation>
    </message>
    <message>
        <source>The link to %1 was congested: its queue was full, so the network dropped this %2 datagram of call %3.</source>
        <translation>Die Leitung war überlastet (Ziel: %1): Ihre Warteschlange war voll, also hat das Netz dieses %2-Datagramm von Aufruf %3 verworfen.</translation>
    </message>
    <message>
        <source>The server was too busy: its receive queue was full, so this %1 datagram of call %2 was dropped on arrival.</source>
        <translation>Der Server war zu beschäftigt: Seine Empfangswarteschlange war voll, also wurde dieses %1-Datagramm von Aufruf %2 bei der Ankunft verworfen.</translation>
    </message>
    <message>
        <source>Loss at the server is a sign of overload. Resending at once adds to it; backing off (longer timeouts after each try, with jitter) lets the server catch up.</source>
        <translation>Verluste am Server sind ein Zeichen von Überlast. Sofortiges Wiederholen verschlimmert sie; Backoff (längere Timeouts nach jedem Versuch, mit Jitter) lässt den Server aufholen.</translation>
    </message>
    <message>
        <source>Fragment %1 of the %2 of call %3 was lost.</source>
        <translation>Fragment %1 der %2 von Aufruf %3 ging verloren.</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>The receiver&apos;s selective ack will show the gap, and only this fragment is sent again, not the whole message.</source>
        <translation>Die selektive Bestätigung des Empfängers wird die Lücke zeigen, und nur dieses Fragment wird erneut gesendet, nicht die ganze Nachricht.</translation>
    </message>
    <message>
        <source>A selective ack for call %1 was lost.</source>
        <translation>Eine selektive Bestätigung zu Aufruf %1 ging verloren.</translation>
    </message>
    <message>
        <source>The next one repeats everything it said, so nothing is lost for good; at worst a fragment is resent that was not needed.</source>
        <translation>Die nächste wiederholt alles, was sie enthielt, also geht nichts endgültig verloren; schlimmstenfalls wird ein Fragment unnötig erneut gesendet.</translation>
    </message>
    <message>
        <source>The reply to call %1 was lost.</source>
        <translation>Die Antwort auf Aufruf %1 ging verloren.</translation>
    </message>
    <message>
        <source>The call has already ended at %1, so nothing more needs to happen.</source>
        <translation>Der Aufruf ist schon bei %1 beendet, also muss nichts mehr geschehen.</translation>
    </message>
    <message>
        <source>%1 knows the server has the call, so when its timer runs out it will ask for the result with a probe instead of sending the call again.</source>
        <translation>%1 weiß, dass der Server den Aufruf hat, und wird deshalb nach Ablauf des Timers mit einer Nachfrage nach dem Ergebnis fragen, statt den Aufruf erneut zu senden.</translation>
    </message>
    <message>
        <source>To %1 this looks exactly like a lost request, so it will time out and send call %2 again.</source>
        <translation>Das sieht genauso aus wie eine verlorene Anfrage; %1 wird also in ein Timeout laufen und Aufruf %2 erneut senden.</translation>
    </message>
    <message>
        <source>The request for call %1 was lost.</source>
        <translation>Die Anfrage zu Aufruf %1 ging verloren.</translation>
    </message>
    <message>
        <source>Attempt %1 of call %2 was lost.</source>
        <translation>Versuch %1 von Aufruf %2 ging verloren.</translation>
    </message>
    <message>
        <source>It was the last attempt %1 may make, so the call will fail when the timer runs out.</source>
        <translation>Es war der letzte Versuch, den %1 machen darf, also wird der Aufruf fehlschlagen, wenn der Timer abläuft.</translation>
    </message>
    <message>
        <source>Nobody tells %1; only when its timer runs out will it send call %2 again.</source>
        <translation>Niemand sagt es; erst wenn der Timer abläuft, wird %1 Aufruf %2 erneut senden.</translation>
    </message>
    <message>
        <source>The server&apos;s ack for call %1 was lost.</source>
        <translation>Die Bestätigung des Servers zu Aufruf %1 ging verloren.</translation>
    </message>
    <message>
        <source>%1&apos;s timer keeps running, so it may send call %2 again; the server will recognise the duplicate.</source>
        <translation>Der Timer läuft weiter, also sendet %1 Aufruf %2 vielleicht erneut; der Server wird das Duplikat erkennen.</translation>
    </message>
    <message>
        <source>%1&apos;s ack of the reply to call %2 was lost.</source>
        <translation>Die Bestätigung der Antwort auf Aufruf %2 ging verloren (Absender: %1).</translation>
    </message>
    <message>
        <source>The server keeps the reply in its cache until a later request acknowledges it or it grows too old.</source>
        <translation>Der Server behält die Antwort im Cache, bis eine spätere Anfrage sie bestätigt oder sie zu alt wird.</translation>
    </message>
    <message>
        <source>The server&apos;s &quot;working&quot; message for call %1 was lost.</source>
        <translation>Die „in Arbeit“-Meldung des Servers zu Aufruf %1 ging verloren.</translation>
    </message>
    <message>
        <source>%1&apos;s timer keeps running, so it may send call %2 again; the server will not run it twice.</source>
        <translation>Der Timer läuft weiter, also sendet %1 Aufruf %2 vielleicht erneut; der Server wird ihn nicht zweimal ausführen.</translation>
    </message>
    <message>
        <source>%1&apos;s probe for call %2 was lost.</source>
        <translation>Die Nachfrage zu Aufruf %2 ging verloren (Absender: %1).</translation>
    </message>
    <message>
        <source>When its timer runs out again it will send another probe.</source>
        <translation>Wenn sein Timer wieder abläuft, sendet er eine weitere Nachfrage.</translation>
    </message>
    <message>
        <source>The server&apos;s error answer for call %1 was lost.</source>
        <translation>Die Fehlermeldung des Servers zu Aufruf %1 ging verloren.</translation>
    </message>
    <message>
        <source>%1 will time out and ask again, and get the same answer.</source>
        <translation>%1 wird in ein Timeout laufen, erneut fragen und dieselbe Antwort bekommen.</translation>
    </message>
    <message>
        <source>A %1 datagram of call %2 was lost.</source>
        <translation>Ein %1-Datagramm von Aufruf %2 ging verloren.</translation>
    </message>
    <message>
        <source>The sender is not told; only a timeout can reveal it.</source>
        <translation>Der Absender erfährt es nicht; nur ein Timeout kann es aufdecken.</translation>
    </message>
    <message>
        <source>The network delivers the request for call %1 twice.</source>
        <translation>Das Netz stellt die Anfrage zu Aufruf %1 zweimal zu.</translation>
    </message>
    <message>
        <source>The server must recognise the second copy by its call id and not run the call again.</source>
        <translation>Der Server muss die zweite Kopie an ihrer Aufrufnummer erkennen und den Aufruf nicht noch einmal ausführen.</translation>
    </message>
    <message>
        <source>The network delivers the reply to call %1 twice.</source>
        <translation>Das Netz stellt die Antwort auf Aufruf %1 zweimal zu.</translation>
    </message>
    <message>
        <source>%1 uses the first copy and drops the second as a late reply.</source>
        <translation>%1 verwendet die erste Kopie und verwirft die zweite als verspätete Antwort.</translation>
    </message>
    <message>
        <source>The network delivers this %1 datagram of call %2 twice.</source>
        <translation>Das Netz stellt dieses %1-Datagramm von Aufruf %2 zweimal zu.</translation>
    </message>
    <message>
        <source>The extra copy does no harm: the receiver recognises it by its call id.</source>
        <translation>Die zusätzliche Kopie schadet nicht: Der Empfänger erkennt sie an ihrer Aufrufnummer.</translation>
    </message>
    <message>
        <source>The network damaged the bytes of this %1 datagram of call %2 on the way to %3.</source>
        <translation>Das Netz hat die Bytes dieses %1-Datagramms von Aufruf %2 unterwegs beschädigt (Empfänger: %3).</translation>
    </message>
    <message>
        <source>This session uses no checksum, so the receiver has no way to notice.</source>
        <translation>Diese Sitzung verwendet keine Prüfsumme, also kann der Empfänger es nicht bemerken.</translation>
    </message>
    <message>
        <source>The receiver&apos;s CRC-32C checksum will almost certainly notice.</source>
        <translation>Die CRC-32C-Prüfsumme des Empfängers wird es fast sicher bemerken.</translation>
    </message>
    <message>
        <source>The receiver&apos;s %1 checksum may or may not notice: it is a weak one.</source>
        <translation>Die %1-Prüfsumme des Empfängers bemerkt es vielleicht, vielleicht nicht: Sie ist schwach.</translation>
    </message>
    <message>
        <source>The network held back this %1 datagram of call %2, so datagrams sent after it will reach %3 first.</source>
        <translation>Das Netz hat dieses %1-Datagramm von Aufruf %2 zurückgehalten, also kommen später gesendete Datagramme zuerst an (Empfänger: %3).</translation>
    </message>
    <message>
        <source>Each datagram names its call, so arriving out of order confuses neither side.</source>
        <translation>Jedes Datagramm nennt seinen Aufruf, also bringt eine andere Reihenfolge keine Seite durcheinander.</translation>
    </message>
    <message>
        <source>Checking at the receiving end is the end-to-end argument at work: the damaged datagram now counts as lost, and timeout and retry repair it like any loss.</source>
        <translation>Die Prüfung beim Empfänger ist das End-to-End-Argument in Aktion: Das beschädigte Datagramm zählt jetzt als verloren, und Timeout und Wiederholung beheben es wie jeden Verlust.</translation>
    </message>
    <message>
        <source>This session uses no checksum, but the damage hit the empty checksum field itself, so %1 dropped the datagram.</source>
        <translation>Diese Sitzung verwendet keine Prüfsumme, aber die Beschädigung traf das leere Prüfsummenfeld selbst, also hat %1 das Datagramm verworfen.</translation>
    </message>
    <message>
        <source>The %1 checksum at %2 caught a damaged datagram and dropped it.</source>
        <translation>Die %1-Prüfsumme hat ein beschädigtes Datagramm erkannt und verworfen (Empfänger: %2).</translation>
    </message>
    <message>
        <source>The %1 checksum at the server caught a damaged request for call %2 and dropped it.</source>
        <translation>Die %1-Prüfsumme am Server hat eine beschädigte Anfrage zu Aufruf %2 erkannt und verworfen.</translation>
    </message>
    <message>
        <source>The %1 checksum at %2 caught a damaged reply to call %3 and dropped it.</source>
        <translation>Die %1-Prüfsumme hat eine beschädigte Antwort auf Aufruf %3 erkannt und verworfen (Empfänger: %2).</translation>
    </message>
    <message>
        <source>The %1 checksum at %2 caught a damaged %3 datagram of call %4 and dropped it.</source>
        <translation>Die %1-Prüfsumme hat ein beschädigtes %3-Datagramm von Aufruf %4 erkannt und verworfen (Empfänger: %2).</translation>
    </message>
    <message>
        <source>A damaged %1 datagram of call %2 was accepted at %3 as if it were good: this session uses no checksum.</source>
        <translation>Ein beschädigtes %1-Datagramm von Aufruf %2 wurde angenommen, als wäre es gut (Empfänger: %3): Diese Sitzung verwendet keine Prüfsumme.</translation>
    </message>
    <message>
        <source>By the end-to-end argument only a check at the ends could have caught it; choose a checksum such as CRC-32C.</source>
        <translation>Nach dem End-to-End-Argument hätte es nur eine Prüfung an den Enden erkennen können; wählen Sie eine Prüfsumme wie CRC-32C.</translation>
    </message>
    <message>
        <source>A damaged %1 datagram of call %2 passed the CRC-32C checksum at %3 and was accepted as if it were good.</source>
        <translation>Ein beschädigtes %1-Datagramm von Aufruf %2 hat die CRC-32C-Prüfsumme passiert und wurde angenommen, als wäre es gut (Empfänger: %3).</translation>
    </message>
    <message>
        <source>Even CRC-32C misses a tiny fraction of damage; by the end-to-end argument an application that must be sure adds its own check at the ends.</source>
        <translation>Selbst CRC-32C übersieht einen winzigen Teil der Beschädigungen; nach dem End-to-End-Argument fügt eine Anwendung, die sicher sein muss, eine eigene Prüfung an den Enden hinzu.</translation>
    </message>
    <message>
        <source>A damaged %1 datagram of call %2 passed the %3 checksum at %4 and was accepted as if it were good.</source>
        <translation>Ein beschädigtes %1-Datagramm von Aufruf %2 hat die %3-Prüfsumme passiert und wurde angenommen, als wäre es gut (Empfänger: %4).</translation>
    </message>
    <message>
        <source>A weak checksum lets some damage through; by the end-to-end argument only a strong check at the ends, such as CRC-32C, can be relied on.</source>
        <translation>Eine schwache Prüfsumme lässt manche Beschädigung durch; nach dem End-to-End-Argument ist nur auf eine starke Prüfung an den Enden wie CRC-32C Verlass.</translation>
    </message>
    <message>
        <source>The network damaged it on the way; to the sender this is the same as a loss.</source>
        <translation>Das Netz hat es unterwegs beschädigt; für den Absender ist das dasselbe wie ein Verlust.</translation>
    </message>
    <message>
        <source>%1 dropped a datagram addressed to another client.</source>
        <translation>%1 hat ein Datagramm verworfen, das an einen anderen Client gerichtet war.</translation>
    </message>
    <message>
        <source>%1 dropped a datagram of a kind it never expects to receive, such as a request arriving at a client.</source>
        <translation>%1 hat ein Datagramm einer Art verworfen, die dort nie erwartet wird, etwa eine Anfrage, die bei einem Client ankommt.</translation>
    </message>
    <message>
        <source>The server dropped a request for call %1 whose ack-below number is above its own call id: no real client sends that.</source>
        <translation>Der Server hat eine Anfrage zu Aufruf %1 verworfen, deren Bestätigt-bis-Nummer über ihrer eigenen Aufrufnummer liegt: So etwas sendet kein echter Client.</translation>
    </message>
    <message>
        <source>The server dropped a fragment of call %1: it already holds as many half-assembled messages as its limits allow. The client will send it again later.</source>
        <translation>Der Server hat ein Fragment von Aufruf %1 verworfen: Er hält schon so viele halb zusammengesetzte Nachrichten, wie seine Grenzen erlauben. Der Client sendet es später erneut.</translation>
    </message>
    <message>
        <source>%1 dropped a fragment or selective ack of call %2 that does not fit the message it claims to belong to.</source>
        <translation>%1 hat ein Fragment oder eine selektive Bestätigung von Aufruf %2 verworfen, die nicht zu der Nachricht passt, zu der sie angeblich gehört.</translation>
    </message>
    <message>
        <source>%1 dropped a datagram protected by a checksum, though this session uses none.</source>
        <translation>%1 hat ein Datagramm mit Prüfsumme verworfen, obwohl diese Sitzung keine verwendet.</translation>
    </message>
    <message>
        <source>%1 dropped a datagram protected by a different checksum than this session&apos;s %2.</source>
        <translation>%1 hat ein Datagramm verworfen, das eine andere Prüfsumme trägt als die dieser Sitzung (%2).</translation>
    </message>
    <message>
        <source>%1 dropped a datagram of call %2 whose body does not decode.</source>
        <translation>%1 hat ein Datagramm von Aufruf %2 verworfen, dessen Inhalt sich nicht dekodieren lässt.</translation>
    </message>
    <message>
        <source>%1 dropped a damaged datagram whose header no longer makes sense (%2).</source>
        <translation>%1 hat ein beschädigtes Datagramm verworfen, dessen Kopf keinen Sinn mehr ergibt (%2).</translation>
    </message>
    <message>
        <source>The damage was caught before the checksum was even checked; to the sender it is the same as a loss.</source>
        <translation>Die Beschädigung wurde erkannt, noch bevor die Prüfsumme geprüft wurde; für den Absender ist das dasselbe wie ein Verlust.</translation>
    </message>
    <message>
        <source>%1 dropped a datagram that is not valid (%2).</source>
        <translation>%1 hat ein ungültiges Datagramm verworfen (%2).</translation>
    </message>
    <message>
        <source>A bad datagram is counted and dropped, never trusted.</source>
        <translation>Ein fehlerhaftes Datagramm wird gezählt und verworfen, nie für gut gehalten.</translation>
    </message>
    <message>
        <source>Another copy of call %1 reached the server while the call is still running, so the server does not run it again.</source>
        <translation>Eine weitere Kopie von Aufruf %1 erreichte den Server, während der Aufruf noch läuft, also führt der Server ihn nicht noch einmal aus.</translation>
    </message>
    <message>
        <source>It acknowledges the request once more so %1 stops resending.</source>
        <translation>Er bestätigt die Anfrage noch einmal, damit %1 aufhört, sie zu wiederholen.</translation>
    </message>
    <message>
        <source>It tells %1 that the call is still running, so %1 stops resending and waits.</source>
        <translation>Er meldet, dass der Aufruf noch läuft; %1 hört also auf zu wiederholen und wartet.</translation>
    </message>
    <message>
        <source>Call %1 has finished, so the server answers the probe from %2 with the reply it cached; the call is not run again.</source>
        <translation>Aufruf %1 ist fertig, also beantwortet der Server die Nachfrage mit der gespeicherten Antwort (Fragesteller: %2); der Aufruf wird nicht noch einmal ausgeführt.</translation>
    </message>
    <message>
        <source>The server has already run call %1, so it resends the reply it cached instead of adding to the counter a second time: at-most-once.</source>
        <translation>Der Server hat Aufruf %1 schon ausgeführt, also sendet er die gespeicherte Antwort erneut, statt den Zähler ein zweites Mal zu erhöhen: höchstens einmal.</translation>
    </message>
    <message>
        <source>The server has already run call %1, so it resends the reply it cached instead of running it twice: at-most-once.</source>
        <translation>Der Server hat Aufruf %1 schon ausgeführt, also sendet er die gespeicherte Antwort erneut, statt ihn zweimal auszuführen: höchstens einmal.</translation>
    </message>
    <message>
        <source>The server runs call %1: the counter service adds to its total.</source>
        <translation>Der Server führt Aufruf %1 aus: Der Zählerdienst addiert zu seiner Summe.</translation>
    </message>
    <message>
        <source>Adding is not idempotent, so the server remembers the call in its reply cache: a duplicate request must not add a second time.</source>
        <translation>Addieren ist nicht idempotent, also merkt sich der Server den Aufruf in seinem Antwort-Cache: Eine doppelte Anfrage darf nicht ein zweites Mal addieren.</translation>
    </message>
    <message>
        <source>The server runs call %1 on the %2 service.</source>
        <translation>Der Server führt Aufruf %1 beim Dienst %2 aus.</translation>
    </message>
    <message>
        <source>It remembers the call in its reply cache, so a duplicate request will not run it again.</source>
        <translation>Er merkt sich den Aufruf in seinem Antwort-Cache, damit eine doppelte Anfrage ihn nicht erneut ausführt.</translation>
    </message>
    <message>
        <source>The handler for call %1 finished with an error (%2).</source>
        <translation>Der Handler für Aufruf %1 endete mit einem Fehler (%2).</translation>
    </message>
    <message>
        <source>The server caches this answer like any reply and sends it, so a resend will not run the call again.</source>
        <translation>Der Server speichert diese Meldung wie jede Antwort und sendet sie, damit eine Wiederholung den Aufruf nicht erneut ausführt.</translation>
    </message>
    <message>
        <source>The counter service has added to its total for call %1.</source>
        <translation>Der Zählerdienst hat für Aufruf %1 zu seiner Summe addiert.</translation>
    </message>
    <message>
        <source>The handler for call %1 has finished.</source>
        <translation>Der Handler für Aufruf %1 ist fertig.</translation>
    </message>
    <message>
        <source>The server keeps the reply in its reply cache until %1 acknowledges it, and sends it.</source>
        <translation>Der Server behält die Antwort in seinem Antwort-Cache, bis %1 sie bestätigt, und sendet sie.</translation>
    </message>
    <message>
        <source>The server keeps the reply in its reply cache, in case it is lost and the call is resent, and sends it.</source>
        <translation>Der Server behält die Antwort in seinem Antwort-Cache, falls sie verloren geht und der Aufruf wiederholt wird, und sendet sie.</translation>
    </message>
    <message>
        <source>The server removes the reply to call %1 from its reply cache: %2 has acknowledged it.</source>
        <translation>Der Server entfernt die Antwort auf Aufruf %1 aus seinem Antwort-Cache: %2 hat sie bestätigt.</translation>
    </message>
    <message>
        <source>The server removes the reply to call %1 from its reply cache: a later request from %2 showed that it already has the reply.</source>
        <translation>Der Server entfernt die Antwort auf Aufruf %1 aus seinem Antwort-Cache: Eine spätere Anfrage hat gezeigt, dass %2 die Antwort schon hat.</translation>
    </message>
    <message>
        <source>The reply to call %1 stayed in the server&apos;s cache longer than its age limit of %2, so the server dropped it.</source>
        <translation>Die Antwort auf Aufruf %1 lag länger als die Altersgrenze von %2 im Cache des Servers, also hat der Server sie gelöscht.</translation>
    </message>
    <message>
        <source>The reply cache was over its byte limit, so the server dropped its oldest reply, the one to call %1.</source>
        <translation>Der Antwort-Cache war über seiner Bytegrenze, also hat der Server seine älteste Antwort gelöscht, die auf Aufruf %1.</translation>
    </message>
    <message>
        <source>If call %1 is asked about again, the server will answer that the reply is gone rather than run the call a second time.</source>
        <translation>Wird nach Aufruf %1 noch einmal gefragt, antwortet der Server, dass die Antwort weg ist, statt den Aufruf ein zweites Mal auszuführen.</translation>
    </message>
    <message>
        <source>The server removes the reply to call %1 from its reply cache.</source>
        <translation>Der Server entfernt die Antwort auf Aufruf %1 aus seinem Antwort-Cache.</translation>
    </message>
    <message>
        <source>The server refused call %1 because it is too busy: a limit on calls in progress or on clients was reached, and it answers with an error instead of growing without bound.</source>
        <translation>Der Server hat Aufruf %1 abgelehnt, weil er zu beschäftigt ist: Eine Grenze für laufende Aufrufe oder für Clients ist erreicht, und er antwortet lieber mit einem Fehler, als unbegrenzt zu wachsen.</translation>
    </message>
    <message>
        <source>The server refused call %1: the request is larger than its size limit.</source>
        <translation>Der Server hat Aufruf %1 abgelehnt: Die Anfrage ist größer als seine Größengrenze.</translation>
    </message>
    <message>
        <source>The server refused call %1: %2 addressed an earlier incarnation of the server, so the call may or may not have run before the restart.</source>
        <translation>Der Server hat Aufruf %1 abgelehnt: %2 hat sich an eine frühere Inkarnation des Servers gewandt, also wurde der Aufruf vor dem Neustart vielleicht ausgeführt, vielleicht nicht.</translation>
    </message>
    <message>
        <source>The server has no record of call %1, which %2 asked about, so it answers with an error.</source>
        <translation>Der Server weiß nichts von Aufruf %1, nach dem %2 gefragt hat, also antwortet er mit einem Fehler.</translation>
    </message>
    <message>
        <source>Call %1 already ran, but its reply has left the server&apos;s cache, so the server answers with an error rather than run the call again: at-most-once.</source>
        <translation>Aufruf %1 lief schon, aber seine Antwort ist nicht mehr im Cache des Servers, also antwortet der Server mit einem Fehler, statt den Aufruf erneut auszuführen: höchstens einmal.</translation>
    </message>
    <message>
        <source>The server refused call %1 (%2).</source>
        <translation>Der Server hat Aufruf %1 abgelehnt (%2).</translation>
    </message>
    <message>
        <source>A late copy of call %1 reached the server after %2 had already acknowledged its reply, so the server drops it.</source>
        <translation>Eine verspätete Kopie von Aufruf %1 erreichte den Server, nachdem %2 die Antwort schon bestätigt hatte, also verwirft der Server sie.</translation>
    </message>
    <message>
        <source>%1&apos;s sequence counter has moved past this call, so the server knows the copy is stale and does not run it again.</source>
        <translation>Der Folgezähler ist über diesen Aufruf hinaus (Client: %1), also weiß der Server, dass die Kopie veraltet ist, und führt sie nicht erneut aus.</translation>
    </message>
    <message>
        <source>A setting was changed live: %1.</source>
        <translation>Eine Einstellung wurde im Lauf geändert: %1.</translation>
    </message>
    <message>
        <source>Calls in flight follow the new value from their next datagram or timer on.</source>
        <translation>Laufende Aufrufe folgen dem neuen Wert ab ihrem nächsten Datagramm oder Timer.</translation>
    </message>
    <message>
        <source>The protocol treats it like a lost datagram; timeout and retry cover it.</source>
        <translation>Das Protokoll behandelt es wie ein verlorenes Datagramm; Timeout und Wiederholung decken es ab.</translation>
    </message>
    <message>
        <source>The socket of %1 reports that nobody is listening at the other end (an ICMP &quot;port unreachable&quot;).</source>
        <translation>Der Socket meldet, dass am anderen Ende niemand lauscht (ein ICMP „Port nicht erreichbar“); betroffen: %1.</translation>
    </message>
    <message>
        <source>Sending from %1 to %2 failed: the socket reported %3.</source>
        <translation>Senden von %1 an %2 fehlgeschlagen: Der Socket meldete %3.</translation>
    </message>
    <message>
        <source>The socket of %1 reported an error: %2.</source>
        <translation>Der Socket meldete einen Fehler (%1): %2.</translation>
    </message>
    <message>
        <source>The server crashes and restarts with a new epoch (%1). Its reply cache, the memory that made at-most-once work, is gone.</source>
        <translation>Der Server stürzt ab und startet mit einer neuen Epoche (%1) neu. Sein Antwort-Cache, das Gedächtnis, das „höchstens einmal“ möglich machte, ist weg.</translation>
    </message>
    <message>
        <source>A call it was running may or may not have finished; a client that resends it will be told the server restarted instead of having it run again.</source>
        <translation>Ein Aufruf, den er gerade ausführte, ist vielleicht fertig geworden, vielleicht nicht; ein Client, der ihn wiederholt, erfährt, dass der Server neu gestartet ist, statt ihn erneut ausführen zu lassen.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 tells the server it holds %2 fragments of the reply to call %3; the server sends the missing ones again.</source>
        <translation>%1 meldet dem Server, dass %2 Fragmente der Antwort auf Aufruf %3 angekommen sind; der Server sendet die fehlenden erneut.</translation>
    </message>
    <message>
        <source>The server holds all %1 fragments of call %2&apos;s request, so %3 stops sending them.</source>
        <translation>Der Server hat alle %1 Fragmente der Anfrage zu Aufruf %2, also hört %3 auf, sie zu senden.</translation>
    </message>
    <message>
        <source>The server holds %1 fragments of call %2&apos;s request; %3 sends only the missing ones again, at once, without waiting for its timer.</source>
        <translation>Der Server hat %1 Fragmente der Anfrage zu Aufruf %2; %3 sendet sofort nur die fehlenden erneut, ohne auf den Timer zu warten.</translation>
    </message>
    <message>
        <source>%1 already had this fragment of call %2 and drops the copy: a selective ack was lost or a resend crossed it on the way.</source>
        <translation>%1 hatte dieses Fragment von Aufruf %2 schon und verwirft die Kopie: Eine selektive Bestätigung ging verloren, oder eine Wiederholung hat sie unterwegs gekreuzt.</translation>
    </message>
    <message>
        <source>the reply to call %1</source>
        <translation>die Antwort auf Aufruf %1</translation>
    </message>
    <message>
        <source>the request for call %1</source>
        <translation>die Anfrage zu Aufruf %1</translation>
    </message>
    <message>
        <source>The last missing fragment has arrived: %1 puts %2 back together from its %3 fragments (%4 bytes).</source>
        <translation>Das letzte fehlende Fragment ist da: %1 setzt %2 aus %3 Fragmenten wieder zusammen (%4 Byte).</translation>
    </message>
    <message>
        <source>Something happened that this version cannot describe (event %1).</source>
        <translation>Etwas ist geschehen, das diese Version nicht beschreiben kann (Ereignis %1).</translation>
    </message>
    <message>
        <source>Should %1 still resend it, the server&apos;s sequence counter for %1 shows the call is not new, and the server refuses it rather than run it again.</source>
        <translation>Sollte %1 ihn trotzdem noch einmal senden, zeigt der Sequenzzähler des Servers für %1, dass der Aufruf nicht neu ist, und der Server lehnt ihn ab, statt ihn noch einmal auszuführen.</translation>
    </message>
    <message>
        <source>The server no longer remembers call %1: its answer left the cache by age. %2&apos;s sequence counter shows the call is not new, so the server refuses it rather than run it a second time: at-most-once, whatever the client&apos;s deadline.</source>
        <translation>Der Server erinnert sich nicht mehr an Aufruf %1: seine Antwort hat den Cache wegen ihres Alters verlassen. Der Sequenzzähler von %2 zeigt, dass der Aufruf nicht neu ist, also lehnt der Server ihn ab, statt ihn ein zweites Mal auszuführen: höchstens einmal, wie lang die Frist des Clients auch ist.</translation>
    </message>
    <message>
        <source>Call %1 reached the server before call %2 had run. %3 asked for its calls in order, so the server holds call %1 back.</source>
        <translation>Aufruf %1 erreichte den Server, bevor Aufruf %2 gelaufen war. %3 hat um geordnete Ausführung gebeten, also hält der Server Aufruf %1 zurück.</translation>
    </message>
    <message>
        <source>It acks the request like a running call, so %1 probes instead of resending, and runs it once every earlier call has run or been given up.</source>
        <translation>Er bestätigt die Anfrage wie einen laufenden Aufruf, sodass %1 nachfragt statt neu zu senden, und führt ihn aus, sobald jeder frühere Aufruf gelaufen ist oder aufgegeben wurde.</translation>
    </message>
    <message>
        <source>The network delivered the calls out of order; the server runs them in the order they were made.</source>
        <translation>Das Netz hat die Aufrufe in falscher Reihenfolge zugestellt; der Server führt sie in der Reihenfolge aus, in der sie gemacht wurden.</translation>
    </message>
    <message>
        <source>%1 gave up on call %2, so the server waits for it no longer: it takes call %3 out of its hold-back queue and runs it.</source>
        <translation>%1 hat Aufruf %2 aufgegeben, also wartet der Server nicht länger darauf: Er nimmt Aufruf %3 aus seiner Warteschlange für zurückgehaltene Anfragen und führt ihn aus.</translation>
    </message>
    <message>
        <source>Call %1 has run, so call %2 is next: the server takes it out of its hold-back queue and runs it.</source>
        <translation>Aufruf %1 ist gelaufen, also ist Aufruf %2 an der Reihe: Der Server nimmt ihn aus seiner Warteschlange für zurückgehaltene Anfragen und führt ihn aus.</translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <source>Message plus acknowledgment (Fig. 48.3)</source>
        <translation>Nachricht mit Bestätigung (Abb. 48.3)</translation>
    </message>
    <message>
        <source>One call with explicit acks: the server acknowledges the request as soon as it arrives, runs the handler, and sends the reply; the client acknowledges the reply so the server can forget it.</source>
        <translation>Ein Aufruf mit expliziten Bestätigungen: Der Server bestätigt die Anfrage, sobald sie ankommt, führt den Handler aus und sendet die Antwort; der Client bestätigt die Antwort, damit der Server sie vergessen kann.</translation>
    </message>
    <message>
        <source>Dropped request (Fig. 48.4)</source>
        <translation>Verlorene Anfrage (Abb. 48.4)</translation>
    </message>
    <message>
        <source>The network loses the first request. The client hears nothing, its timer expires, and it sends the request again; the second attempt gets through.</source>
        <translation>Das Netz verliert die erste Anfrage. Der Client hört nichts, sein Timer läuft ab, und er sendet die Anfrage erneut; der zweite Versuch kommt durch.</translation>
    </message>
    <message>
        <source>Dropped reply (Fig. 48.5)</source>
        <translation>Verlorene Antwort (Abb. 48.5)</translation>
    </message>
    <message>
        <source>The server runs the call and replies, but the reply is lost. To the client this looks exactly like a lost request, so it resends. The server recognises the call and resends its cached reply instead of adding to the counter a second time: at-most-once.</source>
        <translation>Der Server führt den Aufruf aus und antwortet, doch die Antwort geht verloren. Für den Client sieht das genauso aus wie eine verlorene Anfrage, also sendet er erneut. Der Server erkennt den Aufruf wieder und sendet seine gespeicherte Antwort noch einmal, statt den Zähler ein zweites Mal zu erhöhen: höchstens einmal (at-most-once).</translation>
    </message>
    <message>
        <source>Long-running call</source>
        <translation>Lang laufender Aufruf</translation>
    </message>
    <message>
        <source>The handler takes 650 ms, far longer than the 200 ms timeout. Instead of letting the client resend again and again, the server says it is still working; the client stops resending the request and only asks, now and then, whether the call is done.</source>
        <translation>Der Handler braucht 650 ms, weit mehr als das Timeout von 200 ms. Statt den Client immer wieder senden zu lassen, meldet der Server, dass er noch arbeitet; der Client hört auf, die Anfrage zu wiederholen, und fragt nur ab und zu nach, ob der Aufruf fertig ist.</translation>
    </message>
    <message>
        <source>Server restart</source>
        <translation>Server-Neustart</translation>
    </message>
    <message>
        <source>The server crashes while it runs call 2 and comes back with an empty reply cache and a new epoch. The client&apos;s resend of call 2 names the old epoch, so the new server refuses it rather than run it a second time: the call may or may not have run. Call 3 goes through.</source>
        <translation>Der Server stürzt ab, während er Aufruf 2 ausführt, und kommt mit leerem Antwort-Cache und neuer Epoche zurück. Die Wiederholung von Aufruf 2 nennt die alte Epoche, also lehnt der neue Server sie ab, statt sie ein zweites Mal auszuführen: Der Aufruf wurde vielleicht ausgeführt, vielleicht nicht. Aufruf 3 geht durch.</translation>
    </message>
    <message>
        <source>Corruption and checksums</source>
        <translation>Beschädigung und Prüfsummen</translation>
    </message>
    <message>
        <source>100 calls with a fifth of all datagrams damaged on the way. With CRC-32C every damaged datagram is caught and resent; choose the sum or XOR checksum to watch damaged datagrams slip through and corrupt the counter: the end-to-end argument.</source>
        <translation>100 Aufrufe, bei denen ein Fünftel aller Datagramme unterwegs beschädigt wird. Mit CRC-32C wird jedes beschädigte Datagramm erkannt und erneut gesendet; mit der Summen- oder XOR-Prüfsumme schlüpfen beschädigte Datagramme durch und verfälschen den Zähler: das End-to-End-Argument.</translation>
    </message>
    <message>
        <source>Random loss</source>
        <translation>Zufälliger Verlust</translation>
    </message>
    <message>
        <source>200 calls to the counter with 20 % of datagrams lost each way (or whatever --loss says): timeouts, retries and suppressed duplicates at scale.</source>
        <translation>200 Aufrufe an den Zähler, in jeder Richtung gehen 20 % der Datagramme verloren (oder so viele, wie --loss sagt): Timeouts, Wiederholungen und unterdrückte Duplikate im großen Maßstab.</translation>
    </message>
    <message>
        <source>Many clients and back-off</source>
        <translation>Viele Clients und Backoff</translation>
    </message>
    <message>
        <source>20 clients share one server over a lossy, jittery network, backing off with full jitter so their retries spread out instead of arriving together.</source>
        <translation>20 Clients teilen sich einen Server über ein verlustbehaftetes Netz mit Jitter und warten mit vollem Jitter ab, damit sich ihre Wiederholungen verteilen, statt gleichzeitig anzukommen.</translation>
    </message>
    <message>
        <source>Fragmentation and reassembly</source>
        <translation>Fragmentierung und Zusammensetzen</translation>
    </message>
    <message>
        <source>A 6,000-byte request and its 6,000-byte reply are too large for one datagram, so each goes as five fragments. One request fragment and one reply fragment are lost; the receiver&apos;s selective ack lists what it holds, and only the missing fragment is sent again, not the whole message.</source>
        <translation>Eine Anfrage mit 6000 Byte und ihre Antwort mit 6000 Byte passen nicht in ein Datagramm, also gehen beide als je fünf Fragmente. Ein Fragment der Anfrage und eines der Antwort gehen verloren; die selektive Bestätigung des Empfängers listet auf, was er hat, und nur das fehlende Fragment wird erneut gesendet, nicht die ganze Nachricht.</translation>
    </message>
    <message>
        <source>File transfer with an end-to-end check</source>
        <translation>Dateiübertragung mit End-to-End-Prüfung</translation>
    </message>
    <message>
        <source>A 4 MiB file goes to the server in 64 KiB chunks over a link that loses 5 % of datagrams. Every chunk is fragmented, acked selectively and resent in part; at the end the server hashes the whole file and compares it with the sender&apos;s SHA-256. Choose checksum none and add corruption to see the end-to-end check catch what the transport let through.</source>
        <translation>Eine 4-MiB-Datei geht in Stücken von 64 KiB über eine Leitung, die 5 % der Datagramme verliert, an den Server. Jedes Stück wird fragmentiert, selektiv bestätigt und teilweise erneut gesendet; am Ende bildet der Server den Hash der ganzen Datei und vergleicht ihn mit dem SHA-256 des Absenders. Mit Prüfsumme „keine“ und etwas Beschädigung sieht man, wie die End-to-End-Prüfung erwischt, was der Transport durchgelassen hat.</translation>
    </message>
    <message>
        <source>Overload and back-off</source>
        <translation>Überlast und Backoff</translation>
    </message>
    <message>
        <source>40 clients keep three calls each in flight against a server that can take in 1,000 datagrams a second. With a fixed 30 ms timeout every slow answer brings another copy, the server&apos;s queue overflows and drops most of them, and many calls run out of attempts. Switch the back-off to full jitter while it runs: the resends thin out, the server catches up and every call completes.</source>
        <translation>40 Clients halten je drei Aufrufe gleichzeitig offen, gegen einen Server, der 1000 Datagramme pro Sekunde annehmen kann. Mit einem festen Timeout von 30 ms bringt jede langsame Antwort eine weitere Kopie, die Warteschlange des Servers läuft über und verwirft die meisten, und viele Aufrufe schöpfen ihre Versuche aus. Schalten Sie den Backoff im Lauf auf vollen Jitter: Die Wiederholungen dünnen aus, der Server holt auf, und jeder Aufruf wird fertig.</translation>
    </message>
    <message>
        <source>How a request and its reply are each acknowledged, so both ends know when to stop resending and when to forget.</source>
        <translation>Wie eine Anfrage und ihre Antwort jeweils bestätigt werden, damit beide Seiten wissen, wann sie nicht mehr erneut senden müssen und wann sie vergessen dürfen.</translation>
    </message>
    <message>
        <source>Which ack tells the server it may drop its copy of the reply?
What would the client do if the request&apos;s ack never came?
When is an explicit ack worth its extra datagram, and when does the reply serve as one?</source>
        <translation>Welche Bestätigung sagt dem Server, dass er seine Kopie der Antwort verwerfen darf?
Was würde der Client tun, wenn die Bestätigung der Anfrage nie käme?
Wann lohnt sich eine ausdrückliche Bestätigung mit ihrem zusätzlichen Datagramm, und wann dient die Antwort selbst als Bestätigung?</translation>
    </message>
    <message>
        <source>A lost request is noticed only by its absence: the client&apos;s timer, not the network, says something went wrong.</source>
        <translation>Eine verlorene Anfrage fällt nur durch ihr Ausbleiben auf: Der Timer des Clients, nicht das Netz, meldet, dass etwas schiefging.</translation>
    </message>
    <message>
        <source>How does the client know the request was lost?
What should the timeout be, compared with a round trip?
Did the server run the call more than once here?</source>
        <translation>Woher weiß der Client, dass die Anfrage verloren ging?
Wie lang sollte der Timeout im Vergleich zu einer Umlaufzeit sein?
Hat der Server den Aufruf hier mehr als einmal ausgeführt?</translation>
    </message>
    <message>
        <source>A lost reply looks to the client exactly like a lost request; the server&apos;s memory of answered calls is what keeps a retry from running the call twice (at-most-once).</source>
        <translation>Eine verlorene Antwort sieht für den Client genau wie eine verlorene Anfrage aus; das Gedächtnis des Servers für beantwortete Aufrufe verhindert, dass eine Wiederholung den Aufruf zweimal ausführt (höchstens einmal).</translation>
    </message>
    <message>
        <source>From where the client stands, can it tell this apart from a dropped request?
What would happen to the counter if the server had no reply cache?
When may the server forget the reply it keeps?</source>
        <translation>Kann der Client dies von einer verlorenen Anfrage unterscheiden?
Was geschähe mit dem Zähler, wenn der Server keinen Antwort-Cache hätte?
Wann darf der Server die aufbewahrte Antwort vergessen?</translation>
    </message>
    <message>
        <source>A call longer than the timeout is not a failure: the server says it is still working, and the client probes instead of resending the request.</source>
        <translation>Ein Aufruf, der länger dauert als der Timeout, ist kein Fehler: Der Server meldet, dass er noch arbeitet, und der Client fragt nach, statt die Anfrage erneut zu senden.</translation>
    </message>
    <message>
        <source>What would happen without the working notice?
Why probe at all, instead of simply waiting?
How would you choose the time between probes?</source>
        <translation>Was geschähe ohne die Working-Meldung?
Warum überhaupt nachfragen, statt einfach zu warten?
Wie würden Sie den Abstand zwischen den Nachfragen wählen?</translation>
    </message>
    <message>
        <source>After a crash the server cannot know which calls it ran; an epoch lets it refuse old retries rather than run them twice, so the client learns the call may or may not have run.</source>
        <translation>Nach einem Absturz kann der Server nicht wissen, welche Aufrufe er ausgeführt hat; eine Epoche lässt ihn alte Wiederholungen ablehnen, statt sie zweimal auszuführen, und der Client erfährt, dass der Aufruf vielleicht lief, vielleicht nicht.</translation>
    </message>
    <message>
        <source>Why refuse call 2&apos;s retry rather than run it?
What can the client tell its caller about call 2?
Which calls could safely be run again after a restart?</source>
        <translation>Warum die Wiederholung von Aufruf 2 ablehnen, statt ihn auszuführen?
Was kann der Client seinem Aufrufer über Aufruf 2 sagen?
Welche Aufrufe dürfte man nach einem Neustart gefahrlos erneut ausführen?</translation>
    </message>
    <message>
        <source>Checksums catch damage, but weak ones let some through; only a check at the ends of the whole transfer proves the data arrived intact.</source>
        <translation>Prüfsummen erkennen Schäden, schwache lassen aber manche durch; nur eine Prüfung an den Enden der ganzen Übertragung beweist, dass die Daten unversehrt ankamen.</translation>
    </message>
    <message>
        <source>Which checksum let damaged datagrams through, and why?
Where must a check sit to guarantee what the application receives?
What does a stronger checksum cost?</source>
        <translation>Welche Prüfsumme ließ beschädigte Datagramme durch, und warum?
Wo muss eine Prüfung sitzen, um zu garantieren, was die Anwendung erhält?
Was kostet eine stärkere Prüfsumme?</translation>
    </message>
    <message>
        <source>At scale, loss shows as timeouts, retries and duplicates answered from the cache, and as a long tail in latency.</source>
        <translation>Im Großen zeigt sich Verlust als Timeouts, Wiederholungen und aus dem Cache beantwortete Duplikate, und als langer Schwanz der Latenz.</translation>
    </message>
    <message>
        <source>Why is the 99th percentile so much longer than the median?
How many duplicates reached the server, and how many ran?
What happens to the tail if you raise the loss?</source>
        <translation>Warum ist das 99. Perzentil so viel länger als der Median?
Wie viele Duplikate erreichten den Server, und wie viele wurden ausgeführt?
Was geschieht mit dem Schwanz, wenn Sie den Verlust erhöhen?</translation>
    </message>
    <message>
        <source>Clients that back off with jitter spread their retries out instead of arriving together and overwhelming the server.</source>
        <translation>Clients, die mit Zufall (Jitter) zurückweichen, verteilen ihre Wiederholungen, statt gemeinsam anzukommen und den Server zu überlasten.</translation>
    </message>
    <message>
        <source>What would happen if every client retried at the same moment?
Compare fixed, exponential and full-jitter back-off: which finishes first?
Why add randomness at all?</source>
        <translation>Was geschähe, wenn jeder Client im selben Moment wiederholte?
Vergleichen Sie festes, exponentielles und Full-Jitter-Back-off: Was ist zuerst fertig?
Warum überhaupt Zufall hinzufügen?</translation>
    </message>
    <message>
        <source>A message larger than a datagram travels in fragments; a selective ack lets the receiver ask for just the missing pieces.</source>
        <translation>Eine Nachricht, größer als ein Datagramm, reist in Fragmenten; eine selektive Bestätigung lässt den Empfänger nur die fehlenden Stücke anfordern.</translation>
    </message>
    <message>
        <source>Why not resend the whole message when one fragment is lost?
How does the sender learn which fragments arrived?
What sets the largest fragment size?</source>
        <translation>Warum nicht die ganze Nachricht erneut senden, wenn ein Fragment verloren geht?
Wie erfährt der Sender, welche Fragmente ankamen?
Was bestimmt die größte Fragmentgröße?</translation>
    </message>
    <message>
        <source>Reliable chunks are not enough: only the receiver&apos;s hash of the whole file, compared with the sender&apos;s, shows the transfer is correct end to end.</source>
        <translation>Zuverlässige Blöcke genügen nicht: Erst der Hash der ganzen Datei beim Empfänger, verglichen mit dem des Senders, zeigt, dass die Übertragung Ende zu Ende korrekt ist.</translation>
    </message>
    <message>
        <source>Which check would catch a bug in the receiver&apos;s disk code?
What happens with checksum none and some corruption?
How does the chunk size change the goodput under loss?</source>
        <translation>Welche Prüfung würde einen Fehler im Plattencode des Empfängers erkennen?
Was geschieht mit Prüfsumme none und etwas Beschädigung?
Wie ändert die Blockgröße den Nutzdurchsatz bei Verlust?</translation>
    </message>
    <message>
        <source>Retries that come too fast feed an overloaded server more work than it can take; back-off with jitter drains the queue and lets every call complete.</source>
        <translation>Zu schnelle Wiederholungen geben einem überlasteten Server mehr Arbeit, als er aufnehmen kann; Back-off mit Jitter leert die Warteschlange, und jeder Aufruf wird fertig.</translation>
    </message>
    <message>
        <source>Why does a short fixed timeout make overload worse?
Watch the counter tracks: what happens to drops and resends after switching to full jitter?
How could the server help clients back off?</source>
        <translation>Warum macht ein kurzer fester Timeout die Überlast schlimmer?
Beobachten Sie die Zählerspuren: Was geschieht mit Verwerfungen und Wiederholungen nach dem Wechsel zu Full Jitter?
Wie könnte der Server den Clients beim Zurückweichen helfen?</translation>
    </message>
    <message>
        <source>Ordered delivery</source>
        <translation>Geordnete Zustellung</translation>
    </message>
    <message>
        <source>Many messages in flight and still delivered in order: the receiver holds back those that arrive early, as TCP does, instead of the sender waiting for each one.</source>
        <translation>Viele Nachrichten unterwegs und trotzdem in Reihenfolge zugestellt: Der Empfänger hält zu früh ankommende zurück, wie TCP, statt dass der Sender auf jede einzelne wartet.</translation>
    </message>
    <message>
        <source>How does the server know a call came too early?
What does holding back cost the calls behind a lost one?
What must the server do when the client gives up on a call it is waiting for?</source>
        <translation>Woran erkennt der Server, dass ein Aufruf zu früh kam?
Was kostet das Zurückhalten die Aufrufe hinter einem verlorenen?
Was muss der Server tun, wenn der Client einen Aufruf aufgibt, auf den er wartet?</translation>
    </message>
    <message>
        <source>One client keeps four calls in flight to the counter, asking for them to run in order, over a network that reorders and loses datagrams. The first request is lost, so the calls after it reach the server first: it acks them and holds them back until the resent call 1 arrives, then runs them one at a time, in the order they were made.</source>
        <translation>Ein Client hält vier Aufrufe an den Zähler gleichzeitig unterwegs und verlangt, dass sie in Reihenfolge laufen, über ein Netz, das Datagramme vertauscht und verliert. Die erste Anfrage geht verloren, also erreichen die folgenden Aufrufe den Server zuerst: Er bestätigt sie und hält sie zurück, bis der neu gesendete Aufruf 1 eintrifft, und führt sie dann einzeln aus, in der Reihenfolge, in der sie gemacht wurden.</translation>
    </message>
</context>
<context>
    <name>SessionOption</name>
    <message>
        <source>scenario to run (message-ack, dropped-request, dropped-reply, long-call, server-restart, corruption, lossy, many-clients, fragmentation, file-transfer, overload, ordered)</source>
        <translation>auszuführendes Szenario (message-ack, dropped-request, dropped-reply, long-call, server-restart, corruption, lossy, many-clients, fragmentation, file-transfer, overload, ordered)</translation>
    </message>
    <message>
        <source>seed for every random choice; the same seed gives the same run</source>
        <translation>Startwert für jede Zufallsentscheidung; derselbe Startwert ergibt denselben Lauf</translation>
    </message>
    <message>
        <source>calls to make, shared out among the clients</source>
        <translation>Anzahl der Aufrufe, verteilt auf die Clients</translation>
    </message>
    <message>
        <source>clients calling the one server</source>
        <translation>Clients, die den einen Server aufrufen</translation>
    </message>
    <message>
        <source>calls each client keeps in flight at once</source>
        <translation>gleichzeitig laufende Aufrufe je Client</translation>
    </message>
    <message>
        <source>calls each client starts per second, as Poisson arrivals (simulation); 0: a new call as soon as one ends</source>
        <translation>Aufrufe, die jeder Client pro Sekunde startet, als Poisson-Ankünfte (Simulation); 0: ein neuer Aufruf, sobald einer endet</translation>
    </message>
    <message>
        <source>time the server&apos;s handler takes per call</source>
        <translation>Zeit, die der Handler des Servers je Aufruf braucht</translation>
    </message>
    <message>
        <source>size of each call&apos;s arguments (echo, file); larger than a datagram: fragments</source>
        <translation>Größe der Argumente jedes Aufrufs (echo, file); größer als ein Datagramm: Fragmente</translation>
    </message>
    <message>
        <source>chance each datagram is lost, each way (0 to 1)</source>
        <translation>Wahrscheinlichkeit, dass ein Datagramm verloren geht, je Richtung (0 bis 1)</translation>
    </message>
    <message>
        <source>how losses are spread: bernoulli (independent) or gilbert (bursts)</source>
        <translation>wie Verluste verteilt sind: bernoulli (unabhängig) oder gilbert (Bündel)</translation>
    </message>
    <message>
        <source>one-way network delay</source>
        <translation>Verzögerung im Netz, in eine Richtung</translation>
    </message>
    <message>
        <source>delay varies by up to this much either way</source>
        <translation>die Verzögerung schwankt um bis zu so viel nach oben und unten</translation>
    </message>
    <message>
        <source>chance a datagram is delivered twice (0 to 1)</source>
        <translation>Wahrscheinlichkeit, dass ein Datagramm zweimal zugestellt wird (0 bis 1)</translation>
    </message>
    <message>
        <source>chance a datagram is held back so later ones overtake it (0 to 1)</source>
        <translation>Wahrscheinlichkeit, dass ein Datagramm zurückgehalten und von späteren überholt wird (0 bis 1)</translation>
    </message>
    <message>
        <source>chance a datagram&apos;s bytes are damaged (0 to 1)</source>
        <translation>Wahrscheinlichkeit, dass die Bytes eines Datagramms beschädigt werden (0 bis 1)</translation>
    </message>
    <message>
        <source>link rate each way in kilobits per second; 0 for unlimited</source>
        <translation>Leitungsrate je Richtung in Kilobit pro Sekunde; 0 für unbegrenzt</translation>
    </message>
    <message>
        <source>first retransmission timeout (adaptive: until the first RTT sample)</source>
        <translation>erstes Timeout für Wiederholungen (adaptiv: bis zur ersten RTT-Messung)</translation>
    </message>
    <message>
        <source>fixed, exponential, full-jitter, equal-jitter, decorrelated-jitter or adaptive</source>
        <translation>fest, exponentiell, voller Jitter, halber Jitter, dekorrelierter Jitter oder adaptiv</translation>
    </message>
    <message>
        <source>growth of the timeout per attempt</source>
        <translation>Wachstum des Timeouts je Versuch</translation>
    </message>
    <message>
        <source>cap on any single timeout</source>
        <translation>Obergrenze für jedes einzelne Timeout</translation>
    </message>
    <message>
        <source>time a call may take in all before it fails</source>
        <translation>Gesamtzeit, die ein Aufruf dauern darf, bevor er fehlschlägt</translation>
    </message>
    <message>
        <source>explicit (ack every request and reply) or implicit (the reply is the ack)</source>
        <translation>explizit (jede Anfrage und Antwort wird bestätigt) oder implizit (die Antwort ist die Bestätigung)</translation>
    </message>
    <message>
        <source>implicit mode: the server says &apos;working&apos; if no reply is ready by then</source>
        <translation>impliziter Modus: Der Server meldet „in Arbeit“, wenn bis dahin keine Antwort fertig ist</translation>
    </message>
    <message>
        <source>none, sum, xor, fletcher16 or crc32c</source>
        <translation>keine, Bytesumme, XOR, Fletcher-16 oder CRC-32C</translation>
    </message>
    <message>
        <source>largest datagram sent; larger messages are split into fragments</source>
        <translation>größtes gesendetes Datagramm; größere Nachrichten werden in Fragmente geteilt</translation>
    </message>
    <message>
        <source>largest request or reply either end reassembles from fragments</source>
        <translation>größte Anfrage oder Antwort, die eine Seite aus Fragmenten zusammensetzt</translation>
    </message>
    <message>
        <source>datagrams per second the server can take in (simulation); 0 for no limit</source>
        <translation>Datagramme pro Sekunde, die der Server annehmen kann (Simulation); 0 für unbegrenzt</translation>
    </message>
    <message>
        <source>datagrams waiting for a busy server (simulation); more are lost</source>
        <translation>Datagramme, die auf einen ausgelasteten Server warten (Simulation); weitere gehen verloren</translation>
    </message>
    <message>
        <source>service the server offers (echo, counter, file, slowjob)</source>
        <translation>Dienst, den der Server anbietet (echo, counter, file, slowjob)</translation>
    </message>
    <message>
        <source>sends of a request before the call fails; 0: no limit, only the deadline ends a call</source>
        <translation>Sendungen einer Anfrage, bevor der Aufruf scheitert; 0: keine Grenze, nur die Frist beendet einen Aufruf</translation>
    </message>
    <message>
        <source>any (the server runs calls as they arrive) or ordered (each client&apos;s calls run one at a time in call-id order; --ordered for short)</source>
        <translation>any (der Server führt Aufrufe aus, wie sie ankommen) oder ordered (die Aufrufe jedes Clients laufen einzeln in der Reihenfolge ihrer IDs; kurz --ordered)</translation>
    </message>
    <message>
        <source>%1 [default: %2]</source>
        <translation>%1 [Vorgabe: %2]</translation>
    </message>
    <message>
        <source>short for --delivery ordered</source>
        <translation>kurz für --delivery ordered</translation>
    </message>
</context>
<context>
    <name>SettingWord</name>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Loss model</source>
        <translation>Verlustmodell</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>Jitter</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Verdoppeln</translation>
    </message>
    <message>
        <source>Reorder</source>
        <translation>Umsortieren</translation>
    </message>
    <message>
        <source>Corrupt</source>
        <translation>Beschädigen</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>Back-off</source>
        <translation>Backoff</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Faktor</translation>
    </message>
    <message>
        <source>Max timeout</source>
        <translation>Max. Timeout</translation>
    </message>
    <message>
        <source>Max attempts</source>
        <translation>Max. Versuche</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Ack mode</source>
        <translation>Bestätigungsmodus</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Call rate</source>
        <translation>Aufrufrate</translation>
    </message>
    <message>
        <source>Handler time</source>
        <translation>Handler-Zeit</translation>
    </message>
    <message>
        <source>Server rate</source>
        <translation>Serverrate</translation>
    </message>
    <message>
        <source>Server queue</source>
        <translation>Serverwarteschlange</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>unknown-method</source>
        <translation>unbekannte Methode</translation>
    </message>
    <message>
        <source>invalid-argument</source>
        <translation>ungültiges Argument</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>ausgelastet</translation>
    </message>
    <message>
        <source>too-large</source>
        <translation>zu groß</translation>
    </message>
    <message>
        <source>server-restarted</source>
        <translation>Server neu gestartet</translation>
    </message>
    <message>
        <source>unknown-call</source>
        <translation>unbekannter Aufruf</translation>
    </message>
    <message>
        <source>handler-error</source>
        <translation>Handler-Fehler</translation>
    </message>
    <message>
        <source>reply-not-cached</source>
        <translation>Antwort nicht gespeichert</translation>
    </message>
    <message>
        <source>result-forgotten</source>
        <translation>Ergebnis vergessen</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>calls %1</source>
        <translation>Aufrufe %1</translation>
    </message>
    <message>
        <source>ok %1</source>
        <translation>ok %1</translation>
    </message>
    <message>
        <source>failed %1</source>
        <translation>fehlgeschlagen %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>failure reason and count</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>failed %1 (%2)</source>
        <translation>fehlgeschlagen %1 (%2)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>retransmissions %1</source>
        <translation>Wiederholungen %1</translation>
    </message>
    <message>
        <source>probes %1</source>
        <translation>Nachfragen %1</translation>
    </message>
    <message>
        <source>duplicates answered from memory %1</source>
        <translation>aus dem Gedächtnis beantwortete Duplikate %1</translation>
    </message>
    <message>
        <source>damaged datagrams %1: checksum caught %2, corrupt accepted %3</source>
        <translation>beschädigte Datagramme %1: von der Prüfsumme erkannt %2, beschädigt angenommen %3</translation>
    </message>
    <message>
        <source>latency p50 %1 ms · p99 %2 ms</source>
        <translation>Latenz p50 %1 ms · p99 %2 ms</translation>
    </message>
    <message>
        <source> · file %1 of %2 MiB received</source>
        <translation> · Datei: %1 von %2 MiB empfangen</translation>
    </message>
    <message>
        <source> · file complete: SHA-256 matches the sender&apos;s ✓</source>
        <translation> · Datei vollständig: SHA-256 stimmt mit dem Absender überein ✓</translation>
    </message>
    <message>
        <source> · file complete but SHA-256 DIFFERS from the sender&apos;s: damaged end to end ✗</source>
        <translation> · Datei vollständig, aber SHA-256 WEICHT vom Absender AB: Ende zu Ende beschädigt ✗</translation>
    </message>
    <message>
        <source> · counter %1</source>
        <translation> · Zähler %1</translation>
    </message>
    <message>
        <source>clients on %1</source>
        <translation>Clients auf %1</translation>
    </message>
    <message>
        <source>clients bound to %1, not loopback</source>
        <translation>Clients an %1 gebunden, nicht an Loopback</translation>
    </message>
    <message>
        <source>the server does not share its trace</source>
        <translation>der Server gibt seinen Trace nicht heraus</translation>
    </message>
    <message>
        <source>server trace: %1</source>
        <translation>Server-Trace: %1</translation>
    </message>
    <message>
        <source>server clock %1 ms ± %2 ms (Cristian, best of the last %3 round trips)</source>
        <translation>Serveruhr %1 ms ± %2 ms (Cristian, beste der letzten %3 Umläufe)</translation>
    </message>
    <message>
        <source>%1 · other clients&apos; events hidden: %2</source>
        <translation>%1 · ausgeblendete Ereignisse anderer Clients: %2</translation>
    </message>
    <message>
        <source>%1 · events placed late: %2</source>
        <translation>%1 · verspätet eingeordnete Ereignisse: %2</translation>
    </message>
    <message>
        <source>%1 · server events missed: %2</source>
        <translation>%1 · verpasste Server-Ereignisse: %2</translation>
    </message>
    <message>
        <source>reading the server&apos;s trace…</source>
        <translation>Trace des Servers wird gelesen…</translation>
    </message>
    <message>
        <source>Remote server %1 (%2) · %3</source>
        <translation>Entfernter Server %1 (%2) · %3</translation>
    </message>
    <message>
        <source>remote server %1</source>
        <translation>entfernter Server %1</translation>
    </message>
    <message>
        <source>server clock %1 ± %2 ms</source>
        <translation>Serveruhr %1 ± %2 ms</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Playback speed, virtual time per real time [default: 0.1]</source>
        <translation>Wiedergabegeschwindigkeit, virtuelle Zeit je Echtzeit [Standard: 0.1]</translation>
    </message>
    <message>
        <source>Language for this run, not remembered: en, %1 [default: as chosen in View &gt; Language, else the system&apos;s]</source>
        <translation>Sprache für diesen Start, wird nicht gespeichert: en, %1 [Standard: die Wahl unter Ansicht &gt; Sprache, sonst die des Systems]</translation>
    </message>
    <message>
        <source>A capture (.rpcscope) to open</source>
        <translation>Eine Aufzeichnung (.rpcscope), die geöffnet wird</translation>
    </message>
    <message>
        <source>Call rpcscope-cli serve at this address instead of a server on loopback (File &gt; Connect to Server…)</source>
        <translation>rpcscope-cli serve unter dieser Adresse aufrufen statt eines Servers auf Loopback (Datei &gt; Mit Server verbinden…)</translation>
    </message>
    <message>
        <source>With --connect: the port of the server&apos;s trace feed (serve --trace-port)</source>
        <translation>Mit --connect: der Port, auf dem der Server seinen Trace herausgibt (serve --trace-port)</translation>
    </message>
    <message>
        <source>With --connect: the DTLS key, the first line of this file</source>
        <translation>Mit --connect: der DTLS-Schlüssel, die erste Zeile dieser Datei</translation>
    </message>
    <message>
        <source>Start in presentation mode: full screen, everything large, for a projector</source>
        <translation>Im Präsentationsmodus starten: Vollbild, alles groß, für einen Beamer</translation>
    </message>
    <message>
        <source>Start in quiz mode (Go &gt; Quiz Mode): playback pauses to ask the class what happens next, then shows the answer</source>
        <translation>Im Quizmodus starten (Gehe zu &gt; Quizmodus): Die Wiedergabe hält an, um die Klasse zu fragen, was als Nächstes geschieht, und zeigt dann die Antwort</translation>
    </message>
    <message>
        <source>Open Scenario &gt; Compare: the scenario run twice on one clock, as A and as B [default: overload, backoff=fixed against backoff=full-jitter]</source>
        <translation>Szenario &gt; Vergleichen öffnen: das Szenario zweimal auf einer Uhr, als A und als B [Vorgabe: overload, backoff=fixed gegen backoff=full-jitter]</translation>
    </message>
    <message>
        <source>With --compare: a setting of run A (repeatable)</source>
        <translation>Mit --compare: eine Einstellung von Lauf A (wiederholbar)</translation>
    </message>
    <message>
        <source>With --compare: a setting of run B (repeatable)</source>
        <translation>Mit --compare: eine Einstellung von Lauf B (wiederholbar)</translation>
    </message>
    <message>
        <source>Fork the session (or the capture opened) at this many milliseconds and open the fork beside its original (Scenario &gt; Fork from Here)</source>
        <translation>Die Sitzung (oder den geöffneten Mitschnitt) nach so vielen Millisekunden verzweigen und die Verzweigung neben ihrem Original öffnen (Szenario &gt; Hier verzweigen)</translation>
    </message>
    <message>
        <source>With --fork-at: a setting the fork changes (repeatable)</source>
        <translation>Mit --fork-at: eine Einstellung, die die Verzweigung ändert (wiederholbar)</translation>
    </message>
    <message>
        <source>Live sequence diagrams of RPC over an unreliable network.

The session options are rpcscope-cli simulate&apos;s, with the same defaults; with none of them, the window opens with the dropped-reply scenario.</source>
        <translation>Live-Sequenzdiagramme von RPC über ein unzuverlässiges Netz.

Die Sitzungsoptionen sind die von rpcscope-cli simulate, mit denselben Vorgaben; ohne sie öffnet sich das Fenster mit dem Szenario dropped-reply.</translation>
    </message>
</context>
<context>
    <name>rpcscope::diagram::DiagramExport</name>
    <message>
        <source>client %1 · call %2</source>
        <translation>Client %1 · Aufruf %2</translation>
    </message>
</context>
<context>
    <name>rpcscope::diagram::Legend</name>
    <message>
        <source>request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>request sent again (retry)</source>
        <translation>Anfrage erneut gesendet (Wiederholung)</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>ack</source>
        <translation>Bestätigung (Ack)</translation>
    </message>
    <message>
        <source>working: still running</source>
        <translation>Working: läuft noch</translation>
    </message>
    <message>
        <source>probe: how is my call?</source>
        <translation>Probe: wie steht mein Aufruf?</translation>
    </message>
    <message>
        <source>error reply</source>
        <translation>Fehlerantwort</translation>
    </message>
    <message>
        <source>fragment ack (SACK)</source>
        <translation>Fragment-Bestätigung (SACK)</translation>
    </message>
    <message>
        <source>in flight now</source>
        <translation>gerade unterwegs</translation>
    </message>
    <message>
        <source>lost in the network</source>
        <translation>im Netz verloren</translation>
    </message>
    <message>
        <source>timeout: no answer in time</source>
        <translation>Timeout: keine Antwort rechtzeitig</translation>
    </message>
    <message>
        <source>call ended: ok</source>
        <translation>Aufruf beendet: ok</translation>
    </message>
    <message>
        <source>call ended: failed</source>
        <translation>Aufruf beendet: fehlgeschlagen</translation>
    </message>
    <message>
        <source>handler running on the server</source>
        <translation>Handler läuft auf dem Server</translation>
    </message>
    <message>
        <source>server decision (duplicate, cache…)</source>
        <translation>Entscheidung des Servers (Duplikat, Cache …)</translation>
    </message>
    <message>
        <source>a setting changed</source>
        <translation>eine Einstellung geändert</translation>
    </message>
    <message>
        <source>server crash</source>
        <translation>Serverabsturz</translation>
    </message>
    <message>
        <source>many datagrams: sent, lost, resent</source>
        <translation>viele Datagramme: gesendet, verloren, wiederholt</translation>
    </message>
    <message>
        <source>retransmission timer, armed to fired</source>
        <translation>Wiederholungs-Timer, vom Stellen bis zum Ablauf</translation>
    </message>
    <message>
        <source>many datagrams: damaged on arrival</source>
        <translation>viele Datagramme: beschädigt angekommen</translation>
    </message>
    <message>
        <source>request held back until its turn (ordered)</source>
        <translation>Anfrage zurückgehalten, bis sie dran ist (geordnet)</translation>
    </message>
    <message>
        <source>timer the answer cancelled</source>
        <translation>Timer, von der Antwort gestoppt</translation>
    </message>
    <message>
        <source>spurious timeout: the reply was on its way</source>
        <translation>unnötiger Timeout: die Antwort war unterwegs</translation>
    </message>
    <message>
        <source>adaptive timeout: SRTT expected, to SRTT + 4·RTTVAR</source>
        <translation>adaptiver Timeout: SRTT erwartet, bis SRTT + 4·RTTVAR</translation>
    </message>
</context>
<context>
    <name>rpcscope::diagram::SceneBuilder</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>c%1</source>
        <translation>C%1</translation>
    </message>
    <message>
        <source>%1 #%2 frag %3 · round %4</source>
        <translation>%1 #%2 Frag. %3 · Runde %4</translation>
    </message>
    <message>
        <source>%1 #%2 frag %3</source>
        <translation>%1 #%2 Frag. %3</translation>
    </message>
    <message>
        <source>%1 #%2 a%3 · retry #%4</source>
        <translation>%1 #%2 V%3 · Wiederholung #%4</translation>
    </message>
    <message>
        <source>%1 #%2 a%3</source>
        <translation>%1 #%2 V%3</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>server queue full → dropped</source>
        <translation>Empfangswarteschlange des Servers voll → verworfen</translation>
    </message>
    <message>
        <source>lost in the network</source>
        <translation>im Netz verloren</translation>
    </message>
    <message>
        <source>run handler for #%1</source>
        <translation>Handler für #%1 läuft</translation>
    </message>
    <message>
        <source>timeout
no answer after %1 ms</source>
        <translation>Timeout
keine Antwort nach %1 ms</translation>
    </message>
    <message>
        <source>call #%1 failed: %2</source>
        <translation>Aufruf #%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>call #%1 ok · %2 ms · 1 attempt</source>
        <translation>Aufruf #%1 ok · %2 ms · 1 Versuch</translation>
    </message>
    <message>
        <source>call #%1 ok · %2 ms · %3 attempts</source>
        <translation>Aufruf #%1 ok · %2 ms · %3 Versuche</translation>
    </message>
    <message>
        <source>duplicate of running call #%1
→ not run again</source>
        <translation>Duplikat des laufenden Aufrufs #%1
→ nicht noch einmal ausgeführt</translation>
    </message>
    <message>
        <source>duplicate of done call #%1
→ cached reply, not re-run</source>
        <translation>Duplikat des erledigten Aufrufs #%1
→ gespeicherte Antwort, nicht neu ausgeführt</translation>
    </message>
    <message>
        <source>late copy of call #%1
→ dropped</source>
        <translation>verspätete Kopie von Aufruf #%1
→ verworfen</translation>
    </message>
    <message>
        <source>call #%1 refused</source>
        <translation>Aufruf #%1 abgelehnt</translation>
    </message>
    <message>
        <source>checksum caught a damaged datagram</source>
        <translation>Prüfsumme erkennt beschädigtes Datagramm</translation>
    </message>
    <message>
        <source>damaged datagram ACCEPTED:
the checksum missed it</source>
        <translation>beschädigtes Datagramm ANGENOMMEN:
die Prüfsumme hat es übersehen</translation>
    </message>
    <message>
        <source>malformed datagram dropped</source>
        <translation>fehlerhaftes Datagramm verworfen</translation>
    </message>
    <message>
        <source>all %1 fragments held</source>
        <translation>alle %1 Fragmente vorhanden</translation>
    </message>
    <message>
        <source>peer holds %1 of %2 fragments
→ resend the rest</source>
        <translation>Gegenseite hat %1 von %2 Fragmenten
→ den Rest erneut senden</translation>
    </message>
    <message>
        <source>duplicate fragment → dropped</source>
        <translation>doppeltes Fragment → verworfen</translation>
    </message>
    <message>
        <source>call #%1 reassembled
%2 fragments, %3 bytes</source>
        <translation>Aufruf #%1 zusammengesetzt
%2 Fragmente, %3 Byte</translation>
    </message>
    <message>
        <source>evict #%1 from reply cache (%2)</source>
        <translation>#%1 aus dem Antwort-Cache entfernt (%2)</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <source>×2</source>
        <translation>×2</translation>
    </message>
    <message>
        <source>held back</source>
        <translation>zurückgehalten</translation>
    </message>
    <message>
        <source>server crashes and restarts
reply cache lost, new epoch</source>
        <translation>Server stürzt ab und startet neu
Antwort-Cache verloren, neue Epoche</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <source>calls open</source>
        <translation>offene Aufrufe</translation>
    </message>
    <message>
        <source>sent · answered /s</source>
        <translation>gesendet · beantwortet /s</translation>
    </message>
    <message>
        <source>dropped · resent /s</source>
        <translation>verworfen · wiederholt /s</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>#%1 held back:
waits for #%2</source>
        <translation>#%1 zurückgehalten:
wartet auf #%2</translation>
    </message>
    <message>
        <source>spurious timeout
the reply was on its way</source>
        <translation>unnötiger Timeout
die Antwort war unterwegs</translation>
    </message>
</context>
<context>
    <name>rpcscope::remote::RemoteFeed</name>
    <message>
        <source>The server&apos;s trace could not be read: %1</source>
        <translation>Der Trace des Servers konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The server restarted (epoch %1); reading its trace from the start</source>
        <translation>Der Server wurde neu gestartet (Epoche %1); sein Trace wird von vorn gelesen</translation>
    </message>
    <message>
        <source>its events do not decode: %1</source>
        <translation>seine Ereignisse lassen sich nicht dekodieren: %1</translation>
    </message>
</context>
<context>
    <name>rpcscope::session::LivePlayer</name>
    <message>
        <source>The server&apos;s trace cannot be read: %1</source>
        <translation>Der Trace des Servers kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>rpcscope::session::QuizRun</name>
    <message>
        <source>It arrives.</source>
        <translation>Sie kommt an.</translation>
    </message>
    <message>
        <source>The network loses it on the way.</source>
        <translation>Das Netz verliert sie unterwegs.</translation>
    </message>
    <message>
        <source>It arrives damaged, and the receiver throws it away.</source>
        <translation>Sie kommt beschädigt an, und der Empfänger verwirft sie.</translation>
    </message>
    <message>
        <source>Nothing: %1 waits for the reply for ever.</source>
        <translation>Nichts: %1 wartet ewig auf die Antwort.</translation>
    </message>
    <message>
        <source>Its timer runs out, and %1 sends call %2 again.</source>
        <translation>Sein Timer läuft ab, und %1 sendet Aufruf %2 erneut.</translation>
    </message>
    <message>
        <source>%1 gives up: call %2 fails.</source>
        <translation>%1 gibt auf: Aufruf %2 schlägt fehl.</translation>
    </message>
    <message>
        <source>A reply to another of its copies arrives, and call %1 completes.</source>
        <translation>Eine Antwort auf eine andere seiner Kopien kommt an, und Aufruf %1 ist abgeschlossen.</translation>
    </message>
    <message>
        <source>The reply arrives first, and call %1 completes.</source>
        <translation>Die Antwort kommt zuerst an, und Aufruf %1 ist abgeschlossen.</translation>
    </message>
    <message>
        <source>The timer fires first: %1 sends call %2 again although the reply is on its way.</source>
        <translation>Der Timer läuft zuerst ab: %1 sendet Aufruf %2 erneut, obwohl die Antwort unterwegs ist.</translation>
    </message>
    <message>
        <source>It runs call %1.</source>
        <translation>Er führt Aufruf %1 aus.</translation>
    </message>
    <message>
        <source>It answers from its reply cache, without running call %1 again.</source>
        <translation>Er antwortet aus seinem Antwort-Cache, ohne Aufruf %1 erneut auszuführen.</translation>
    </message>
    <message>
        <source>It acks the request: call %1 is still running.</source>
        <translation>Er bestätigt die Anfrage: Aufruf %1 läuft noch.</translation>
    </message>
    <message>
        <source>Nothing: the request is lost or damaged on the way, or it comes after the call is over.</source>
        <translation>Nichts: Die Anfrage geht unterwegs verloren oder wird beschädigt, oder sie kommt erst nach dem Ende des Aufrufs an.</translation>
    </message>
    <message>
        <source>It refuses the request: it cannot know whether call %1 ran before the crash.</source>
        <translation>Er lehnt die Anfrage ab: Er kann nicht wissen, ob Aufruf %1 vor dem Absturz gelaufen ist.</translation>
    </message>
    <message>
        <source>The first piece of call %1&apos;s request is on its way to the server. Will it get there?</source>
        <translation>Das erste Stück der Anfrage von Aufruf %1 ist unterwegs zum Server. Kommt es dort an?</translation>
    </message>
    <message>
        <source>Call %1&apos;s request is on its way to the server. Will it get there?</source>
        <translation>Die Anfrage von Aufruf %1 ist unterwegs zum Server. Kommt sie dort an?</translation>
    </message>
    <message>
        <source>The server has sent the reply to call %1. Will it reach %2 before %2&apos;s timer runs out?</source>
        <translation>Der Server hat die Antwort auf Aufruf %1 gesendet. Wird %2 sie erhalten, bevor sein Timer abläuft?</translation>
    </message>
    <message>
        <source>A copy of call %1&apos;s request (attempt %2) was lost. What will %3 do?</source>
        <translation>Eine Kopie der Anfrage von Aufruf %1 (Versuch %2) ging verloren. Was wird %3 tun?</translation>
    </message>
    <message>
        <source>The reply to a copy of call %1 (attempt %2) was lost. What will %3 do?</source>
        <translation>Die Antwort auf eine Kopie von Aufruf %1 (Versuch %2) ging verloren. Was wird %3 tun?</translation>
    </message>
    <message>
        <source>Call %1&apos;s request was lost: the server will never see it. What will %2 do?</source>
        <translation>Die Anfrage von Aufruf %1 ging verloren: Der Server wird sie nie sehen. Was wird %2 tun?</translation>
    </message>
    <message>
        <source>The reply to call %1 was lost, after the server ran the call. %2 cannot tell which was lost. What will it do?</source>
        <translation>Die Antwort auf Aufruf %1 ging verloren, nachdem der Server den Aufruf ausgeführt hatte. %2 kann nicht erkennen, was verloren ging. Was wird er tun?</translation>
    </message>
    <message>
        <source>%1 sends call %2 again (attempt %3). What will the server do with it?</source>
        <translation>%1 sendet Aufruf %2 erneut (Versuch %3). Was wird der Server damit tun?</translation>
    </message>
    <message>
        <source>The server crashed while it ran call %1, and came back with an empty reply cache. What will it do when %2 sends call %1 again?</source>
        <translation>Der Server ist abgestürzt, während er Aufruf %1 ausführte, und kam mit leerem Antwort-Cache zurück. Was tut er, wenn %2 Aufruf %1 erneut sendet?</translation>
    </message>
    <message>
        <source>Question: %1</source>
        <translation>Frage: %1</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <comment>a lettered choice</comment>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Press Space to play on and see.</source>
        <translation>Leertaste spielt weiter und zeigt es.</translation>
    </message>
    <message>
        <source>Answer: %1. %2</source>
        <comment>the letter and the choice</comment>
        <translation>Antwort: %1. %2</translation>
    </message>
    <message>
        <source>Answer: none of these.</source>
        <translation>Antwort: keine davon.</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::AnimationDialog</name>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Export Animation</source>
        <translation>Animation exportieren</translation>
    </message>
    <message>
        <source>Animated GIF: plays in browsers and slides</source>
        <translation>Animiertes GIF: läuft in Browsern und Folien</translation>
    </message>
    <message>
        <source>MP4 video (H.264, needs ffmpeg)</source>
        <translation>MP4-Video (H.264, braucht ffmpeg)</translation>
    </message>
    <message>
        <source>WebM video (VP9, needs ffmpeg)</source>
        <translation>WebM-Video (VP9, braucht ffmpeg)</translation>
    </message>
    <message>
        <source>One PNG per step: a slide each time something new shows</source>
        <translation>Ein PNG pro Schritt: eine Folie, sooft sich etwas Neues zeigt</translation>
    </message>
    <message>
        <source>What is in view: %1 to %2 ms</source>
        <translation>Was sichtbar ist: %1 bis %2 ms</translation>
    </message>
    <message>
        <source>The whole session</source>
        <translation>Die ganze Sitzung</translation>
    </message>
    <message>
        <source>The selected call alone</source>
        <translation>Nur der ausgewählte Aufruf</translation>
    </message>
    <message>
        <source>Virtual time per real time: 0.1 plays 100 ms of the session in one second</source>
        <translation>Virtuelle Zeit pro Echtzeit: 0,1 spielt 100 ms der Sitzung in einer Sekunde</translation>
    </message>
    <message>
        <source>A key to every mark</source>
        <translation>Eine Legende zu jeder Markierung</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Time range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>&amp;Geschwindigkeit:</translation>
    </message>
    <message>
        <source>Frames a &amp;second:</source>
        <translation>Bilder pro &amp;Sekunde:</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>Grö&amp;ße:</translation>
    </message>
    <message>
        <source>Animated GIF (*.gif)</source>
        <translation>Animiertes GIF (*.gif)</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4-Video (*.mp4)</translation>
    </message>
    <message>
        <source>WebM video (*.webm)</source>
        <translation>WebM-Video (*.webm)</translation>
    </message>
    <message>
        <source>PNG pictures, numbered from NAME-001.png (*.png)</source>
        <translation>PNG-Bilder, nummeriert ab NAME-001.png (*.png)</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::ChartsView</name>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Charts of the session: RTT and timeout, retransmissions, latency CDF, goodput and outstanding calls</source>
        <translation>Diagramme der Sitzung: RTT und Timeout, Wiederholungen, Latenz-CDF, Nutzdurchsatz und offene Aufrufe</translation>
    </message>
    <message>
        <source>Export This Chart…</source>
        <translation>Dieses Diagramm exportieren…</translation>
    </message>
    <message>
        <source>Export All Charts…</source>
        <translation>Alle Diagramme exportieren…</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>Diagramm exportieren…</translation>
    </message>
    <message>
        <source>Save the chart shown, or all of them, as PNG or SVG</source>
        <translation>Das gezeigte Diagramm oder alle als PNG oder SVG speichern</translation>
    </message>
    <message>
        <source>timeout that expired</source>
        <translation>abgelaufenes Timeout</translation>
    </message>
    <message>
        <source>session time (ms)</source>
        <translation>Sitzungszeit (ms)</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>RTT sample at t = %1 ms: %2 ms</source>
        <translation>RTT-Messung bei t = %1 ms: %2 ms</translation>
    </message>
    <message>
        <source>timeout expired at t = %1 ms: %2 ms</source>
        <translation>Timeout abgelaufen bei t = %1 ms: %2 ms</translation>
    </message>
    <message>
        <source>RTT and timeout</source>
        <translation>RTT und Timeout</translation>
    </message>
    <message>
        <source>finished calls</source>
        <translation>beendete Aufrufe</translation>
    </message>
    <message>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <source>attempts per call</source>
        <translation>Versuche je Aufruf</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>%1 attempts: %2 calls</source>
        <translation>%1 Versuche: %2 Aufrufe</translation>
    </message>
    <message>
        <source>Retransmissions</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>share of ok calls at or below a latency</source>
        <translation>Anteil erfolgreicher Aufrufe bis zu einer Latenz</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>fraction</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>latency %1 ms: fraction %2 of calls at or below</source>
        <translation>Latenz %1 ms: Anteil %2 der Aufrufe darunter oder gleich</translation>
    </message>
    <message>
        <source>Latency CDF</source>
        <translation>Latenz-CDF</translation>
    </message>
    <message>
        <source>completed calls/s</source>
        <translation>beendete Aufrufe/s</translation>
    </message>
    <message>
        <source>delivered KiB/s (all datagrams)</source>
        <translation>zugestellte KiB/s (alle Datagramme)</translation>
    </message>
    <message>
        <source>calls/s</source>
        <translation>Aufrufe/s</translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation>KiB/s</translation>
    </message>
    <message>
        <source>t = %1 ms: %2 completed calls/s</source>
        <translation>t = %1 ms: %2 beendete Aufrufe/s</translation>
    </message>
    <message>
        <source>t = %1 ms: %2 KiB/s delivered</source>
        <translation>t = %1 ms: %2 KiB/s zugestellt</translation>
    </message>
    <message>
        <source>Goodput</source>
        <translation>Nutzdurchsatz</translation>
    </message>
    <message>
        <source>calls started and not yet finished</source>
        <translation>begonnene, noch nicht beendete Aufrufe</translation>
    </message>
    <message>
        <source>t = %1 ms: %2 calls outstanding</source>
        <translation>t = %1 ms: %2 Aufrufe offen</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Offene Aufrufe</translation>
    </message>
    <message>
        <source>end the file name with .png or .svg to choose the format</source>
        <translation>die Dateiendung .png oder .svg wählt das Format</translation>
    </message>
    <message>
        <source>no chart is called &apos;%1&apos;; expected one of %2</source>
        <translation>kein Diagramm heißt „%1“; erwartet wird eines von %2</translation>
    </message>
    <message>
        <source>Export All Charts</source>
        <translation>Alle Diagramme exportieren</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>RpcScope</source>
        <translation>RpcScope</translation>
    </message>
    <message>
        <source>The chart was not exported: %1</source>
        <translation>Das Diagramm wurde nicht exportiert: %1</translation>
    </message>
    <message>
        <source>RTT sample (first send, no probe: Karn&apos;s rule)</source>
        <translation>RTT-Stichprobe (erste Sendung, keine Nachfrage: Karns Regel)</translation>
    </message>
    <message>
        <source>SRTT (smoothed RTT)</source>
        <translation>SRTT (geglättete RTT)</translation>
    </message>
    <message>
        <source>SRTT + 4·RTTVAR</source>
        <translation>SRTT + 4·RTTVAR</translation>
    </message>
    <message>
        <source>SRTT at t = %1 ms: %2 ms</source>
        <translation>SRTT bei t = %1 ms: %2 ms</translation>
    </message>
    <message>
        <source>SRTT + 4·RTTVAR at t = %1 ms: %2 ms</source>
        <translation>SRTT + 4·RTTVAR bei t = %1 ms: %2 ms</translation>
    </message>
    <message>
        <source>Drag across latencies to select those calls</source>
        <translation>Über Latenzen ziehen, um diese Aufrufe auszuwählen</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::CompareCharts</name>
    <message>
        <source>latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>fraction of ok calls at or below</source>
        <translation>Anteil der ok-Aufrufe bis hierher</translation>
    </message>
    <message>
        <source>Latency CDF</source>
        <translation>Latenz-CDF</translation>
    </message>
    <message>
        <source>attempts per call</source>
        <translation>Versuche je Aufruf</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Retransmissions</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>session time (ms)</source>
        <translation>Sitzungszeit (ms)</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>RTT and timeout</source>
        <translation>RTT und Timeout</translation>
    </message>
    <message>
        <source>%1: ok calls</source>
        <translation>%1: ok-Aufrufe</translation>
    </message>
    <message>
        <source>%1: RTT sample</source>
        <translation>%1: RTT-Messung</translation>
    </message>
    <message>
        <source>%1: timeout that expired</source>
        <translation>%1: abgelaufener Timeout</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::CompareDialog</name>
    <message>
        <source>Compare Two Runs</source>
        <translation>Zwei Läufe vergleichen</translation>
    </message>
    <message>
        <source>The same scenario and seed, run twice on one clock. Set what A and B differ in; the rest is the session&apos;s.</source>
        <translation>Dasselbe Szenario und derselbe Seed, zweimal auf einer Uhr. Stellen Sie ein, worin sich A und B unterscheiden; der Rest ist der der Sitzung.</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;</source>
        <translation>unbekannte Option „%1“</translation>
    </message>
    <message>
        <source>A and B are the same so far: they will run event for event alike.</source>
        <translation>A und B sind bisher gleich: Sie laufen Ereignis für Ereignis gleich ab.</translation>
    </message>
    <message>
        <source>B differs from A in: %1</source>
        <translation>B unterscheidet sich von A in: %1</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::CompareStrip</name>
    <message>
        <source>not made</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>%1 call %2
A: %3
B: %4</source>
        <translation>%1 Aufruf %2
A: %3
B: %4</translation>
    </message>
    <message>
        <source>ok in %1 ms (attempts: %2)</source>
        <translation>ok in %1 ms (Versuche: %2)</translation>
    </message>
    <message>
        <source>failed: %1 (attempts: %2)</source>
        <translation>fehlgeschlagen: %1 (Versuche: %2)</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::CompareWindow</name>
    <message>
        <source>  failed: %1</source>
        <translation>  fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Calls ok</source>
        <translation>Aufrufe ok</translation>
    </message>
    <message>
        <source>Calls failed</source>
        <translation>Aufrufe fehlgeschlagen</translation>
    </message>
    <message>
        <source>Handler executions</source>
        <translation>Handler-Ausführungen</translation>
    </message>
    <message>
        <source>Duplicates suppressed</source>
        <translation>Duplikate unterdrückt</translation>
    </message>
    <message>
        <source>Answered from the reply cache</source>
        <translation>Aus dem Antwort-Cache beantwortet</translation>
    </message>
    <message>
        <source>Retransmissions</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Datagrams sent</source>
        <translation>Datagramme gesendet</translation>
    </message>
    <message>
        <source>Datagrams lost</source>
        <translation>Datagramme verloren</translation>
    </message>
    <message>
        <source>Latency p50 (ms)</source>
        <translation>Latenz p50 (ms)</translation>
    </message>
    <message>
        <source>Latency p90 (ms)</source>
        <translation>Latenz p90 (ms)</translation>
    </message>
    <message>
        <source>Latency p99 (ms)</source>
        <translation>Latenz p99 (ms)</translation>
    </message>
    <message>
        <source>Goodput (calls/s)</source>
        <translation>Nutzdurchsatz (Aufrufe/s)</translation>
    </message>
    <message>
        <source>Virtual time (ms)</source>
        <translation>Virtuelle Zeit (ms)</translation>
    </message>
    <message>
        <source>(the run has ended)</source>
        <translation>(der Lauf ist zu Ende)</translation>
    </message>
    <message>
        <source>%1 at %2, %3 ms</source>
        <translation>%1 bei %2, %3 ms</translation>
    </message>
    <message>
        <source>, call %1 attempt %2</source>
        <translation>, Aufruf %1 Versuch %2</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Each call in A (top) and B (bottom): green ok, darker the longer it took; red failed; an orange tick where the two ended differently. Click a call to select it in both.</source>
        <translation>Jeder Aufruf in A (oben) und B (unten): grün ok, dunkler je länger er dauerte; rot fehlgeschlagen; ein orangefarbener Strich, wo die beiden verschieden endeten. Ein Klick auf einen Aufruf wählt ihn in beiden aus.</translation>
    </message>
    <message>
        <source>A | B | Δ</source>
        <translation>A | B | Δ</translation>
    </message>
    <message>
        <source>Changes act on A</source>
        <translation>Änderungen wirken auf A</translation>
    </message>
    <message>
        <source>Changes act on B</source>
        <translation>Änderungen wirken auf B</translation>
    </message>
    <message>
        <source>Changes act on both</source>
        <translation>Änderungen wirken auf beide</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Side by side, or one above the other</source>
        <translation>Nebeneinander oder übereinander</translation>
    </message>
    <message>
        <source>First Divergence</source>
        <translation>Erste Abweichung</translation>
    </message>
    <message>
        <source>Save A…</source>
        <translation>A speichern…</translation>
    </message>
    <message>
        <source>Save B…</source>
        <translation>B speichern…</translation>
    </message>
    <message>
        <source>Playback speed: virtual time per real time, the same for both</source>
        <translation>Wiedergabegeschwindigkeit: virtuelle Zeit pro Echtzeit, für beide gleich</translation>
    </message>
    <message>
        <source>Compare — %1, seed %2 — RpcScope</source>
        <translation>Vergleich — %1, Seed %2 — RpcScope</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 applies to %2 from the next restart</source>
        <translation>%1 gilt für %2 ab dem nächsten Neustart</translation>
    </message>
    <message>
        <source>So far the two runs are the same, event for event.</source>
        <translation>Bisher sind die beiden Läufe Ereignis für Ereignis gleich.</translation>
    </message>
    <message>
        <source>First divergence: A — %1; B — %2. %3 of %4 calls ended differently. Show zooms to it, ringed in both.</source>
        <translation>Erste Abweichung: A — %1; B — %2. %3 von %4 Aufrufen endeten verschieden. „Zeigen“ zoomt dorthin, in beiden eingekreist.</translation>
    </message>
    <message>
        <source>Save %1 as a Capture</source>
        <translation>%1 als Mitschnitt speichern</translation>
    </message>
    <message>
        <source>RpcScope captures (*.rpcscope)</source>
        <translation>RpcScope-Mitschnitte (*.rpcscope)</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Konnte nicht speichern: %1</translation>
    </message>
    <message>
        <source>Saved %1 to %2</source>
        <translation>%1 in %2 gespeichert</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Both runs to the next moment at which either has something happen (.)</source>
        <translation>Beide Läufe bis zum nächsten Moment, in dem in einem von ihnen etwas geschieht (.)</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::ConnectDialog</name>
    <message>
        <source>Connect to Server</source>
        <translation>Mit Server verbinden</translation>
    </message>
    <message>
        <source>host:port, for example 192.168.1.20:7000</source>
        <translation>Host:Port, zum Beispiel 192.168.1.20:7000</translation>
    </message>
    <message>
        <source>none: show the clients&apos; side only</source>
        <translation>keiner: nur die Seite der Clients zeigen</translation>
    </message>
    <message>
        <source>The port given to serve&apos;s --trace-port. The server&apos;s own events then appear in its lane, on this machine&apos;s clock.</source>
        <translation>Der Port, der bei serve mit --trace-port angegeben wurde. Die Ereignisse des Servers erscheinen dann in seiner Spur, auf der Uhr dieses Rechners.</translation>
    </message>
    <message>
        <source>the server&apos;s --key; empty: no encryption</source>
        <translation>der --key des Servers; leer: keine Verschlüsselung</translation>
    </message>
    <message>
        <source>From File…</source>
        <translation>Aus Datei…</translation>
    </message>
    <message>
        <source>Remember the key on this computer (stored unencrypted)</source>
        <translation>Schlüssel auf diesem Rechner merken (unverschlüsselt gespeichert)</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Trace port:</source>
        <translation>&amp;Trace-Port:</translation>
    </message>
    <message>
        <source>DTLS &amp;key:</source>
        <translation>DTLS-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Trace port: the feed has a port of its own, not the server&apos;s %1</source>
        <translation>Trace-Port: Der Trace hat einen eigenen Port, nicht den Port %1 des Servers</translation>
    </message>
    <message>
        <source>Trace port: the server shares its trace only over DTLS; enter its key</source>
        <translation>Trace-Port: Der Server gibt seinen Trace nur über DTLS heraus; geben Sie seinen Schlüssel ein</translation>
    </message>
    <message>
        <source>Read Key</source>
        <translation>Schlüssel lesen</translation>
    </message>
    <message>
        <source>The key was not read: %1</source>
        <translation>Der Schlüssel wurde nicht gelesen: %1</translation>
    </message>
    <message>
        <source>The clients will bind to all of this computer&apos;s addresses instead of loopback, so that the server&apos;s replies can reach them. The status bar shows this while connected.
The network settings on the Controls panel then shape what the clients send; what the server sends is shaped where it runs (serve --loss, --delay-ms).</source>
        <translation>Die Clients binden sich dann an alle Adressen dieses Rechners statt an Loopback, damit die Antworten des Servers sie erreichen. Die Statusleiste zeigt das, solange die Verbindung besteht.
Die Netzwerkeinstellungen im Bedienfeld formen dann, was die Clients senden; was der Server sendet, wird dort eingestellt, wo er läuft (serve --loss, --delay-ms).</translation>
    </message>
    <message>
        <source>Call an &lt;tt&gt;rpcscope-cli serve&lt;/tt&gt; on another machine with this window&apos;s scenario, whose service is %1. Start it there with, for example:&lt;br&gt;&lt;tt&gt;rpcscope-cli serve --bind 0.0.0.0:7000 --service %1 --key-file class.key --trace-port 7001&lt;/tt&gt;</source>
        <translation>Ruft ein &lt;tt&gt;rpcscope-cli serve&lt;/tt&gt; auf einem anderen Rechner mit dem Szenario dieses Fensters auf, dessen Dienst %1 ist. Starten Sie es dort zum Beispiel mit:&lt;br&gt;&lt;tt&gt;rpcscope-cli serve --bind 0.0.0.0:7000 --service %1 --key-file class.key --trace-port 7001&lt;/tt&gt;</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::ControlsPanel</name>
    <message>
        <source>Network (each way)</source>
        <translation>Netz (je Richtung)</translation>
    </message>
    <message>
        <source>&amp;Loss</source>
        <translation>&amp;Verlust</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Loss &amp;model</source>
        <translation>Verlust&amp;modell</translation>
    </message>
    <message>
        <source>&amp;Delay</source>
        <translation>Verzö&amp;gerung</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Jitter</source>
        <translation>&amp;Jitter</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>Verdo&amp;ppeln</translation>
    </message>
    <message>
        <source>&amp;Reorder</source>
        <translation>&amp;Umsortieren</translation>
    </message>
    <message>
        <source>&amp;Corrupt</source>
        <translation>&amp;Beschädigen</translation>
    </message>
    <message>
        <source>Timeouts and retries</source>
        <translation>Timeouts und Wiederholungen</translation>
    </message>
    <message>
        <source>&amp;Timeout</source>
        <translation>&amp;Timeout</translation>
    </message>
    <message>
        <source>&amp;Back-off</source>
        <translation>Back&amp;off</translation>
    </message>
    <message>
        <source>Fact&amp;or</source>
        <translation>Fa&amp;ktor</translation>
    </message>
    <message>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <source>Ma&amp;x timeout</source>
        <translation>Ma&amp;x. Timeout</translation>
    </message>
    <message>
        <source>Max attem&amp;pts</source>
        <translation>Max. Versu&amp;che</translation>
    </message>
    <message>
        <source>Deadl&amp;ine</source>
        <translation>&amp;Frist</translation>
    </message>
    <message>
        <source>Protocol and workload</source>
        <translation>Protokoll und Last</translation>
    </message>
    <message>
        <source>Ac&amp;k mode</source>
        <translation>Bestät&amp;igungsmodus</translation>
    </message>
    <message>
        <source>Ch&amp;ecksum</source>
        <translation>Prüfsumm&amp;e</translation>
    </message>
    <message>
        <source>Clie&amp;nts</source>
        <translation>C&amp;lients</translation>
    </message>
    <message>
        <source>C&amp;alls</source>
        <translation>Auf&amp;rufe</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>Fe&amp;nster</translation>
    </message>
    <message>
        <source>Call rate</source>
        <translation>Aufrufrate</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> /s</translation>
    </message>
    <message>
        <source>Handler time</source>
        <translation>Handler-Zeit</translation>
    </message>
    <message>
        <source>Applies when the scenario is reset</source>
        <translation>Gilt nach dem Zurücksetzen des Szenarios</translation>
    </message>
    <message>
        <source>Server rate</source>
        <translation>Serverrate</translation>
    </message>
    <message>
        <source>Server queue</source>
        <translation>Serverwarteschlange</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Deli&amp;very</source>
        <translation>&amp;Zustellung</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::EventTableModel</name>
    <message>
        <source>Time (ms)</source>
        <translation>Zeit (ms)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Datagram</source>
        <translation>Datagramm</translation>
    </message>
    <message>
        <source>From → To</source>
        <translation>Von → An</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Aufruf</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>reply acked</source>
        <translation>Antwort bestätigt</translation>
    </message>
    <message>
        <source>request acked</source>
        <translation>Anfrage bestätigt</translation>
    </message>
    <message>
        <source>new epoch %1</source>
        <translation>neue Epoche %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <source>Time: %1 ms</source>
        <translation>Zeit: %1 ms</translation>
    </message>
    <message>
        <source>Event: %1</source>
        <translation>Ereignis: %1</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Von: %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>An: %1</translation>
    </message>
    <message>
        <source>Client: %1</source>
        <translation>Client: %1</translation>
    </message>
    <message>
        <source>Call: %1</source>
        <translation>Aufruf: %1</translation>
    </message>
    <message>
        <source>Attempt: %1</source>
        <translation>Versuch: %1</translation>
    </message>
    <message>
        <source>Fragment: %1</source>
        <translation>Fragment: %1</translation>
    </message>
    <message>
        <source>Datagram: %1</source>
        <translation>Datagramm: %1</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Größe: %1</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>Detail: %1</translation>
    </message>
    <message>
        <source>Detail: %1 (%2)</source>
        <translation>Detail: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::ForkDialog</name>
    <message>
        <source>Fork from Here</source>
        <translation>Hier verzweigen</translation>
    </message>
    <message>
        <source>The fork is this session, event for event, up to %1 ms; from there on it runs with what you change below, and opens beside the original to compare.</source>
        <translation>Die Verzweigung ist diese Sitzung, Ereignis für Ereignis, bis %1 ms; ab dort läuft sie mit dem, was Sie unten ändern, und öffnet sich zum Vergleich neben dem Original.</translation>
    </message>
    <message>
        <source>Fork</source>
        <translation>Verzweigen</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;</source>
        <translation>unbekannte Option „%1“</translation>
    </message>
    <message>
        <source>%1 shapes a session from its start and cannot change at a fork.</source>
        <translation>%1 prägt eine Sitzung von ihrem Beginn an und kann sich bei einer Verzweigung nicht ändern.</translation>
    </message>
    <message>
        <source>Nothing changed yet: the fork would run as the original does.</source>
        <translation>Noch nichts geändert: Die Verzweigung liefe wie das Original.</translation>
    </message>
    <message>
        <source>The fork changes: %1</source>
        <translation>Die Verzweigung ändert: %1</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::LessonPanel</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>&amp;Start This Step</source>
        <translation>Diesen Schritt &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Next Step ▶</source>
        <translation>&amp;Nächster Schritt ▶</translation>
    </message>
    <message>
        <source>Lesson Path</source>
        <translation>Lernpfad</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glossar</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1. %2&lt;/h3&gt;&lt;p&gt;&lt;i&gt;Chapter %3 · scenario: %4&lt;/i&gt;&lt;/p&gt;&lt;p&gt;%5&lt;/p&gt;&lt;p&gt;&lt;b&gt;What it shows:&lt;/b&gt; %6&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ask the class:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;%7&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;%1. %2&lt;/h3&gt;&lt;p&gt;&lt;i&gt;Kapitel %3 · Szenario: %4&lt;/i&gt;&lt;/p&gt;&lt;p&gt;%5&lt;/p&gt;&lt;p&gt;&lt;b&gt;Was es zeigt:&lt;/b&gt; %6&lt;/p&gt;&lt;p&gt;&lt;b&gt;Fragen Sie die Klasse:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;%7&lt;/ul&gt;</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::MainWindow</name>
    <message>
        <source>RpcScope</source>
        <translation>RpcScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;RpcScope %1&lt;/h3&gt;&lt;p&gt;See and tune how RPC behaves over an unreliable network.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3; protobuf %4.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RpcScope %1&lt;/h3&gt;&lt;p&gt;Sehen und einstellen, wie sich RPC über ein unzuverlässiges Netz verhält.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, läuft mit Qt %3; protobuf %4.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <source>What the selected or latest event means, in words</source>
        <translation>Was das ausgewählte oder neueste Ereignis bedeutet, in Worten</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Show events of kind</source>
        <translation>Ereignisse dieser Art zeigen</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Show events of host</source>
        <translation>Ereignisse dieses Hosts zeigen</translation>
    </message>
    <message>
        <source>Show events of call</source>
        <translation>Ereignisse dieses Aufrufs zeigen</translation>
    </message>
    <message>
        <source>all calls</source>
        <translation>alle Aufrufe</translation>
    </message>
    <message>
        <source>call </source>
        <translation>Aufruf </translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Open Capture</source>
        <translation>Aufzeichnung öffnen</translation>
    </message>
    <message>
        <source>RpcScope captures (*.rpcscope);;All files (*)</source>
        <translation>RpcScope-Aufzeichnungen (*.rpcscope);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Capture…</source>
        <translation>Aufzeichnung ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Save Capture</source>
        <translation>Aufzeichnung speichern</translation>
    </message>
    <message>
        <source>RpcScope captures (*.rpcscope)</source>
        <translation>RpcScope-Aufzeichnungen (*.rpcscope)</translation>
    </message>
    <message>
        <source>The capture was not saved: %1</source>
        <translation>Die Aufzeichnung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>&amp;Save Capture As…</source>
        <translation>Aufzeichnung &amp;speichern unter…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>Nichts wurde exportiert: %1</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Play or pause the session (Space)</source>
        <translation>Sitzung abspielen oder anhalten (Leertaste)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Process the next event and pause (.)</source>
        <translation>Nächstes Ereignis ausführen und anhalten (.)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Start the scenario over with the current settings (Ctrl+R)</source>
        <translation>Szenario mit den aktuellen Einstellungen neu beginnen (Strg+R)</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Simulated (virtual time)</source>
        <translation>Simuliert (virtuelle Zeit)</translation>
    </message>
    <message>
        <source>Real sockets (loopback)</source>
        <translation>Echte Sockets (Loopback)</translation>
    </message>
    <message>
        <source> Speed </source>
        <translation> Tempo </translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>Show the whole session (Ctrl+0)</source>
        <translation>Die ganze Sitzung zeigen (Strg+0)</translation>
    </message>
    <message>
        <source>F&amp;ollow</source>
        <translation>&amp;Folgen</translation>
    </message>
    <message>
        <source>Keep the newest events in view</source>
        <translation>Die neuesten Ereignisse im Blick behalten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Dunkles Design</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>Full screen with large type, for a projector</source>
        <translation>Vollbild mit großer Schrift, für den Beamer</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>&amp;Szenario</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About RpcScope</source>
        <translation>Über &amp;RpcScope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>The session could not start: %1</source>
        <translation>Die Sitzung konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>RpcScope — %1</source>
        <translation>RpcScope — %1</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Capture read in part: %1</source>
        <translation>Aufzeichnung teilweise gelesen: %1</translation>
    </message>
    <message>
        <source>Opened %1: press Play to replay it</source>
        <translation>%1 geöffnet: „Abspielen“ spielt sie erneut ab</translation>
    </message>
    <message>
        <source>timeout %1 ms</source>
        <translation>Timeout %1 ms</translation>
    </message>
    <message>
        <source>%1 back-off</source>
        <translation>Backoff %1</translation>
    </message>
    <message>
        <source>%1 acks</source>
        <translation>Bestätigungen %1</translation>
    </message>
    <message>
        <source>%1 service</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>loss %1 %</source>
        <translation>Verlust %1 %</translation>
    </message>
    <message>
        <source>replaying a capture</source>
        <translation>Aufzeichnung wird abgespielt</translation>
    </message>
    <message>
        <source>real sockets</source>
        <translation>echte Sockets</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>t = %1 ms  %2</source>
        <translation>t = %1 ms  %2</translation>
    </message>
    <message>
        <source>(finished)</source>
        <translation>(beendet)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 → %2, applied to calls in flight</source>
        <translation>%1 → %2, gilt schon für laufende Aufrufe</translation>
    </message>
    <message>
        <source>%1 → %2, applies when the scenario is reset (Ctrl+R)</source>
        <translation>%1 → %2, gilt nach dem Zurücksetzen des Szenarios (Strg+R)</translation>
    </message>
    <message>
        <source>About RpcScope</source>
        <translation>Über RpcScope</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Export Selected &amp;Call…</source>
        <translation>Ausgewählten &amp;Aufruf exportieren…</translation>
    </message>
    <message>
        <source>Click a datagram in the diagram to select its call, then export it.</source>
        <translation>Klicken Sie im Diagramm auf ein Datagramm, um seinen Aufruf auszuwählen, und exportieren Sie ihn dann.</translation>
    </message>
    <message>
        <source>Export Selected Call</source>
        <translation>Ausgewählten Aufruf exportieren</translation>
    </message>
    <message>
        <source>Export only the call selected in the diagram</source>
        <translation>Nur den im Diagramm ausgewählten Aufruf exportieren</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>Parameter &amp;Sweep…</source>
        <translation>Parameter&amp;studie…</translation>
    </message>
    <message>
        <source>Simulate a range of one setting, several seeds per point, and chart the outcome</source>
        <translation>Einen Bereich einer Einstellung simulieren, mehrere Startwerte je Punkt, und das Ergebnis als Diagramm zeigen</translation>
    </message>
    <message>
        <source>no call is selected: click a datagram in the diagram first</source>
        <translation>kein Aufruf ausgewählt: zuerst im Diagramm auf ein Datagramm klicken</translation>
    </message>
    <message>
        <source>Connect to &amp;Server…</source>
        <translation>Mit &amp;Server verbinden…</translation>
    </message>
    <message>
        <source>Run the scenario&apos;s clients against rpcscope-cli serve on another machine</source>
        <translation>Die Clients des Szenarios gegen rpcscope-cli serve auf einem anderen Rechner laufen lassen</translation>
    </message>
    <message>
        <source>Remote server…</source>
        <translation>Entfernter Server…</translation>
    </message>
    <message>
        <source>Simulated: every host in virtual time, reproducible from the seed, at any speed.
Real sockets: the same scenario over UDP on 127.0.0.1, in real time.
Remote server: the clients call rpcscope-cli serve on another machine.</source>
        <translation>Simuliert: jeder Host in virtueller Zeit, aus dem Seed reproduzierbar, in jeder Geschwindigkeit.
Echte Sockets: dasselbe Szenario über UDP auf 127.0.0.1, in Echtzeit.
Entfernter Server: Die Clients rufen rpcscope-cli serve auf einem anderen Rechner auf.</translation>
    </message>
    <message>
        <source>The lesson: %1

Click an event, or press N and P, for its own story.</source>
        <translation>Die Lehre: %1

Klicken Sie auf ein Ereignis oder drücken Sie N und P, um seine eigene Geschichte zu lesen.</translation>
    </message>
    <message>
        <source>Reset discards the capture shown and starts its scenario over with the current settings.</source>
        <translation>Zurücksetzen verwirft den angezeigten Mitschnitt und startet sein Szenario mit den aktuellen Einstellungen neu.</translation>
    </message>
    <message>
        <source>Counter &amp;Tracks</source>
        <translation>&amp;Zählerspuren</translation>
    </message>
    <message>
        <source>L&amp;egend</source>
        <translation>L&amp;egende</translation>
    </message>
    <message>
        <source>Calls open, sent against answered, dropped against resent, and the timeout, on the diagram&apos;s time axis</source>
        <translation>Offene Aufrufe, gesendet gegen beantwortet, verworfen gegen wiederholt und der Timeout, auf der Zeitachse des Diagramms</translation>
    </message>
    <message>
        <source>What every mark, line and colour in the diagram means</source>
        <translation>Was jedes Zeichen, jede Linie und jede Farbe im Diagramm bedeutet</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;p&gt;&lt;b&gt;What it shows:&lt;/b&gt; %3&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ask the class:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;%4&lt;/ul&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;p&gt;&lt;b&gt;Was es zeigt:&lt;/b&gt; %3&lt;/p&gt;&lt;p&gt;&lt;b&gt;Fragen an die Klasse:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;%4&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;RpcScope is free software under the MIT licence. It uses Qt under the GNU LGPL version 3 and protobuf under the BSD 3-Clause licence.&lt;/p&gt;</source>
        <translation>&lt;p&gt;RpcScope ist freie Software unter der MIT-Lizenz. Es verwendet Qt unter der GNU LGPL Version 3 und protobuf unter der BSD-3-Clause-Lizenz (BSD 3-Clause).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Homework: the Chapter&apos;s Questions…</source>
        <translation>&amp;Hausaufgabe: die Fragen des Kapitels…</translation>
    </message>
    <message>
        <source>Each question of the chapter&apos;s coding homework, with the scenario, settings and command that answer it</source>
        <translation>Jede Frage der Programmier-Hausaufgabe des Kapitels, mit dem Szenario, den Einstellungen und dem Befehl, die sie beantworten</translation>
    </message>
    <message>
        <source>Homework</source>
        <translation>Hausaufgabe</translation>
    </message>
    <message>
        <source>&amp;Measure a Server…</source>
        <translation>Server &amp;messen…</translation>
    </message>
    <message>
        <source>The raw round trip to a server, its calls&apos; latency, pipelined calls and goodput</source>
        <translation>Die rohe Umlaufzeit zu einem Server, die Latenz seiner Aufrufe, Aufrufe im Pipelining und der Nutzdurchsatz</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Nächste: %1</translation>
    </message>
    <message>
        <source>Previous: %1</source>
        <translation>Vorige: %1</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>Go to &amp;Call…</source>
        <translation>Zu &amp;Aufruf…</translation>
    </message>
    <message>
        <source>Go to &amp;Time…</source>
        <translation>Zu &amp;Zeitpunkt…</translation>
    </message>
    <message>
        <source>&amp;Pause at Every Loss</source>
        <translation>Bei jedem &amp;Verlust anhalten</translation>
    </message>
    <message>
        <source>Playback pauses whenever the network loses a datagram; tick other kinds in the Moments list</source>
        <translation>Die Wiedergabe hält an, wann immer das Netz ein Datagramm verliert; weitere Arten in der Liste der Momente ankreuzen</translation>
    </message>
    <message>
        <source>Go to Call</source>
        <translation>Zu Aufruf</translation>
    </message>
    <message>
        <source>Call, as CLIENT:ID (1:5), or ID alone for client 1:</source>
        <translation>Aufruf als CLIENT:ID (1:5), oder nur ID für Client 1:</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a call: write CLIENT:ID, for example 1:5</source>
        <translation>„%1“ ist kein Aufruf: CLIENT:ID schreiben, zum Beispiel 1:5</translation>
    </message>
    <message>
        <source>Client %1 has made no call %2 so far.</source>
        <translation>Client %1 hat bisher keinen Aufruf %2 gemacht.</translation>
    </message>
    <message>
        <source>Go to Time</source>
        <translation>Zu Zeitpunkt</translation>
    </message>
    <message>
        <source>Time in the session, in milliseconds:</source>
        <translation>Zeit in der Sitzung, in Millisekunden:</translation>
    </message>
    <message>
        <source>Paused at %1. Space plays on.</source>
        <translation>Angehalten bei %1. Leertaste spielt weiter.</translation>
    </message>
    <message>
        <source>Diagram: next event</source>
        <translation>Diagramm: nächstes Ereignis</translation>
    </message>
    <message>
        <source>Diagram: previous event</source>
        <translation>Diagramm: voriges Ereignis</translation>
    </message>
    <message>
        <source>Diagram: fit the whole session</source>
        <translation>Diagramm: ganze Sitzung einpassen</translation>
    </message>
    <message>
        <source>Diagram: follow the newest events</source>
        <translation>Diagramm: den neuesten Ereignissen folgen</translation>
    </message>
    <message>
        <source>Diagram: back to the start</source>
        <translation>Diagramm: zurück zum Anfang</translation>
    </message>
    <message>
        <source>Diagram: zoom</source>
        <translation>Diagramm: zoomen</translation>
    </message>
    <message>
        <source>Diagram: clear the selection</source>
        <translation>Diagramm: Auswahl aufheben</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Was sie tut</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Moments</source>
        <translation>Momente</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>%1: none after this one so far.</source>
        <translation>%1: bisher keine nach dieser Stelle.</translation>
    </message>
    <message>
        <source>%1: none before this one.</source>
        <translation>%1: keine vor dieser Stelle.</translation>
    </message>
    <message>
        <source>Shift+drag</source>
        <translation>Umschalt+Ziehen</translation>
    </message>
    <message>
        <source>Diagram: zoom to the stretch of time dragged over</source>
        <translation>Diagramm: auf den überzogenen Zeitabschnitt zoomen</translation>
    </message>
    <message>
        <source>Click an event of a call first.</source>
        <translation>Zuerst ein Ereignis eines Aufrufs anklicken.</translation>
    </message>
    <message>
        <source>&amp;Zoom to Selected Call</source>
        <translation>Auf gewählten Aufruf &amp;zoomen</translation>
    </message>
    <message>
        <source>The selected call from its start to its end; Shift+drag in the diagram zooms to any stretch of time</source>
        <translation>Der gewählte Aufruf von Anfang bis Ende; Umschalt+Ziehen im Diagramm zoomt auf jeden Zeitabschnitt</translation>
    </message>
    <message>
        <source>Show &amp;Only the Selected Call</source>
        <translation>&amp;Nur den gewählten Aufruf zeigen</translation>
    </message>
    <message>
        <source>Hide every other call&apos;s datagrams, timers and labels</source>
        <translation>Datagramme, Timer und Beschriftungen aller anderen Aufrufe ausblenden</translation>
    </message>
    <message>
        <source>&amp;Quiz Mode</source>
        <translation>&amp;Quizmodus</translation>
    </message>
    <message>
        <source>Playback pauses before a datagram&apos;s fate, a timer or the server&apos;s choice shows, and asks the class; Space plays on and reveals the answer</source>
        <translation>Die Wiedergabe hält an, bevor sich das Schicksal eines Datagramms, ein Timer oder die Wahl des Servers zeigt, und fragt die Klasse; die Leertaste spielt weiter und zeigt die Antwort</translation>
    </message>
    <message>
        <source>Quiz mode: playback pauses at each question; Space plays on.</source>
        <translation>Quizmodus: Die Wiedergabe hält bei jeder Frage an; die Leertaste spielt weiter.</translation>
    </message>
    <message>
        <source>A question: Space plays on and shows the answer.</source>
        <translation>Eine Frage: Die Leertaste spielt weiter und zeigt die Antwort.</translation>
    </message>
    <message>
        <source>The answer: Space plays on.</source>
        <translation>Die Antwort: Die Leertaste spielt weiter.</translation>
    </message>
    <message>
        <source>Export &amp;Animation…</source>
        <translation>&amp;Animation exportieren…</translation>
    </message>
    <message>
        <source>The playback of a time range for slides: GIF, MP4, WebM or one PNG per step</source>
        <translation>Die Wiedergabe eines Zeitraums für Folien: GIF, MP4, WebM oder ein PNG pro Schritt</translation>
    </message>
    <message>
        <source>Nothing has happened yet to animate.</source>
        <translation>Es ist noch nichts geschehen, das sich animieren ließe.</translation>
    </message>
    <message>
        <source>Export Animation</source>
        <translation>Animation exportieren</translation>
    </message>
    <message>
        <source>Drawing the frames…</source>
        <translation>Die Bilder werden gezeichnet…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>No animation was exported: %1</source>
        <translation>Es wurde keine Animation exportiert: %1</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lektion</translation>
    </message>
    <message>
        <source>&amp;Lesson: the Chapter Step by Step</source>
        <translation>&amp;Lektion: das Kapitel Schritt für Schritt</translation>
    </message>
    <message>
        <source>The chapter&apos;s ideas in order, each a scenario with what to say and what to ask, and a glossary in three languages</source>
        <translation>Die Ideen des Kapitels der Reihe nach, jede ein Szenario mit dem, was man sagt und fragt, und ein Glossar in drei Sprachen</translation>
    </message>
    <message>
        <source>Next Lesson &amp;Step</source>
        <translation>Nächster Lektions&amp;schritt</translation>
    </message>
    <message>
        <source>&amp;Narration</source>
        <translation>&amp;Erklärung</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>Ereig&amp;nisse</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>&amp;Diagramme</translation>
    </message>
    <message>
        <source>&amp;Moments</source>
        <translation>&amp;Momente</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>&amp;Lektion</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Bereiche</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>&amp;Vergleichen…</translation>
    </message>
    <message>
        <source>Run the scenario twice on one clock, under two settings, side by side</source>
        <translation>Das Szenario zweimal auf einer Uhr ausführen, mit zwei Einstellungen, nebeneinander</translation>
    </message>
    <message>
        <source>&amp;Fork from Here…</source>
        <translation>Hier &amp;verzweigen…</translation>
    </message>
    <message>
        <source>Run this session again up to the selected moment, then with other settings, beside the original</source>
        <translation>Diese Sitzung bis zum gewählten Moment erneut ausführen, dann mit anderen Einstellungen, neben dem Original</translation>
    </message>
    <message>
        <source>Fork from Here (%1 ms)…</source>
        <translation>Hier verzweigen (%1 ms)…</translation>
    </message>
    <message>
        <source>This capture cannot be forked: %1.</source>
        <translation>Dieser Mitschnitt kann nicht verzweigt werden: %1.</translation>
    </message>
    <message>
        <source>A session on real sockets cannot be run again event for event, so it cannot be forked.</source>
        <translation>Eine Sitzung auf echten Sockets lässt sich nicht Ereignis für Ereignis wiederholen und daher nicht verzweigen.</translation>
    </message>
    <message>
        <source>this session</source>
        <translation>diese Sitzung</translation>
    </message>
    <message>
        <source>the session&apos;s settings</source>
        <translation>die Einstellungen der Sitzung</translation>
    </message>
    <message>
        <source>Fork from Here</source>
        <translation>Hier verzweigen</translation>
    </message>
    <message>
        <source>%1, as it ran</source>
        <translation>%1, wie es lief</translation>
    </message>
    <message>
        <source>fork at %1 ms: %2</source>
        <translation>Verzweigung bei %1 ms: %2</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>nichts geändert</translation>
    </message>
    <message>
        <source>Forked at %1 ms: the fork opens beside its original</source>
        <translation>Bei %1 ms verzweigt: Die Verzweigung öffnet sich neben ihrem Original</translation>
    </message>
    <message>
        <source>took one attempt</source>
        <translation>einen Versuch brauchten</translation>
    </message>
    <message>
        <source>took %1 attempts</source>
        <translation>%1 Versuche brauchten</translation>
    </message>
    <message>
        <source>took %1 or more attempts</source>
        <translation>%1 oder mehr Versuche brauchten</translation>
    </message>
    <message>
        <source>answered in %1 to %2 ms</source>
        <translation>in %1 bis %2 ms beantwortet wurden</translation>
    </message>
    <message>
        <source>Charts: %1 to %2 ms, as dragged on the counter tracks; click the tracks to have them follow the diagram again</source>
        <translation>Diagramme: %1 bis %2 ms, wie auf den Zählerspuren gezogen; ein Klick auf die Spuren lässt sie wieder dem Sequenzdiagramm folgen</translation>
    </message>
    <message>
        <source>Charts follow the diagram again</source>
        <translation>Die Diagramme folgen wieder dem Sequenzdiagramm</translation>
    </message>
    <message>
        <source>No call %1</source>
        <translation>Kein Aufruf, der %1</translation>
    </message>
    <message>
        <source>Calls that %1: %2, highlighted in the diagram and alone in the Events table; N and P step through them, Escape lets them go</source>
        <translation>Aufrufe, die %1: %2, im Diagramm hervorgehoben und allein in der Ereignistabelle; N und P gehen sie durch, Escape gibt sie frei</translation>
    </message>
    <message>
        <source>Drag on the counter tracks</source>
        <translation>Ziehen auf den Zählerspuren</translation>
    </message>
    <message>
        <source>Charts: show the stretch of time dragged over; a click follows the diagram again</source>
        <translation>Diagramme: den überzogenen Zeitabschnitt zeigen; ein Klick folgt wieder dem Sequenzdiagramm</translation>
    </message>
    <message>
        <source>Click a bar, drag across the CDF</source>
        <translation>Balken anklicken, über die CDF ziehen</translation>
    </message>
    <message>
        <source>Charts: select those calls in the diagram and the Events table; N and P step through them</source>
        <translation>Diagramme: diese Aufrufe im Sequenzdiagramm und in der Ereignistabelle auswählen; N und P gehen sie durch</translation>
    </message>
    <message>
        <source>Diagram as SVG (*.svg);;Diagram as PNG (*.png);;Diagram as PDF (*.pdf);;Diagram as TikZ (*.tex);;%1</source>
        <translation>Diagramm als SVG (*.svg);;Diagramm als PNG (*.png);;Diagramm als PDF (*.pdf);;Diagramm als TikZ (*.tex);;%1</translation>
    </message>
    <message>
        <source>Events as CSV (*.csv);;Events as JSON Lines (*.jsonl);;Mermaid sequence diagram (*.mmd);;PlantUML sequence diagram (*.puml);;Trace for Perfetto and chrome://tracing (*.json);;qlog events (*.sqlog)</source>
        <translation>Ereignisse als CSV (*.csv);;Ereignisse als JSON Lines (*.jsonl);;Mermaid-Sequenzdiagramm (*.mmd);;PlantUML-Sequenzdiagramm (*.puml);;Trace für Perfetto und chrome://tracing (*.json);;qlog-Ereignisse (*.sqlog)</translation>
    </message>
    <message>
        <source>Diagram in view as SVG (*.svg);;Diagram in view as PNG (*.png);;Diagram in view as PDF (*.pdf);;Diagram in view as TikZ (*.tex);;%1;;Datagrams for Wireshark (*.pcapng)</source>
        <translation>Sichtbares Diagramm als SVG (*.svg);;Sichtbares Diagramm als PNG (*.png);;Sichtbares Diagramm als PDF (*.pdf);;Sichtbares Diagramm als TikZ (*.tex);;%1;;Datagramme für Wireshark (*.pcapng)</translation>
    </message>
    <message>
        <source>a packet capture holds every datagram of the session; in Wireshark the filter rpcscope.call == %1 picks out one call</source>
        <translation>ein Paketmitschnitt enthält jedes Datagramm der Sitzung; in Wireshark wählt der Filter rpcscope.call == %1 einen Aufruf aus</translation>
    </message>
    <message>
        <source>a packet capture needs every datagram&apos;s bytes, which only a simulated session run again can give</source>
        <translation>ein Paketmitschnitt braucht die Bytes jedes Datagramms, und die liefert nur eine simulierte Sitzung, die erneut läuft</translation>
    </message>
    <message>
        <source>end the file name with .svg, .png, .pdf, .tex, .csv, .jsonl, .mmd, .puml, .json (Perfetto), .sqlog (qlog) or .pcapng (Wireshark) to choose the format</source>
        <translation>den Dateinamen mit .svg, .png, .pdf, .tex, .csv, .jsonl, .mmd, .puml, .json (Perfetto), .sqlog (qlog) oder .pcapng (Wireshark) enden lassen, um das Format zu wählen</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::MeasureDialog</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>Raw round trips</source>
        <translation>Rohe Umläufe</translation>
    </message>
    <message>
        <source>Single calls</source>
        <translation>Einzelne Aufrufe</translation>
    </message>
    <message>
        <source>Pipelined calls</source>
        <translation>Aufrufe im Pipelining</translation>
    </message>
    <message>
        <source>Goodput</source>
        <translation>Nutzdurchsatz</translation>
    </message>
    <message>
        <source>Measure a Server</source>
        <translation>Server messen</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>HOST:PORT of an rpcscope-cli serve, here or on another machine</source>
        <translation>HOST:PORT eines rpcscope-cli serve, hier oder auf einem anderen Rechner</translation>
    </message>
    <message>
        <source>DTLS &amp;key:</source>
        <translation>DTLS-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>none: plain UDP</source>
        <translation>keiner: einfaches UDP</translation>
    </message>
    <message>
        <source>&amp;Calls timed:</source>
        <translation>&amp;Gemessene Aufrufe:</translation>
    </message>
    <message>
        <source>Raw echoes, and single calls one at a time, whose round trips are timed</source>
        <translation>Rohe Echos und einzelne Aufrufe nacheinander, deren Umlaufzeiten gemessen werden</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Fenster:</translation>
    </message>
    <message>
        <source>&amp;Pipelined calls:</source>
        <translation>Aufrufe im &amp;Pipelining:</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>&amp;Datagram:</source>
        <translation>&amp;Datagramm:</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> Bytes</translation>
    </message>
    <message>
        <source>&amp;Measure</source>
        <translation>&amp;Messen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <source>raw round trip (the floor)</source>
        <translation>rohe Umlaufzeit (die Untergrenze)</translation>
    </message>
    <message>
        <source>single call</source>
        <translation>einzelner Aufruf</translation>
    </message>
    <message>
        <source>Latency, µs</source>
        <translation>Latenz, µs</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>The address is not HOST:PORT: %1</source>
        <translation>Die Adresse ist nicht HOST:PORT: %1</translation>
    </message>
    <message>
        <source>Measuring %1…</source>
        <translation>Messe %1…</translation>
    </message>
    <message>
        <source>%1: %2 %</source>
        <translation>%1: %2 %</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>Raw round trip (the floor)</source>
        <translation>Rohe Umlaufzeit (die Untergrenze)</translation>
    </message>
    <message>
        <source>p50 %1, p90 %2, p99 %3</source>
        <translation>p50 %1, p90 %2, p99 %3</translation>
    </message>
    <message>
        <source>Single call</source>
        <translation>Einzelner Aufruf</translation>
    </message>
    <message>
        <source>Done: a call costs %1× the raw round trip to this server.</source>
        <translation>Fertig: Ein Aufruf kostet %1× die rohe Umlaufzeit zu diesem Server.</translation>
    </message>
    <message>
        <source>Messa&amp;ge:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <source>Pipelined calls in flight at once; a server runs no more than %1 of one client&apos;s calls at once</source>
        <translation>Gleichzeitig unterwegs befindliche Aufrufe im Pipelining; ein Server führt höchstens %1 Aufrufe eines Clients zugleich aus</translation>
    </message>
    <message>
        <source>Sent one way for the goodput, in calls of the chunk&apos;s size, four in flight, each checked by SHA-256 at the server</source>
        <translation>Für den Nutzdurchsatz in eine Richtung gesendet, in Aufrufen der Blockgröße, vier gleichzeitig, jeder vom Server per SHA-256 geprüft</translation>
    </message>
    <message>
        <source>C&amp;hunk:</source>
        <translation>B&amp;lockgröße:</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Bytes per call of the goodput</source>
        <translation>Bytes je Aufruf des Nutzdurchsatzes</translation>
    </message>
    <message>
        <source>The largest datagram this end sends; chunks go in fragments of it</source>
        <translation>Das größte Datagramm, das diese Seite sendet; Blöcke gehen in Fragmenten dieser Größe</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How long to wait for the first answer before saying nobody is there</source>
        <translation>Wie lange auf die erste Antwort gewartet wird, bevor es heißt, dass niemand da ist</translation>
    </message>
    <message>
        <source>Against the floor</source>
        <translation>Im Vergleich zur Untergrenze</translation>
    </message>
    <message>
        <source>The message would take %1 calls of the chunk&apos;s size; at most %2: choose a larger chunk.</source>
        <translation>Die Nachricht bräuchte %1 Aufrufe der Blockgröße; höchstens %2: Wählen Sie einen größeren Block.</translation>
    </message>
    <message>
        <source>This computer cannot send to %1: %2</source>
        <translation>Dieser Rechner kann nicht an %1 senden: %2</translation>
    </message>
    <message>
        <source>No RpcScope server answered at %1 within %2 ms.</source>
        <translation>Unter %1 hat innerhalb von %2 ms kein RpcScope-Server geantwortet.</translation>
    </message>
    <message>
        <source>Nothing listens at %1: the port is closed.</source>
        <translation>Unter %1 lauscht niemand: Der Port ist geschlossen.</translation>
    </message>
    <message>
        <source>The server at %1 speaks wire version %2; this build speaks version %3.</source>
        <translation>Der Server unter %1 spricht Wire-Version %2; dieser Build spricht Version %3.</translation>
    </message>
    <message>
        <source>The server at %1 answered its raw echo but no call: if it was started with a key, give the same key.</source>
        <translation>Der Server unter %1 hat sein rohes Echo beantwortet, aber keinen Aufruf: Wurde er mit einem Schlüssel gestartet, geben Sie denselben Schlüssel an.</translation>
    </message>
    <message>
        <source>The server at %1 answered its raw echo but no call: does it use this key?</source>
        <translation>Der Server unter %1 hat sein rohes Echo beantwortet, aber keinen Aufruf: Verwendet er diesen Schlüssel?</translation>
    </message>
    <message>
        <source>A call to %1 failed: %2</source>
        <translation>Ein Aufruf an %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The SHA-256 the server at %1 computed of a chunk differs from what was sent.</source>
        <translation>Der SHA-256, den der Server unter %1 für einen Block berechnet hat, weicht vom Gesendeten ab.</translation>
    </message>
    <message>
        <source>%1, wire version %2, plain UDP</source>
        <translation>%1, Wire-Version %2, einfaches UDP</translation>
    </message>
    <message>
        <source>%1, wire version %2, calls through DTLS, raw echoes in plain UDP</source>
        <translation>%1, Wire-Version %2, Aufrufe über DTLS, rohe Echos in einfachem UDP</translation>
    </message>
    <message>
        <source>%1 echoes, %2 lost</source>
        <translation>%1 Echos, %2 verloren</translation>
    </message>
    <message>
        <source>%1× the floor</source>
        <translation>%1× die Untergrenze</translation>
    </message>
    <message>
        <source>Pipelined calls, window %1</source>
        <translation>Aufrufe im Pipelining, Fenster %1</translation>
    </message>
    <message>
        <source>%1 calls/s</source>
        <translation>%1 Aufrufe/s</translation>
    </message>
    <message>
        <source>%1× one raw round trip at a time</source>
        <translation>%1× ein roher Umlauf nach dem anderen</translation>
    </message>
    <message>
        <source>%1 MiB/s (%2 Mbit/s), SHA-256 verified</source>
        <translation>%1 MiB/s (%2 Mbit/s), per SHA-256 geprüft</translation>
    </message>
    <message>
        <source>%1 KiB per raw round trip</source>
        <translation>%1 KiB je roher Umlaufzeit</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>%1 in calls of %2, %3 in flight, in datagrams of %4 bytes</source>
        <translation>%1 in Aufrufen zu %2, %3 gleichzeitig, in Datagrammen zu %4 Byte</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::MomentsPanel</name>
    <message>
        <source>Moment</source>
        <translation>Moment</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Click a moment to go there. Tick a kind to pause playback when the clock reaches one.</source>
        <translation>Einen Moment anklicken, um dorthin zu gehen. Eine Art ankreuzen, damit die Wiedergabe anhält, wenn die Uhr einen erreicht.</translation>
    </message>
    <message>
        <source>Pause only at the first of each ticked kind</source>
        <translation>Nur beim ersten jeder angekreuzten Art anhalten</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>, call %1</source>
        <translation>, Aufruf %1</translation>
    </message>
    <message>
        <source>, attempt %1</source>
        <translation>, Versuch %1</translation>
    </message>
    <message>
        <source>Tick to pause playback at %1</source>
        <translation>Ankreuzen, um die Wiedergabe bei %1 anzuhalten</translation>
    </message>
    <message>
        <source>… and %1 more (the Events tab lists them all)</source>
        <translation>… und %1 weitere (der Reiter Ereignisse listet alle)</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::SequenceDiagramView</name>
    <message>
        <source>Sequence diagram</source>
        <translation>Sequenzdiagramm</translation>
    </message>
    <message>
        <source>Datagrams between the client and server lanes, time running down. Plus and minus zoom, F fits the session, End follows the live edge, N and P select the next and the previous event, Escape clears the selection.</source>
        <translation>Datagramme zwischen den Bahnen von Client und Server, die Zeit läuft nach unten. Plus und Minus zoomen, F zeigt die ganze Sitzung, Ende folgt dem Live-Rand, N und P wählen das nächste und das vorige Ereignis, Escape hebt die Auswahl auf.</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::SweepDialog</name>
    <message>
        <source>mean latency of ok calls</source>
        <translation>mittlere Latenz erfolgreicher Aufrufe</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>median latency (p50)</source>
        <translation>Median der Latenz (p50)</translation>
    </message>
    <message>
        <source>99th percentile latency (p99)</source>
        <translation>99. Perzentil der Latenz (p99)</translation>
    </message>
    <message>
        <source>calls ok</source>
        <translation>erfolgreiche Aufrufe</translation>
    </message>
    <message>
        <source>calls per run</source>
        <translation>Aufrufe je Lauf</translation>
    </message>
    <message>
        <source>calls failed</source>
        <translation>fehlgeschlagene Aufrufe</translation>
    </message>
    <message>
        <source>retransmissions</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>datagrams per run</source>
        <translation>Datagramme je Lauf</translation>
    </message>
    <message>
        <source>datagrams sent</source>
        <translation>gesendete Datagramme</translation>
    </message>
    <message>
        <source>Parameter Sweep</source>
        <translation>Parameterstudie</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Studie</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>%v of %m runs</source>
        <translation>%v von %m Läufen</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Cancel Sweep</source>
        <translation>Studie a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Export C&amp;hart…</source>
        <translation>Dia&amp;gramm exportieren…</translation>
    </message>
    <message>
        <source>Save the chart as PNG or SVG</source>
        <translation>Das Diagramm als PNG oder SVG speichern</translation>
    </message>
    <message>
        <source>Export &amp;Table…</source>
        <translation>&amp;Tabelle exportieren…</translation>
    </message>
    <message>
        <source>Save the table as CSV, as rpcscope-cli sweep prints it</source>
        <translation>Die Tabelle als CSV speichern, so wie rpcscope-cli sweep sie ausgibt</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>RpcScope</source>
        <translation>RpcScope</translation>
    </message>
    <message>
        <source>The chart was not exported: %1</source>
        <translation>Das Diagramm wurde nicht exportiert: %1</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>The table was not exported: %1</source>
        <translation>Die Tabelle wurde nicht exportiert: %1</translation>
    </message>
    <message>
        <source>&amp;Parameter</source>
        <translation>&amp;Parameter</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>Points from From to To, both included</source>
        <translation>Punkte von „Von“ bis „Bis“, beide eingeschlossen</translation>
    </message>
    <message>
        <source>&amp;Steps</source>
        <translation>Sch&amp;ritte</translation>
    </message>
    <message>
        <source>Simulations per point, with seeds %1, %2, …: their spread is the band around each line</source>
        <translation>Simulationen je Punkt, mit den Startwerten %1, %2, …: Ihre Streuung ist das Band um jede Linie</translation>
    </message>
    <message>
        <source>R&amp;uns per point</source>
        <translation>&amp;Läufe je Punkt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>C&amp;ompare</source>
        <translation>Verg&amp;leichen</translation>
    </message>
    <message>
        <source>value, value, …</source>
        <translation>Wert, Wert, …</translation>
    </message>
    <message>
        <source>One line on the chart for each of these values, separated by commas</source>
        <translation>Eine Linie im Diagramm für jeden dieser Werte, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>&amp;Values</source>
        <translation>&amp;Werte</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Zeigen</translation>
    </message>
    <message>
        <source>current settings</source>
        <translation>den aktuellen Einstellungen</translation>
    </message>
    <message>
        <source>Every run starts from %1: %2 calls, %3 clients, seed %4 and the controls&apos; settings.</source>
        <translation>Jeder Lauf beginnt mit %1: %2 Aufrufe, %3 Clients, Startwert %4 und die Einstellungen der Regler.</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> /s</translation>
    </message>
    <message>
        <source> kbit/s</source>
        <translation> kbit/s</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> Byte</translation>
    </message>
    <message>
        <source>From must be less than To.</source>
        <translation>„Von“ muss kleiner als „Bis“ sein.</translation>
    </message>
    <message>
        <source>Give the values of %1 to compare, separated by commas.</source>
        <translation>Geben Sie die zu vergleichenden Werte von %1 an, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>Values to compare: %1</source>
        <translation>Zu vergleichende Werte: %1</translation>
    </message>
    <message>
        <source>Ready: %1 points × %2 values × %3 runs = %4 simulations.</source>
        <translation>Bereit: %1 Punkte × %2 Werte × %3 Läufe = %4 Simulationen.</translation>
    </message>
    <message>
        <source>Running %1 simulations…</source>
        <translation>%1 Simulationen laufen…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Done: %1 simulations.</source>
        <translation>Fertig: %1 Simulationen.</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 simulations; the chart shows the last complete sweep, if any.</source>
        <translation>Nach %1 von %2 Simulationen abgebrochen; das Diagramm zeigt die letzte vollständige Studie, falls es eine gibt.</translation>
    </message>
    <message>
        <source>probability, 0 to 1</source>
        <translation>Wahrscheinlichkeit, 0 bis 1</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Speichergrenze</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>pro Sekunde</translation>
    </message>
    <message>
        <source>kbit/s</source>
        <translation>kbit/s</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>Faktor</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>%1: lowest to highest run</source>
        <translation>%1: niedrigster bis höchster Lauf</translation>
    </message>
    <message>
        <source>%1 against %2 · mean of %3 runs per point, band from lowest to highest run</source>
        <translation>%1 über %2 · Mittel aus %3 Läufen je Punkt, Band vom niedrigsten bis zum höchsten Lauf</translation>
    </message>
    <message>
        <source>%1 against %2 · one run per point</source>
        <translation>%1 über %2 · ein Lauf je Punkt</translation>
    </message>
    <message>
        <source>%1 = %2, %3 = %4</source>
        <translation>%1 = %2, %3 = %4</translation>
    </message>
    <message>
        <source>%1: %2 %3 %4 (lowest %5, highest %6, over %7 runs)</source>
        <translation>%1: %2 %3 %4 (niedrigster %5, höchster %6, über %7 Läufe)</translation>
    </message>
    <message>
        <source>run a sweep first</source>
        <translation>zuerst eine Studie starten</translation>
    </message>
    <message>
        <source>end the file name with .png or .svg to choose the format</source>
        <translation>die Dateiendung .png oder .svg wählt das Format</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>a rate in percent</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>compared</source>
        <translation>verglichen</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>mean latency</source>
        <translation>mittlere Latenz</translation>
    </message>
    <message>
        <source>lowest run</source>
        <translation>niedrigster Lauf</translation>
    </message>
    <message>
        <source>highest run</source>
        <translation>höchster Lauf</translation>
    </message>
    <message>
        <source>standard deviation</source>
        <translation>Standardabweichung</translation>
    </message>
    <message>
        <source>median (p50)</source>
        <translation>Median (p50)</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>ok calls</source>
        <translation>erfolgreiche Aufrufe</translation>
    </message>
    <message>
        <source>failed calls</source>
        <translation>fehlgeschlagene Aufrufe</translation>
    </message>
</context>
</TS>
