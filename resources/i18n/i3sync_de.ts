<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Built with these libraries, under these licences:</source>
        <translation>Erstellt mit diesen Bibliotheken, unter diesen Lizenzen:</translation>
    </message>
    <message>
        <source>Qt is used under the GNU LGPL version 3; its source is at https://download.qt.io.</source>
        <translation>Qt wird unter der GNU LGPL Version 3 verwendet; der Quellcode steht unter https://download.qt.io bereit.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Info über {app}</translation>
    </message>
    <message>
        <source>Version and licences</source>
        <translation>Version und Lizenzen</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>CheckView</name>
    <message>
        <source>Test &amp;connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Check, step by step, the way to ESWS and I3. No password or security code is sent.</source>
        <translation>Den Weg zu ESWS und I3 Schritt für Schritt prüfen. Es werden weder Kennwort noch Sicherheitscode gesendet.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the connection check</source>
        <translation>Verbindungsprüfung abbrechen</translation>
    </message>
    <message>
        <source>Problem found</source>
        <translation>Problem gefunden</translation>
    </message>
    <message>
        <source>Connection check status</source>
        <translation>Status der Verbindungsprüfung</translation>
    </message>
    <message>
        <source>Connection check results</source>
        <translation>Ergebnisse der Verbindungsprüfung</translation>
    </message>
    <message>
        <source>Notes on the connection</source>
        <translation>Hinweise zur Verbindung</translation>
    </message>
    <message>
        <source>the address could not be read.</source>
        <translation>Die Adresse konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The connection cannot be tested: {problem}</source>
        <translation>Die Verbindung kann nicht getestet werden: {problem}</translation>
    </message>
    <message>
        <source>Testing… {done} of {total} steps done.</source>
        <translation>Test läuft… {done} von {total} Schritten erledigt.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Failed at {steps}: see the advice on its line.</source>
        <translation>Fehlgeschlagen bei {steps}: siehe Hinweis in der jeweiligen Zeile.</translation>
    </message>
    <message>
        <source>Every step is ok.</source>
        <translation>Alle Schritte sind in Ordnung.</translation>
    </message>
    <message>
        <source>Some steps did not run.</source>
        <translation>Einige Schritte wurden nicht ausgeführt.</translation>
    </message>
</context>
<context>
    <name>ConnectionCheck</name>
    <message>
        <source>resolve</source>
        <translation>auflösen</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>verbinden</translation>
    </message>
    <message>
        <source>tls</source>
        <translation>tls</translation>
    </message>
    <message>
        <source>wsdl</source>
        <translation>wsdl</translation>
    </message>
    <message>
        <source>esws</source>
        <translation>esws</translation>
    </message>
    <message>
        <source>i3</source>
        <translation>i3</translation>
    </message>
    <message>
        <source>I3 runs on-premise for this profile: its sync page also needs this computer on the same network as the API Agent (API Server), which no check from here can prove.</source>
        <translation>I3 läuft bei diesem Profil On-Premises: Für die Synchronisierungsseite muss dieser Computer außerdem im selben Netzwerk wie der API Agent (API Server) sein; das kann keine Prüfung von hier aus nachweisen.</translation>
    </message>
    <message>
        <source>warning: the ESWS endpoint is plain http:// on another computer: the admin password and the token would travel unencrypted; use https://</source>
        <translation>Warnung: Der ESWS-Endpunkt ist ein unverschlüsseltes http:// auf einem anderen Computer: Das Administratorkennwort und das Token würden unverschlüsselt übertragen; verwenden Sie https://</translation>
    </message>
    <message>
        <source>warning: the I3 address is plain http:// on another computer: the sync link (a login token) would travel unencrypted; use https://</source>
        <translation>Warnung: Die I3-Adresse ist ein unverschlüsseltes http:// auf einem anderen Computer: Der Synchronisierungslink (ein Anmeldetoken) würde unverschlüsselt übertragen; verwenden Sie https://</translation>
    </message>
    <message>
        <source>note: </source>
        <translation>Hinweis: </translation>
    </message>
    <message>
        <source>{step} failed</source>
        <translation>Schritt {step} fehlgeschlagen</translation>
    </message>
    <message>
        <source>no time left ({seconds} s for the whole check)</source>
        <translation>keine Zeit mehr ({seconds} s für die gesamte Prüfung)</translation>
    </message>
    <message>
        <source>direct route: ESWS is asked {way}</source>
        <translation>direkte Route: ESWS-Anfrage {way}</translation>
    </message>
    <message>
        <source>ESWS is asked {way}</source>
        <translation>ESWS-Anfrage {way}</translation>
    </message>
    <message>
        <source>direct route: ESWS is asked through the proxy {proxy}</source>
        <translation>direkte Route: ESWS wird über den Proxy {proxy} angefragt</translation>
    </message>
    <message>
        <source>TCP connection to {address}:{port}</source>
        <translation>TCP-Verbindung zu {address}:{port}</translation>
    </message>
    <message>
        <source>the bundled WSDL does not declare {operations}; use the bundled WSDL (leave the WSDL unset) or the server&apos;s own (&lt;endpoint&gt;?wsdl)</source>
        <translation>die mitgelieferte WSDL deklariert {operations} nicht; verwenden Sie die mitgelieferte WSDL (WSDL leer lassen) oder die des Servers (&lt;endpoint&gt;?wsdl)</translation>
    </message>
    <message>
        <source>the WSDL does not declare {operations}; use the bundled WSDL (leave the WSDL unset) or the server&apos;s own (&lt;endpoint&gt;?wsdl)</source>
        <translation>die WSDL deklariert {operations} nicht; verwenden Sie die mitgelieferte WSDL (WSDL leer lassen) oder die des Servers (&lt;endpoint&gt;?wsdl)</translation>
    </message>
    <message>
        <source>the bundled WSDL declares {operations}</source>
        <translation>die mitgelieferte WSDL deklariert {operations}</translation>
    </message>
    <message>
        <source>the WSDL declares {operations}</source>
        <translation>die WSDL deklariert {operations}</translation>
    </message>
    <message>
        <source>ESWS issued a token although no security code was sent (not shown): this is not how ESWS behaves; check that the endpoint is your company&apos;s ESWS</source>
        <translation>ESWS hat ein Token (nicht angezeigt) ausgegeben, obwohl kein Sicherheitscode gesendet wurde: So verhält sich ESWS nicht; prüfen Sie, ob der Endpunkt der ESWS-Server Ihres Unternehmens ist</translation>
    </message>
    <message>
        <source>ESWS answered {code}, as expected for an empty security code (nothing secret sent, no token spent)</source>
        <translation>ESWS hat mit {code} geantwortet, wie bei leerem Sicherheitscode erwartet (nichts Geheimes gesendet, kein Token verbraucht)</translation>
    </message>
    <message>
        <source>ESWS answered {code}, a documented refusal: the service answers</source>
        <translation>ESWS hat mit {code} geantwortet, einer dokumentierten Ablehnung: Der Dienst antwortet</translation>
    </message>
    <message>
        <source>ESWS answered {code}, a refusal this version does not know: it answers</source>
        <translation>ESWS hat mit {code} geantwortet, einer Ablehnung, die diese Version nicht kennt: Der Dienst antwortet</translation>
    </message>
    <message>
        <source>{detail}; {route}</source>
        <translation>{detail}; {route}</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FEHL</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>übg.</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} und {second}</translation>
    </message>
    <message>
        <source>check this computer&apos;s network connection (and VPN, if the server needs one)</source>
        <translation>prüfen Sie die Netzwerkverbindung dieses Computers (und das VPN, falls der Server eines erfordert)</translation>
    </message>
    <message>
        <source>check the host name, and this computer&apos;s DNS, network or VPN</source>
        <translation>prüfen Sie den Hostnamen sowie DNS, Netzwerk oder VPN dieses Computers</translation>
    </message>
    <message>
        <source>nothing accepts connections on that port: check the port, and that the service runs</source>
        <translation>an diesem Port nimmt nichts Verbindungen an: Prüfen Sie den Port und ob der Dienst läuft</translation>
    </message>
    <message>
        <source>a firewall may drop the connection: check the address and port, and whether this network needs a proxy</source>
        <translation>möglicherweise verwirft eine Firewall die Verbindung: Prüfen Sie Adresse und Port und ob dieses Netzwerk einen Proxy erfordert</translation>
    </message>
    <message>
        <source>the server is slow or stuck: try again, or allow more time</source>
        <translation>der Server ist langsam oder hängt: Versuchen Sie es erneut, oder lassen Sie mehr Zeit zu</translation>
    </message>
    <message>
        <source>if your network inspects TLS, ask IT to add its certificate authority to this computer&apos;s trust store; otherwise the server&apos;s certificate is wrong: tell its administrator, and do not send secrets to it</source>
        <translation>wenn Ihr Netzwerk TLS-Verbindungen untersucht, bitten Sie die IT, dessen Zertifizierungsstelle dem Speicher vertrauenswürdiger Zertifikate dieses Computers hinzuzufügen; andernfalls ist das Zertifikat des Servers falsch: Informieren Sie dessen Administrator, und senden Sie keine geheimen Daten an diesen Server</translation>
    </message>
    <message>
        <source>this is not the expected server: check the address</source>
        <translation>dies ist nicht der erwartete Server: Prüfen Sie die Adresse</translation>
    </message>
    <message>
        <source>run the check again</source>
        <translation>führen Sie die Prüfung erneut aus</translation>
    </message>
    <message>
        <source>check the WSDL&apos;s path or address, or leave it unset to use the bundled WSDL</source>
        <translation>prüfen Sie Pfad oder Adresse der WSDL, oder lassen Sie das Feld leer, um die mitgelieferte WSDL zu verwenden</translation>
    </message>
    <message>
        <source>the server answers, but not as ESWS: check the endpoint&apos;s path (e.g. https://ws.i3.identysoft.com/webservicesesws)</source>
        <translation>der Server antwortet, aber nicht als ESWS: Prüfen Sie den Pfad des Endpunkts (z. B. https://ws.i3.identysoft.com/webservicesesws)</translation>
    </message>
    <message>
        <source>check the I3 address (e.g. https://i3.identysoft.com)</source>
        <translation>prüfen Sie die I3-Adresse (z. B. https://i3.identysoft.com)</translation>
    </message>
    <message>
        <source>{endpoint}: {problem} ({detail}); presented: {certificate}; {advice}</source>
        <translation>{endpoint}: {problem} ({detail}); vorgelegtes Zertifikat: {certificate}; {advice}</translation>
    </message>
    <message>
        <source>{endpoint}: {problem} ({detail}); {advice}</source>
        <translation>{endpoint}: {problem} ({detail}); {advice}</translation>
    </message>
    <message>
        <source>{endpoint}: {problem}; presented: {certificate}; {advice}</source>
        <translation>{endpoint}: {problem}; vorgelegtes Zertifikat: {certificate}; {advice}</translation>
    </message>
    <message>
        <source>{endpoint}: {problem}; {advice}</source>
        <translation>{endpoint}: {problem}; {advice}</translation>
    </message>
    <message>
        <source>{host} → {addresses} and {more} more</source>
        <translation>{host} → {addresses} und {more} weitere</translation>
    </message>
    <message>
        <source>{host} → {addresses}</source>
        <translation>{host} → {addresses}</translation>
    </message>
    <message>
        <source>expiry unknown</source>
        <translation>Ablaufdatum unbekannt</translation>
    </message>
    <message>
        <source>expired within the last day</source>
        <translation>vor weniger als einem Tag abgelaufen</translation>
    </message>
    <message>
        <source>expired 1 day ago</source>
        <translation>vor 1 Tag abgelaufen</translation>
    </message>
    <message>
        <source>expired {days} days ago</source>
        <translation>vor {days} Tagen abgelaufen</translation>
    </message>
    <message>
        <source>expires within a day</source>
        <translation>läuft innerhalb eines Tages ab</translation>
    </message>
    <message>
        <source>expires in 1 day</source>
        <translation>läuft in 1 Tag ab</translation>
    </message>
    <message>
        <source>expires in {days} days</source>
        <translation>läuft in {days} Tagen ab</translation>
    </message>
    <message>
        <source>subject {subject}; issuer {issuer}; {expiry}</source>
        <translation>Antragsteller {subject}; Aussteller {issuer}; {expiry}</translation>
    </message>
    <message>
        <source>auto-detection (WPAD)</source>
        <translation>die automatische Erkennung (WPAD)</translation>
    </message>
    <message>
        <source>the PAC file {address}</source>
        <translation>die PAC-Datei {address}</translation>
    </message>
    <message>
        <source>direct: {pac} could not be used ({problem})</source>
        <translation>direkt: {pac} konnte nicht verwendet werden ({problem})</translation>
    </message>
    <message>
        <source>the PAC file</source>
        <translation>die PAC-Datei</translation>
    </message>
    <message>
        <source>through the proxy {proxy} (chosen by {pac})</source>
        <translation>über den Proxy {proxy} (gewählt durch {pac})</translation>
    </message>
    <message>
        <source>through the proxy {proxy}</source>
        <translation>über den Proxy {proxy}</translation>
    </message>
    <message>
        <source>direct (as {pac} says)</source>
        <translation>direkt (wie {pac} es vorgibt)</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direkt</translation>
    </message>
    <message>
        <source>{version}, trusted by this computer; the certificate&apos;s names could not be read</source>
        <translation>{version}, von diesem Computer als vertrauenswürdig eingestuft; die Namen im Zertifikat konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>{version}, trusted by this computer; {certificate} (soon: tell the server&apos;s administrator)</source>
        <translation>{version}, von diesem Computer als vertrauenswürdig eingestuft; {certificate} (bald: Informieren Sie den Administrator des Servers)</translation>
    </message>
    <message>
        <source>{version}, trusted by this computer; {certificate}</source>
        <translation>{version}, von diesem Computer als vertrauenswürdig eingestuft; {certificate}</translation>
    </message>
    <message>
        <source>I3 answered {status}</source>
        <translation>I3 hat mit {status} geantwortet</translation>
    </message>
    <message>
        <source>the same site</source>
        <translation>dieselbe Website</translation>
    </message>
    <message>
        <source>an invalid address</source>
        <translation>eine ungültige Adresse</translation>
    </message>
    <message>
        <source>I3 answered {status}, redirecting to {target}</source>
        <translation>I3 hat mit {status} geantwortet und leitet auf {target} weiter</translation>
    </message>
    <message>
        <source>{line}  ({ms} ms)</source>
        <translation>{line}  ({ms} ms)</translation>
    </message>
</context>
<context>
    <name>CrmDisplay</name>
    <message>
        <source>The username or password is not correct</source>
        <translation>Benutzername oder Kennwort ist falsch</translation>
    </message>
    <message>
        <source>Check both; passwords are case-sensitive. After several wrong attempts CRM.COM may lock the user.</source>
        <translation>Prüfen Sie beides; bei Kennwörtern wird die Groß-/Kleinschreibung beachtet. Nach mehreren Fehlversuchen kann CRM.COM den Benutzer sperren.</translation>
    </message>
    <message>
        <source>CRM.COM did not accept the access token</source>
        <translation>CRM.COM hat das Zugriffstoken nicht akzeptiert</translation>
    </message>
    <message>
        <source>Check the access token identifier and pass code, or the authentication code, with whoever set up the access token in CRM.COM.</source>
        <translation>Prüfen Sie die Zugriffstoken-Kennung und den Passcode bzw. den Authentifizierungscode mit der Person, die das Zugriffstoken in CRM.COM eingerichtet hat.</translation>
    </message>
    <message>
        <source>CRM.COM does not know this organisation</source>
        <translation>CRM.COM kennt diese Organisation nicht</translation>
    </message>
    <message>
        <source>Check the organisation&apos;s name as your CRM.COM provider spells it.</source>
        <translation>Prüfen Sie den Namen der Organisation in der Schreibweise Ihres CRM.COM-Anbieters.</translation>
    </message>
    <message>
        <source>This user cannot log in to that unit</source>
        <translation>Dieser Benutzer kann sich nicht bei dieser Einheit anmelden</translation>
    </message>
    <message>
        <source>Check the unit, or leave it empty to use the user&apos;s default unit.</source>
        <translation>Prüfen Sie die Einheit, oder lassen Sie sie leer, um die Standardeinheit des Benutzers zu verwenden.</translation>
    </message>
    <message>
        <source>CRM.COM could not read the login</source>
        <translation>CRM.COM konnte die Anmeldung nicht lesen</translation>
    </message>
    <message>
        <source>Check the CRM.COM address: it must be the Web API address your CRM.COM provider gave you.</source>
        <translation>Prüfen Sie die CRM.COM-Adresse: Es muss die Web-API-Adresse sein, die Ihr CRM.COM-Anbieter Ihnen genannt hat.</translation>
    </message>
    <message>
        <source>Nothing answered at {where}</source>
        <translation>Unter {where} hat nichts geantwortet</translation>
    </message>
    <message>
        <source>Check the CRM.COM address, and that this computer can reach it.</source>
        <translation>Prüfen Sie die CRM.COM-Adresse und ob dieser Computer sie erreichen kann.</translation>
    </message>
    <message>
        <source>The server {where} could not be found</source>
        <translation>Der Server {where} wurde nicht gefunden</translation>
    </message>
    <message>
        <source>Check the CRM.COM address and this computer&apos;s network connection.</source>
        <translation>Prüfen Sie die CRM.COM-Adresse und die Netzwerkverbindung dieses Computers.</translation>
    </message>
    <message>
        <source>Could not reach CRM.COM at {where} in time</source>
        <translation>CRM.COM unter {where} war nicht rechtzeitig erreichbar</translation>
    </message>
    <message>
        <source>Check the network, VPN or proxy, then try again.</source>
        <translation>Prüfen Sie Netzwerk, VPN oder Proxy, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>No answer in time from CRM.COM at {where}</source>
        <translation>Keine rechtzeitige Antwort von CRM.COM unter {where}</translation>
    </message>
    <message>
        <source>CRM.COM accepted the request but did not answer. Try again shortly.</source>
        <translation>CRM.COM hat die Anfrage angenommen, aber nicht geantwortet. Versuchen Sie es in Kürze erneut.</translation>
    </message>
    <message>
        <source>The secure connection to {where} failed</source>
        <translation>Die sichere Verbindung zu {where} ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>This computer does not trust the server&apos;s certificate. Ask your IT department to check it.</source>
        <translation>Dieser Computer vertraut dem Zertifikat des Servers nicht. Bitten Sie Ihre IT-Abteilung, es zu prüfen.</translation>
    </message>
    <message>
        <source>The server at {where} answered with an error</source>
        <translation>Der Server unter {where} hat mit einem Fehler geantwortet</translation>
    </message>
    <message>
        <source>Try again shortly. If it persists, check that the CRM.COM address is the Web API address your CRM.COM provider gave you.</source>
        <translation>Versuchen Sie es in Kürze erneut. Wenn das Problem bestehen bleibt, prüfen Sie, ob die CRM.COM-Adresse die Web-API-Adresse ist, die Ihr CRM.COM-Anbieter Ihnen genannt hat.</translation>
    </message>
    <message>
        <source>The answer from {where} was not what CRM.COM sends</source>
        <translation>Die Antwort von {where} entsprach nicht dem, was CRM.COM sendet</translation>
    </message>
    <message>
        <source>Check that the CRM.COM address is the Web API address your CRM.COM provider gave you.</source>
        <translation>Prüfen Sie, ob die CRM.COM-Adresse die Web-API-Adresse ist, die Ihr CRM.COM-Anbieter Ihnen genannt hat.</translation>
    </message>
    <message>
        <source>Could not reach CRM.COM at {where}</source>
        <translation>CRM.COM unter {where} war nicht erreichbar</translation>
    </message>
    <message>
        <source>Check this computer&apos;s network connection, then try again.</source>
        <translation>Prüfen Sie die Netzwerkverbindung dieses Computers, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>CRM.COM refused the login</source>
        <translation>CRM.COM hat die Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>CRM.COM said: “{message}”.</source>
        <translation>CRM.COM meldet: „{message}“.</translation>
    </message>
    <message>
        <source>CRM.COM gave no reason. Give the error code below to your CRM.COM administrator.</source>
        <translation>CRM.COM hat keinen Grund genannt. Geben Sie den Fehlercode unten an Ihren CRM.COM-Administrator weiter.</translation>
    </message>
    <message>
        <source>Error code: {code}</source>
        <translation>Fehlercode: {code}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>No token was requested.</source>
        <translation>Es wurde kein Token angefordert.</translation>
    </message>
    <message>
        <source>No answer within {seconds} s from {where}</source>
        <translation>Keine Antwort von {where} innerhalb von {seconds} s</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>Details: {details}</translation>
    </message>
    <message>
        <source>Check the {field}: {problem}.</source>
        <translation>Bitte prüfen: Das Feld „{field}“ {problem}.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Ein Fehler ist aufgetreten</translation>
    </message>
    <message>
        <source>The details are in the log file.</source>
        <translation>Die Details stehen in der Protokolldatei.</translation>
    </message>
    <message>
        <source>It lets another program (an API client or an integration) call CRM.COM as this login until it expires.</source>
        <translation>Damit kann ein anderes Programm (ein API-Client oder eine Integration) CRM.COM mit dieser Anmeldung aufrufen, bis das Token abläuft.</translation>
    </message>
    <message>
        <source>Waited {seconds} s.</source>
        <translation>{seconds} s gewartet.</translation>
    </message>
    <message>
        <source>Token {token} valid for {left}.</source>
        <translation>Token {token} gültig für {left}.</translation>
    </message>
    <message>
        <source>{status} Getting a new one…</source>
        <translation>{status} Ein neues wird abgerufen…</translation>
    </message>
    <message>
        <source>more than 99 days</source>
        <translation>mehr als 99 Tage</translation>
    </message>
    <message>
        <source>Getting a token from CRM.COM…</source>
        <translation>Token wird von CRM.COM abgerufen…</translation>
    </message>
    <message>
        <source>No token yet.</source>
        <translation>Noch kein Token.</translation>
    </message>
    <message>
        <source>Token {token} expired at {time}.</source>
        <translation>Token {token} ist um {time} abgelaufen.</translation>
    </message>
    <message>
        <source>Token {token} has expired.</source>
        <translation>Token {token} ist abgelaufen.</translation>
    </message>
    <message>
        <source>Token {token} valid for {left} (until {time}).</source>
        <translation>Token {token} gültig für {left} (bis {time}).</translation>
    </message>
</context>
<context>
    <name>CrmForm</name>
    <message>
        <source>Username and password</source>
        <translation>Benutzername und Kennwort</translation>
    </message>
    <message>
        <source>Access token identifier and pass code</source>
        <translation>Zugriffstoken-Kennung und Passcode</translation>
    </message>
    <message>
        <source>Access token authentication code</source>
        <translation>Authentifizierungscode des Zugriffstokens</translation>
    </message>
    <message>
        <source>CRM.COM &amp;address:</source>
        <translation>CRM.COM-Ad&amp;resse:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>E&amp;inheit:</translation>
    </message>
    <message>
        <source>&amp;Log in with:</source>
        <translation>Anmelden &amp;mit:</translation>
    </message>
    <message>
        <source>User&amp;name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Kenn&amp;wort:</translation>
    </message>
    <message>
        <source>Access token &amp;identifier:</source>
        <translation>&amp;Zugriffstoken-Kennung:</translation>
    </message>
    <message>
        <source>Pass &amp;code:</source>
        <translation>&amp;Passcode:</translation>
    </message>
    <message>
        <source>Au&amp;thentication code:</source>
        <translation>A&amp;uthentifizierungscode:</translation>
    </message>
    <message>
        <source>e.g. CRMDEMO</source>
        <translation>z. B. CRMDEMO</translation>
    </message>
    <message>
        <source>Optional: the user&apos;s default unit</source>
        <translation>Optional: Standardeinheit des Benutzers</translation>
    </message>
    <message>
        <source>Re&amp;member the secret (looking for the vault…)</source>
        <translation>Zugangsdaten &amp;speichern (Tresor wird gesucht…)</translation>
    </message>
    <message>
        <source>&amp;Get token</source>
        <translation>&amp;Token abrufen</translation>
    </message>
    <message>
        <source>Log in to CRM.COM (Enter)</source>
        <translation>Bei CRM.COM anmelden (Eingabetaste)</translation>
    </message>
    <message>
        <source>Canc&amp;el</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>Stop asking CRM.COM (Esc)</source>
        <translation>Anfrage an CRM.COM abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the token; the clipboard is cleared again shortly.</source>
        <translation>Token kopieren; die Zwischenablage wird kurz danach wieder geleert.</translation>
    </message>
    <message>
        <source>&amp;Renew automatically before it expires</source>
        <translation>Vor Ablauf automatisch &amp;erneuern</translation>
    </message>
    <message>
        <source>Whose token</source>
        <translation>Token-Inhaber</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Sign in to CRM.COM</source>
        <translation>Bei CRM.COM anmelden</translation>
    </message>
</context>
<context>
    <name>CrmPanel</name>
    <message>
        <source>The token for {owner} was put away: the new login failed.</source>
        <translation>Das Token für {owner} wurde verworfen: Die neue Anmeldung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>{status} {waited}</source>
        <translation>{status} {waited}</translation>
    </message>
    <message>
        <source>Token for {owner}.</source>
        <translation>Token für {owner}.</translation>
    </message>
    <message>
        <source>Token copied. The clipboard is cleared again in {seconds} s.</source>
        <translation>Token kopiert. Die Zwischenablage wird in {seconds} s wieder geleert.</translation>
    </message>
    <message>
        <source>The token was removed from the clipboard.</source>
        <translation>Das Token wurde aus der Zwischenablage entfernt.</translation>
    </message>
</context>
<context>
    <name>CrmSecrets</name>
    <message>
        <source>Re&amp;member the secret in {where}</source>
        <translation>Zugangsdaten &amp;speichern in: {where}</translation>
    </message>
    <message>
        <source>Secrets are not saved: this computer has no password vault.</source>
        <translation>Zugangsdaten werden nicht gespeichert: Dieser Computer hat keinen Kennworttresor.</translation>
    </message>
    <message>
        <source>The saved CRM.COM secrets of this organisation are removed.</source>
        <translation>Die gespeicherten CRM.COM-Zugangsdaten dieser Organisation wurden entfernt.</translation>
    </message>
    <message>
        <source>The saved CRM.COM secrets could not be removed.</source>
        <translation>Die gespeicherten CRM.COM-Zugangsdaten konnten nicht entfernt werden.</translation>
    </message>
    <message>
        <source>The {secret} is saved in {where}.</source>
        <translation>{secret} wurde gespeichert in: {where}.</translation>
    </message>
    <message>
        <source>The {secret} was not saved: the vault refused it.</source>
        <translation>{secret} wurde nicht gespeichert: Der Tresor hat die Speicherung abgelehnt.</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>memory only (demo mode)</source>
        <translation>nur im Arbeitsspeicher (Demomodus)</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <source>Demo mode.</source>
        <translation>Demomodus.</translation>
    </message>
    <message>
        <source>A simulator on this computer stands in for ESWS, I3 and CRM.COM; nothing leaves this computer.</source>
        <translation>Ein Simulator auf diesem Computer ersetzt ESWS, I3 und CRM.COM; nichts verlässt diesen Computer.</translation>
    </message>
    <message>
        <source>The Demo profile is filled in: press {sync}.</source>
        <translation>Das Demo-Profil ist ausgefüllt: Klicken Sie auf {sync}.</translation>
    </message>
    <message>
        <source>Users: {users}. Locations: {locations}.</source>
        <translation>Benutzer: {users}. Standorte: {locations}.</translation>
    </message>
    <message>
        <source>Change the password to see ESWS refuse it.</source>
        <translation>Ändern Sie das Kennwort, um zu sehen, wie ESWS es ablehnt.</translation>
    </message>
    <message>
        <source>The CRM.COM tab&apos;s demo password is {password}.</source>
        <translation>Das Demo-Kennwort der Registerkarte CRM.COM lautet {password}.</translation>
    </message>
    <message>
        <source>Demo mode: a simulator on this computer stands in for CRM.COM. The address, organisation and username are filled in: type the password {password} and press Get token. The access token identifier {identifier} with pass code {pass_code}, or the authentication code {code}, work too.</source>
        <translation>Demomodus: Ein Simulator auf diesem Computer ersetzt CRM.COM. Adresse, Organisation und Benutzername sind ausgefüllt: Geben Sie das Kennwort {password} ein, und klicken Sie auf „Token abrufen“. Die Zugriffstoken-Kennung {identifier} mit dem Passcode {pass_code} oder der Authentifizierungscode {code} funktionieren ebenfalls.</translation>
    </message>
</context>
<context>
    <name>FailurePanel</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>The I3 page could not be opened</source>
        <translation>Die I3-Seite konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Back to the f&amp;orm</source>
        <translation>Zurück zum &amp;Formular</translation>
    </message>
    <message>
        <source>Nothing was synchronised. The sync token is kept until you go back.</source>
        <translation>Es wurde nichts synchronisiert. Das Synchronisierungstoken bleibt erhalten, bis Sie zurückgehen.</translation>
    </message>
</context>
<context>
    <name>FetchBar</name>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Waiting for ESWS</source>
        <translation>Warten auf ESWS</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Synchronisierungsstatus</translation>
    </message>
    <message>
        <source>What the sync needs</source>
        <translation>Was für die Synchronisierung fehlt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the request</source>
        <translation>Anfrage abbrechen</translation>
    </message>
    <message>
        <source>Cancel the request (Esc)</source>
        <translation>Anfrage abbrechen (Esc)</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisieren</translation>
    </message>
    <message>
        <source>Asking ESWS at {where} for a sync token… ({seconds} s)</source>
        <translation>Synchronisierungstoken wird bei ESWS unter {where} angefordert… ({seconds} s)</translation>
    </message>
    <message>
        <source>Asking ESWS at {where} for a sync token…</source>
        <translation>Synchronisierungstoken wird bei ESWS unter {where} angefordert…</translation>
    </message>
    <message>
        <source>To sync, complete: {fields}.</source>
        <translation>Zum Synchronisieren ausfüllen: {fields}.</translation>
    </message>
    <message>
        <source>Ready. Press Enter or Sync.</source>
        <translation>Bereit. Drücken Sie die Eingabetaste, oder klicken Sie auf „Synchronisieren“.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>CRM.COM address</source>
        <translation>CRM.COM-Adresse</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <source>access token identifier</source>
        <translation>Zugriffstoken-Kennung</translation>
    </message>
    <message>
        <source>pass code</source>
        <translation>Passcode</translation>
    </message>
    <message>
        <source>authentication code</source>
        <translation>Authentifizierungscode</translation>
    </message>
    <message>
        <source>cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>WSDL</source>
        <translation>WSDL</translation>
    </message>
    <message>
        <source>other I3 addresses</source>
        <translation>Weitere I3-Adressen</translation>
    </message>
    <message>
        <source>total sync page</source>
        <translation>Seite für Gesamtsynchronisierung</translation>
    </message>
    <message>
        <source>security code</source>
        <translation>Sicherheitscode</translation>
    </message>
    <message>
        <source>admin username</source>
        <translation>Administrator-Benutzername</translation>
    </message>
    <message>
        <source>user id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>location id</source>
        <translation>Standort-ID</translation>
    </message>
    <message>
        <source>ESWS endpoint</source>
        <translation>ESWS-Endpunkt</translation>
    </message>
    <message>
        <source>I3 address</source>
        <translation>I3-Adresse</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>list of other I3 addresses</source>
        <translation>Liste weiterer I3-Adressen</translation>
    </message>
</context>
<context>
    <name>FormSecrets</name>
    <message>
        <source>The security code is kept in {where} after a successful sync; the password only when this box is ticked.</source>
        <translation>Der Sicherheitscode wird nach einer erfolgreichen Synchronisierung hier gespeichert: {where}; das Kennwort nur, wenn dieses Kontrollkästchen aktiviert ist.</translation>
    </message>
    <message>
        <source>No password vault: nothing is remembered.</source>
        <translation>Kein Kennworttresor: Es wird nichts gespeichert.</translation>
    </message>
    <message>
        <source>The profile could not be saved.</source>
        <translation>Das Profil konnte nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>&amp;Info über {app}</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>The user guide could not be opened on this computer. It is the README of {app}, which your IT department or the project&apos;s site can provide.</source>
        <translation>Das Benutzerhandbuch konnte auf diesem Computer nicht geöffnet werden. Es ist die README-Datei von {app}; Sie erhalten sie von Ihrer IT-Abteilung oder auf der Website des Projekts.</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Interrupted on the command line.</source>
        <translation>In der Befehlszeile unterbrochen.</translation>
    </message>
    <message>
        <source>Failed inside I3 Sync; the log has the details.</source>
        <translation>Fehler in I3 Sync; Details stehen im Protokoll.</translation>
    </message>
    <message>
        <source>Connection refused.</source>
        <translation>Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>Host name could not be resolved.</source>
        <translation>Hostname konnte nicht aufgelöst werden.</translation>
    </message>
    <message>
        <source>No connection within the timeout.</source>
        <translation>Keine Verbindung innerhalb des Zeitlimits.</translation>
    </message>
    <message>
        <source>No answer within the timeout.</source>
        <translation>Keine Antwort innerhalb des Zeitlimits.</translation>
    </message>
    <message>
        <source>TLS certificate or handshake failed.</source>
        <translation>TLS-Zertifikat oder -Handshake fehlgeschlagen.</translation>
    </message>
    <message>
        <source>HTTP error.</source>
        <translation>HTTP-Fehler.</translation>
    </message>
    <message>
        <source>SOAP fault.</source>
        <translation>SOAP-Fehler.</translation>
    </message>
    <message>
        <source>Reply is not well-formed.</source>
        <translation>Antwort ist nicht wohlgeformt.</translation>
    </message>
    <message>
        <source>Reply is too large.</source>
        <translation>Antwort ist zu groß.</translation>
    </message>
    <message>
        <source>Unexpected reply.</source>
        <translation>Unerwartete Antwort.</translation>
    </message>
    <message>
        <source>Network error.</source>
        <translation>Netzwerkfehler.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>one user</source>
        <translation>ein Benutzer</translation>
    </message>
    <message>
        <source>all users</source>
        <translation>alle Benutzer</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>geladen</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>nicht geladen</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>Filter by user id</source>
        <translation>Nach Benutzer-ID filtern</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>First day shown</source>
        <translation>Erster angezeigter Tag</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;bis</translation>
    </message>
    <message>
        <source>Last day shown</source>
        <translation>Letzter angezeigter Tag</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>O&amp;utcome</source>
        <translation>&amp;Ergebnis</translation>
    </message>
    <message>
        <source>Sync history</source>
        <translation>Synchronisierungsverlauf</translation>
    </message>
    <message>
        <source>Entries found</source>
        <translation>Gefundene Einträge</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>The sync history cannot be shown</source>
        <translation>Der Synchronisierungsverlauf kann nicht angezeigt werden</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Sync &amp;again</source>
        <translation>Erneut &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Fill the sync form with this entry; nothing is sent.</source>
        <translation>Das Synchronisierungsformular mit diesem Eintrag ausfüllen; es wird nichts gesendet.</translation>
    </message>
    <message>
        <source>The sync history cannot be shown: {problem}</source>
        <translation>Der Synchronisierungsverlauf kann nicht angezeigt werden: {problem}</translation>
    </message>
    <message>
        <source>{entries} (newest {shown} shown)</source>
        <translation>{entries} (die neuesten {shown} werden angezeigt)</translation>
    </message>
    <message>
        <source>Export the sync history</source>
        <translation>Synchronisierungsverlauf exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>The export failed: {problem}</source>
        <translation>Der Export ist fehlgeschlagen: {problem}</translation>
    </message>
    <message>
        <source>Exported {entries} to {file}.</source>
        <translation>{entries} exportiert nach {file}.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export läuft…</translation>
    </message>
    <message>
        <source>{count} entry</source>
        <translation>{count} Eintrag</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>{count} Einträge</translation>
    </message>
</context>
<context>
    <name>Input</name>
    <message>
        <source>holds bytes that are not valid text in this system&apos;s encoding</source>
        <translation>enthält Bytes, die in der Codierung dieses Systems kein gültiger Text sind</translation>
    </message>
    <message>
        <source>must not contain control characters or line breaks</source>
        <translation>darf keine Steuerzeichen oder Zeilenumbrüche enthalten</translation>
    </message>
    <message>
        <source>must not contain bidirectional-text control characters</source>
        <translation>darf keine Steuerzeichen für bidirektionalen Text enthalten</translation>
    </message>
    <message>
        <source>is longer than {count} characters</source>
        <translation>ist länger als {count} Zeichen</translation>
    </message>
    <message>
        <source>is not a valid address (check the host name, brackets and port)</source>
        <translation>ist keine gültige Adresse (prüfen Sie Hostname, Klammern und Port)</translation>
    </message>
    <message>
        <source>has an invalid port number or a space</source>
        <translation>hat eine ungültige Portnummer oder ein Leerzeichen</translation>
    </message>
    <message>
        <source>must be an http:// or https:// address, e.g. {example}</source>
        <translation>muss eine http://- oder https://-Adresse sein, z. B. {example}</translation>
    </message>
    <message>
        <source>must not contain a query, fragment or credentials</source>
        <translation>darf keine Abfrage, kein Fragment und keine Anmeldedaten enthalten</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>is already taken: a profile with this name already exists</source>
        <translation>enthält einen bereits vergebenen Namen: Ein Profil mit diesem Namen gibt es bereits</translation>
    </message>
    <message>
        <source>is the name of a profile your IT department manages: choose another</source>
        <translation>enthält den Namen eines Profils, das Ihre IT-Abteilung verwaltet: Wählen Sie einen anderen</translation>
    </message>
    <message>
        <source>is managed by your IT department: it cannot be changed or removed here</source>
        <translation>wird von Ihrer IT-Abteilung verwaltet: Es kann hier nicht geändert oder entfernt werden</translation>
    </message>
    <message>
        <source>“{name}” is already taken: a profile with this name already exists</source>
        <translation>enthält „{name}“, doch dieser Name ist bereits vergeben: Ein Profil mit diesem Namen gibt es bereits</translation>
    </message>
    <message>
        <source>“{name}” is the name of a profile your IT department manages: choose another</source>
        <translation>enthält „{name}“, den Namen eines Profils, das Ihre IT-Abteilung verwaltet: Wählen Sie einen anderen</translation>
    </message>
    <message>
        <source>must be addresses such as https://i3.example.com</source>
        <translation>muss Adressen wie https://i3.example.com enthalten</translation>
    </message>
    <message>
        <source>holds an address that is not valid</source>
        <translation>enthält eine ungültige Adresse</translation>
    </message>
    <message>
        <source>must be addresses without a path</source>
        <translation>muss Adressen ohne Pfad enthalten</translation>
    </message>
    <message>
        <source>may list at most {count}</source>
        <translation>darf höchstens {count} Einträge enthalten</translation>
    </message>
    <message>
        <source>must be written as https://host[:port]</source>
        <translation>muss im Format https://host[:port] angegeben werden</translation>
    </message>
    <message>
        <source>must be a file path or an address, or left unset</source>
        <translation>muss ein Dateipfad oder eine Adresse sein oder leer bleiben</translation>
    </message>
    <message>
        <source>must be one of {first} or {second}</source>
        <translation>muss {first} oder {second} sein</translation>
    </message>
    <message>
        <source>has an invalid profile id</source>
        <translation>hat eine ungültige Profil-ID</translation>
    </message>
    <message>
        <source>must not start or end with a space</source>
        <translation>darf nicht mit einem Leerzeichen beginnen oder enden</translation>
    </message>
    <message>
        <source>must be at most {count} characters</source>
        <translation>darf höchstens {count} Zeichen lang sein</translation>
    </message>
    <message>
        <source>must not contain control characters, line breaks or direction marks</source>
        <translation>darf keine Steuerzeichen, Zeilenumbrüche oder Richtungszeichen enthalten</translation>
    </message>
    <message>
        <source>is not a valid address</source>
        <translation>ist keine gültige Adresse</translation>
    </message>
    <message>
        <source>is listed twice (the same profile id)</source>
        <translation>ist doppelt aufgeführt (gleiche Profil-ID)</translation>
    </message>
    <message>
        <source>belongs to a profile that was deleted meanwhile</source>
        <translation>gehört zu einem Profil, das inzwischen gelöscht wurde</translation>
    </message>
    <message>
        <source>names no saved profile</source>
        <translation>bezeichnet kein gespeichertes Profil</translation>
    </message>
    <message>
        <source>is empty; paste the 32-character code from Identysoft</source>
        <translation>ist leer; fügen Sie den 32-stelligen Code von Identysoft ein</translation>
    </message>
    <message>
        <source>must be exactly {length} characters, got {count}</source>
        <translation>muss genau {length} Zeichen lang sein, hat aber {count}</translation>
    </message>
    <message>
        <source>must be a whole number, or empty for none</source>
        <translation>muss eine ganze Zahl sein oder leer bleiben</translation>
    </message>
    <message>
        <source>is too large</source>
        <translation>ist zu groß</translation>
    </message>
    <message>
        <source>must be a positive number, or empty for none</source>
        <translation>muss eine positive Zahl sein oder leer bleiben</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>The language choice could not be saved.</source>
        <translation>Die Sprachauswahl konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>{app} is shown in {language}.</source>
        <translation>{app} wird in dieser Sprache angezeigt: {language}.</translation>
    </message>
    <message>
        <source>{app} will be shown in {language} from its next start. Close and start it again to change the language now.</source>
        <translation>{app} wird ab dem nächsten Start in dieser Sprache angezeigt: {language}. Schließen Sie {app}, und starten Sie es erneut, um die Sprache sofort zu ändern.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>This sync request was not opened.</source>
        <translation>Diese Synchronisierungsanfrage wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>A sync is in progress; the request for {profile} was not opened.</source>
        <translation>Eine Synchronisierung läuft; die Anfrage für {profile} wurde nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>LoadingPanel</name>
    <message>
        <source>I3 is taking long to answer.</source>
        <translation>I3 braucht lange für die Antwort.</translation>
    </message>
    <message>
        <source>The I3 page at {host} did not answer within {seconds} s.</source>
        <translation>Die I3-Seite unter {host} hat nicht innerhalb von {seconds} s geantwortet.</translation>
    </message>
    <message>
        <source>Time waited</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Why it may take long</source>
        <translation>Warum es lange dauern kann</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>Stop waiting and go back to the form (Esc)</source>
        <translation>Nicht länger warten und zum Formular zurückkehren (Esc)</translation>
    </message>
    <message>
        <source>Opening I3 at {host}…</source>
        <translation>I3 unter {host} wird geöffnet…</translation>
    </message>
    <message>
        <source>Waiting for I3&apos;s page: {seconds} s</source>
        <translation>Warten auf die I3-Seite: {seconds} s</translation>
    </message>
    <message>
        <source>Waiting for I3&apos;s page…</source>
        <translation>Warten auf die I3-Seite…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>I3 sync</source>
        <translation>I3-Synchronisierung</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Manage profiles…</source>
        <translation>Profile &amp;verwalten…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>A sync is under way: try again once it has ended.</source>
        <translation>Eine Synchronisierung läuft: Versuchen Sie es erneut, wenn sie beendet ist.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Error code: {code}</source>
        <translation>Fehlercode: {code}</translation>
    </message>
    <message>
        <source>This profile uses the EasyConnect cloud, so no local API Agent is needed: check this computer&apos;s internet connection, proxy and firewall.</source>
        <translation>Dieses Profil verwendet die EasyConnect-Cloud, daher ist kein lokaler API Agent nötig: Prüfen Sie die Internetverbindung, den Proxy und die Firewall dieses Computers.</translation>
    </message>
    <message>
        <source>This computer must be on the same network as the company&apos;s API Agent / API Server (for example on site or over the VPN), unless the company uses the EasyConnect cloud.</source>
        <translation>Dieser Computer muss sich im selben Netzwerk wie der API Agent / API Server des Unternehmens befinden (z. B. vor Ort oder über VPN), es sei denn, das Unternehmen nutzt die EasyConnect-Cloud.</translation>
    </message>
    <message>
        <source>Nothing answered at that address. Check the ESWS address in the profile (Manage profiles).</source>
        <translation>Unter dieser Adresse hat nichts geantwortet. Prüfen Sie die ESWS-Adresse im Profil (Profile verwalten).</translation>
    </message>
    <message>
        <source>The server&apos;s name could not be found. Check the ESWS address in the profile and this computer&apos;s network connection.</source>
        <translation>Der Name des Servers wurde nicht gefunden. Prüfen Sie die ESWS-Adresse im Profil und die Netzwerkverbindung dieses Computers.</translation>
    </message>
    <message>
        <source>No connection could be made in time. Check the network, VPN or proxy, then try again.</source>
        <translation>Es konnte nicht rechtzeitig eine Verbindung hergestellt werden. Prüfen Sie Netzwerk, VPN oder Proxy, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The server accepted the request but did not answer. Try again in a moment.</source>
        <translation>Der Server hat die Anfrage angenommen, aber nicht geantwortet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted by this computer. Ask your IT department to check it.</source>
        <translation>Dieser Computer vertraut dem Zertifikat des Servers nicht. Bitten Sie Ihre IT-Abteilung, es zu prüfen.</translation>
    </message>
    <message>
        <source>Check that the ESWS address in the profile is the one Identysoft gave you.</source>
        <translation>Prüfen Sie, ob die ESWS-Adresse im Profil die von Identysoft genannte Adresse ist.</translation>
    </message>
    <message>
        <source>The server reported an internal fault. Try again; if it persists, contact Identysoft with the time of the attempt.</source>
        <translation>Der Server hat einen internen Fehler gemeldet. Versuchen Sie es erneut; wenn das Problem bestehen bleibt, wenden Sie sich mit dem Zeitpunkt des Versuchs an Identysoft.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s network connection, then try again.</source>
        <translation>Prüfen Sie die Netzwerkverbindung dieses Computers, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Could not reach ESWS at {where}</source>
        <translation>ESWS unter {where} war nicht erreichbar</translation>
    </message>
    <message>
        <source>Could not find the server {where}</source>
        <translation>Der Server {where} wurde nicht gefunden</translation>
    </message>
    <message>
        <source>Could not reach ESWS at {where} in time</source>
        <translation>ESWS unter {where} war nicht rechtzeitig erreichbar</translation>
    </message>
    <message>
        <source>The secure connection to {where} failed</source>
        <translation>Die sichere Verbindung zu {where} ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The server at {where} answered with an error</source>
        <translation>Der Server unter {where} hat mit einem Fehler geantwortet</translation>
    </message>
    <message>
        <source>ESWS at {where} reported an error</source>
        <translation>ESWS unter {where} hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>The answer from {where} could not be read</source>
        <translation>Die Antwort von {where} konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>The answer from {where} was far too large</source>
        <translation>Die Antwort von {where} war viel zu groß</translation>
    </message>
    <message>
        <source>The answer from {where} was not what I3 sends</source>
        <translation>Die Antwort von {where} entsprach nicht dem, was I3 sendet</translation>
    </message>
    <message>
        <source>The security code is missing</source>
        <translation>Der Sicherheitscode fehlt</translation>
    </message>
    <message>
        <source>No company has this security code</source>
        <translation>Kein Unternehmen hat diesen Sicherheitscode</translation>
    </message>
    <message>
        <source>The admin username is missing</source>
        <translation>Der Administrator-Benutzername fehlt</translation>
    </message>
    <message>
        <source>The password is missing</source>
        <translation>Das Kennwort fehlt</translation>
    </message>
    <message>
        <source>The user id is missing</source>
        <translation>Die Benutzer-ID fehlt</translation>
    </message>
    <message>
        <source>The username or password is not correct</source>
        <translation>Benutzername oder Kennwort ist falsch</translation>
    </message>
    <message>
        <source>I3 has no user with this id</source>
        <translation>I3 hat keinen Benutzer mit dieser ID</translation>
    </message>
    <message>
        <source>Could not reach {where}</source>
        <translation>{where} war nicht erreichbar</translation>
    </message>
    <message>
        <source>I3 refused the request</source>
        <translation>I3 hat die Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>No token was used and no sync was started.</source>
        <translation>Es wurde kein Token verwendet und keine Synchronisierung gestartet.</translation>
    </message>
    <message>
        <source>No answer within {seconds} from ESWS at {where}</source>
        <translation>Keine Antwort von ESWS unter {where} innerhalb von {seconds}</translation>
    </message>
    <message>
        <source>(Details: {problem}: {detail}.)</source>
        <translation>(Details: {problem}: {detail}.)</translation>
    </message>
    <message>
        <source>(Details: {problem}.)</source>
        <translation>(Details: {problem}.)</translation>
    </message>
    <message>
        <source>Is the API Agent / API Server running and reachable from this computer?</source>
        <translation>Läuft der API Agent / API Server, und ist er von diesem Computer aus erreichbar?</translation>
    </message>
    <message>
        <source>Check the {field}: {problem}.</source>
        <translation>Bitte prüfen: Das Feld „{field}“ {problem}.</translation>
    </message>
    <message>
        <source>The sync could not start.</source>
        <translation>Die Synchronisierung konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Something went wrong inside I3 Sync Desktop.</source>
        <translation>In I3 Sync Desktop ist ein Fehler aufgetreten.</translation>
    </message>
    <message>
        <source>({name}) The details are in the log file; please send it to support.</source>
        <translation>({name}) Die Details stehen in der Protokolldatei; bitte senden Sie sie an den Support.</translation>
    </message>
    <message>
        <source>Was a space pasted at the start or end?</source>
        <translation>Wurde am Anfang oder Ende ein Leerzeichen mit eingefügt?</translation>
    </message>
    <message>
        <source>The {field} {problem}.</source>
        <translation>Das Feld „{field}“ {problem}.</translation>
    </message>
    <message>
        <source>The I3 page at {host} could not be opened ({reason}).</source>
        <translation>Die I3-Seite unter {host} konnte nicht geöffnet werden ({reason}).</translation>
    </message>
</context>
<context>
    <name>PopupWindow</name>
    <message>
        <source>Window opened by the I3 page</source>
        <translation>Von der I3-Seite geöffnetes Fenster</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>{path} (as in the ESWS reference)</source>
        <translation>{path} (wie in der ESWS-Referenz)</translation>
    </message>
    <message>
        <source>Ad&amp;vanced</source>
        <translation>E&amp;rweitert</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Erweiterte Einstellungen</translation>
    </message>
    <message>
        <source>Show or hide the settings only IT should change</source>
        <translation>Einstellungen ein- oder ausblenden, die nur die IT ändern sollte</translation>
    </message>
    <message>
        <source>Other I3 addresses</source>
        <translation>Weitere I3-Adressen</translation>
    </message>
    <message>
        <source>e.g. {address}</source>
        <translation>z. B. {address}</translation>
    </message>
    <message>
        <source>Total-sync page</source>
        <translation>Seite für Gesamtsynchronisierung</translation>
    </message>
    <message>
        <source>WSDL</source>
        <translation>WSDL</translation>
    </message>
    <message>
        <source>Bundled (leave empty)</source>
        <translation>Mitgeliefert (leer lassen)</translation>
    </message>
    <message>
        <source>Only change these when Identysoft or your IT department asks you to.</source>
        <translation>Ändern Sie diese Werte nur, wenn Identysoft oder Ihre IT-Abteilung Sie darum bittet.</translation>
    </message>
    <message>
        <source>Ot&amp;her I3 addresses:</source>
        <translation>&amp;Weitere I3-Adressen:</translation>
    </message>
    <message>
        <source>Further I3 addresses its sync page may move to (separate with spaces or commas). The I3 address above is always allowed.</source>
        <translation>Weitere I3-Adressen, zu denen die Synchronisierungsseite wechseln darf (durch Leerzeichen oder Kommas getrennt). Die obige I3-Adresse ist immer erlaubt.</translation>
    </message>
    <message>
        <source>&amp;Total-sync page:</source>
        <translation>Seite für &amp;Gesamtsynchronisierung:</translation>
    </message>
    <message>
        <source>How I3 spells the page that synchronises all users.</source>
        <translation>Wie I3 die Seite schreibt, die alle Benutzer synchronisiert.</translation>
    </message>
    <message>
        <source>&amp;WSDL:</source>
        <translation>WS&amp;DL:</translation>
    </message>
    <message>
        <source>Only if Identysoft asks you to use another WSDL.</source>
        <translation>Nur wenn Identysoft Sie bittet, eine andere WSDL zu verwenden.</translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation>Verbindungsprofile</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Discard the changes to this profile?</source>
        <translation>Änderungen an diesem Profil verwerfen?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>e.g. Head office</source>
        <translation>z. B. Zentrale</translation>
    </message>
    <message>
        <source>ESWS endpoint</source>
        <translation>ESWS-Endpunkt</translation>
    </message>
    <message>
        <source>I3 address</source>
        <translation>I3-Adresse</translation>
    </message>
    <message>
        <source>Admin username</source>
        <translation>Administrator-Benutzername</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>&amp;Remember the password on this computer</source>
        <translation>&amp;Kennwort auf diesem Computer speichern</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>Kennwort auf diesem Computer speichern</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>ESWS end&amp;point:</source>
        <translation>ESWS-End&amp;punkt:</translation>
    </message>
    <message>
        <source>&amp;I3 address:</source>
        <translation>&amp;I3-Adresse:</translation>
    </message>
    <message>
        <source>Admin &amp;username:</source>
        <translation>Administrator-&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Verbindung:</translation>
    </message>
    <message>
        <source>Managed by your IT department</source>
        <translation>Von Ihrer IT-Abteilung verwaltet</translation>
    </message>
    <message>
        <source>Not encrypted: with http:// to another computer, the admin password (ESWS endpoint) and the one-time sync link (I3 address) can be read on the network. Use https:// unless the server is on this computer.</source>
        <translation>Nicht verschlüsselt: Mit http:// zu einem anderen Computer können das Administratorkennwort (ESWS-Endpunkt) und der einmalige Synchronisierungslink (I3-Adresse) im Netzwerk mitgelesen werden. Verwenden Sie https://, es sei denn, der Server läuft auf diesem Computer.</translation>
    </message>
    <message>
        <source>Not encrypted: with http:// to another computer, the admin password (ESWS endpoint) can be read on the network. Use https:// unless the server is on this computer.</source>
        <translation>Nicht verschlüsselt: Mit http:// zu einem anderen Computer kann das Administratorkennwort (ESWS-Endpunkt) im Netzwerk mitgelesen werden. Verwenden Sie https://, es sei denn, der Server läuft auf diesem Computer.</translation>
    </message>
    <message>
        <source>Not encrypted: with http:// to another computer, the one-time sync link (I3 address) can be read on the network. Use https:// unless the server is on this computer.</source>
        <translation>Nicht verschlüsselt: Mit http:// zu einem anderen Computer kann der einmalige Synchronisierungslink (I3-Adresse) im Netzwerk mitgelesen werden. Verwenden Sie https://, es sei denn, der Server läuft auf diesem Computer.</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Gespeicherte Profile</translation>
    </message>
    <message>
        <source>{name} (managed)</source>
        <translation>{name} (verwaltet)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Saved pro&amp;files:</source>
        <translation>Gespeicherte Pro&amp;file:</translation>
    </message>
    <message>
        <source>&amp;On-premise (API Agent / API Server)</source>
        <translation>&amp;On-Premises (API Agent / API Server)</translation>
    </message>
    <message>
        <source>&amp;EasyConnect cloud</source>
        <translation>&amp;EasyConnect-Cloud</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>New profile {number}</source>
        <translation>Neues Profil {number}</translation>
    </message>
    <message>
        <source>Delete the profile “{name}”? Its saved security code and password are removed from this computer too.</source>
        <translation>Profil „{name}“ löschen? Der gespeicherte Sicherheitscode und das Kennwort werden ebenfalls von diesem Computer entfernt.</translation>
    </message>
    <message>
        <source>Managed by your IT department: only the admin username and “Remember the password” can be changed here.</source>
        <translation>Von Ihrer IT-Abteilung verwaltet: Hier können nur der Administrator-Benutzername und „Kennwort speichern“ geändert werden.</translation>
    </message>
    <message>
        <source>No password vault is available on this computer, so secrets are not kept.</source>
        <translation>Auf diesem Computer ist kein Kennworttresor verfügbar, daher werden keine Zugangsdaten gespeichert.</translation>
    </message>
    <message>
        <source>The profile could not be saved to {path} ({reason}).</source>
        <translation>Das Profil konnte nicht in {path} gespeichert werden ({reason}).</translation>
    </message>
    <message>
        <source>The profile could not be deleted ({reason}).</source>
        <translation>Das Profil konnte nicht gelöscht werden ({reason}).</translation>
    </message>
</context>
<context>
    <name>ProfileFile</name>
    <message>
        <source>its {value} is not text</source>
        <translation>der Wert {value} ist kein Text</translation>
    </message>
    <message>
        <source>its {value} is not 0 or 1</source>
        <translation>der Wert {value} ist nicht 0 oder 1</translation>
    </message>
    <message>
        <source>it has no {value}</source>
        <translation>der Wert {value} fehlt</translation>
    </message>
    <message>
        <source>its {value} {problem}</source>
        <translation>der Wert {value} {problem}</translation>
    </message>
    <message>
        <source>another managed profile has the same name</source>
        <translation>ein anderes verwaltetes Profil hat denselben Namen</translation>
    </message>
    <message>
        <source>The profile {name} set by your IT department (registry policy) could not be used ({reason}); it is left out.</source>
        <translation>Das Profil {name}, das Ihre IT-Abteilung per Registrierungsrichtlinie festlegt, konnte nicht verwendet werden ({reason}); es wird ausgelassen.</translation>
    </message>
    <message>
        <source>The profile {name} your IT department provides in {path} could not be used ({reason}); it is left out.</source>
        <translation>Das Profil {name}, das Ihre IT-Abteilung in {path} bereitstellt, konnte nicht verwendet werden ({reason}); es wird ausgelassen.</translation>
    </message>
    <message>
        <source>The profiles your IT department provides in {path} could not be read ({reason}); they are left out.</source>
        <translation>Die Profile, die Ihre IT-Abteilung in {path} bereitstellt, konnten nicht gelesen werden ({reason}); sie werden ausgelassen.</translation>
    </message>
    <message>
        <source>The profile “{name}” in {path} is left out: the registry policy sets a profile with the same name.</source>
        <translation>Das Profil „{name}“ in {path} wird ausgelassen: Die Registrierungsrichtlinie legt ein Profil mit demselben Namen fest.</translation>
    </message>
    <message>
        <source>Your profile “{name}” has the name of a profile your IT department manages; the managed one is shown, yours is kept in the file as it is.</source>
        <translation>Ihr Profil „{name}“ hat den Namen eines Profils, das Ihre IT-Abteilung verwaltet; angezeigt wird das verwaltete Profil, Ihres bleibt unverändert in der Datei.</translation>
    </message>
    <message>
        <source>Your saved profiles could not be read ({error}); the file {path} is left as it was. Profiles start empty.</source>
        <translation>Ihre gespeicherten Profile konnten nicht gelesen werden ({error}); die Datei {path} bleibt unverändert. Die Profilliste ist zunächst leer.</translation>
    </message>
    <message>
        <source>Your saved profiles could not be read ({reason}), and the file {path} could not be moved aside; it is left as it was. Profiles start empty.</source>
        <translation>Ihre gespeicherten Profile konnten nicht gelesen werden ({reason}), und die Datei {path} konnte nicht beiseitegelegt werden; sie bleibt unverändert. Die Profilliste ist zunächst leer.</translation>
    </message>
    <message>
        <source>Your saved profiles could not be read ({reason}). The file was kept as {moved}; profiles start empty.</source>
        <translation>Ihre gespeicherten Profile konnten nicht gelesen werden ({reason}). Die Datei wurde als {moved} aufbewahrt; die Profilliste ist zunächst leer.</translation>
    </message>
    <message>
        <source>The profiles your IT department manages could not be read ({error}).</source>
        <translation>Die von Ihrer IT-Abteilung verwalteten Profile konnten nicht gelesen werden ({error}).</translation>
    </message>
    <message>
        <source>The saved profile {name} could not be used ({reason}) and was set aside; it stays in {path} as it was.</source>
        <translation>Das gespeicherte Profil {name} konnte nicht verwendet werden ({reason}) und wurde beiseitegelegt; es bleibt unverändert in {path}.</translation>
    </message>
    <message>
        <source>Your profiles file was written by a newer version of I3 Sync (format {version}); settings this version does not know are kept as they are when it saves.</source>
        <translation>Ihre Profildatei wurde von einer neueren Version von I3 Sync geschrieben (Format {version}); Einstellungen, die diese Version nicht kennt, bleiben beim Speichern unverändert erhalten.</translation>
    </message>
    <message>
        <source>its {field} {problem}</source>
        <translation>das Feld {field} {problem}</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>der Pfad ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>it could not be opened ({error})</source>
        <translation>die Datei konnte nicht geöffnet werden ({error})</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>„{name}“</translation>
    </message>
    <message>
        <source>number {number}</source>
        <translation>Nr. {number}</translation>
    </message>
    <message>
        <source>it is too large</source>
        <translation>die Datei ist zu groß</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>die Datei ist kein UTF-8-Text</translation>
    </message>
    <message>
        <source>it is not valid JSON</source>
        <translation>die Datei ist kein gültiges JSON</translation>
    </message>
    <message>
        <source>it does not hold a profiles object</source>
        <translation>die Datei enthält kein Profilobjekt</translation>
    </message>
    <message>
        <source>it has no valid version number</source>
        <translation>die Datei hat keine gültige Versionsnummer</translation>
    </message>
    <message>
        <source>its profiles are not a list</source>
        <translation>die Profile darin sind keine Liste</translation>
    </message>
    <message>
        <source>it could not be read</source>
        <translation>der Eintrag konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>it is not an object</source>
        <translation>der Eintrag ist kein Objekt</translation>
    </message>
    <message>
        <source>another profile has the same name</source>
        <translation>ein anderes Profil hat denselben Namen</translation>
    </message>
    <message>
        <source>another profile has the same id</source>
        <translation>ein anderes Profil hat dieselbe ID</translation>
    </message>
    <message>
        <source>its {value} is not true or false</source>
        <translation>der Wert {value} ist weder true noch false</translation>
    </message>
    <message>
        <source>it has no name</source>
        <translation>der Eintrag hat keinen Namen</translation>
    </message>
    <message>
        <source>its id is not valid</source>
        <translation>die ID ist ungültig</translation>
    </message>
    <message>
        <source>its {value} is not a list of addresses</source>
        <translation>der Wert {value} ist keine Liste von Adressen</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>I3 received no security code. Enter the 32-character company security code.</source>
        <translation>I3 hat keinen Sicherheitscode erhalten. Geben Sie den 32-stelligen Sicherheitscode des Unternehmens ein.</translation>
    </message>
    <message>
        <source>Check the security code Identysoft gave you, character for character, and that the profile&apos;s ESWS address is your company&apos;s.</source>
        <translation>Prüfen Sie den Sicherheitscode von Identysoft Zeichen für Zeichen, und ob die ESWS-Adresse des Profils die Ihres Unternehmens ist.</translation>
    </message>
    <message>
        <source>I3 received no admin username. Enter the username of an I3 administrator.</source>
        <translation>I3 hat keinen Administrator-Benutzernamen erhalten. Geben Sie den Benutzernamen eines I3-Administrators ein.</translation>
    </message>
    <message>
        <source>I3 received no password. Enter the I3 administrator&apos;s password.</source>
        <translation>I3 hat kein Kennwort erhalten. Geben Sie das Kennwort des I3-Administrators ein.</translation>
    </message>
    <message>
        <source>I3 received no user id. Enter the I3 id of the person to synchronise.</source>
        <translation>I3 hat keine Benutzer-ID erhalten. Geben Sie die I3-ID der zu synchronisierenden Person ein.</translation>
    </message>
    <message>
        <source>The admin username and password do not match an I3 administrator of this company. Check both (passwords are case-sensitive).</source>
        <translation>Administrator-Benutzername und Kennwort passen zu keinem I3-Administrator dieses Unternehmens. Prüfen Sie beides (bei Kennwörtern wird die Groß-/Kleinschreibung beachtet).</translation>
    </message>
    <message>
        <source>Check the person&apos;s user id in I3.</source>
        <translation>Prüfen Sie die Benutzer-ID der Person in I3.</translation>
    </message>
    <message>
        <source>I3 refused with a message this version does not know. Check the security code, the admin username and password, and the user id; if they are right, ask Identysoft what it means.</source>
        <translation>I3 hat mit einer Meldung abgelehnt, die diese Version nicht kennt. Prüfen Sie den Sicherheitscode, den Administrator-Benutzernamen und das Kennwort sowie die Benutzer-ID; wenn alles stimmt, fragen Sie Identysoft, was die Meldung bedeutet.</translation>
    </message>
</context>
<context>
    <name>Sandbox</name>
    <message>
        <source>The embedded browser cannot start: {app} is running as root (administrator).</source>
        <translation>Der eingebettete Browser kann nicht starten: {app} wird als root (Administrator) ausgeführt.</translation>
    </message>
    <message>
        <source>Chromium, which shows I3&apos;s page, refuses to run as root with its sandbox switched on. Start {app} as your normal user account. Only if you must run it as root, and trust the I3 server, start it with the environment variable {variable}=1.</source>
        <translation>Chromium, das die I3-Seite anzeigt, verweigert bei aktivierter Sandbox die Ausführung als root. Starten Sie {app} mit Ihrem normalen Benutzerkonto. Nur wenn Sie es unbedingt als root ausführen müssen und dem I3-Server vertrauen, starten Sie es mit der Umgebungsvariablen {variable}=1.</translation>
    </message>
</context>
<context>
    <name>SyncForm</name>
    <message>
        <source>The profile is not chosen: choose one, or create a profile with Manage profiles.</source>
        <translation>Kein Profil ausgewählt: Wählen Sie eines aus, oder erstellen Sie ein Profil über „Profile verwalten“.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Hide the security code</source>
        <translation>Sicherheitscode ausblenden</translation>
    </message>
    <message>
        <source>Show the security code</source>
        <translation>Sicherheitscode anzeigen</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>No profile yet</source>
        <translation>Noch kein Profil</translation>
    </message>
    <message>
        <source>&amp;Manage profiles…</source>
        <translation>Profile &amp;verwalten…</translation>
    </message>
    <message>
        <source>Create, edit or delete connection profiles (Ctrl+P)</source>
        <translation>Verbindungsprofile erstellen, bearbeiten oder löschen (Strg+P)</translation>
    </message>
    <message>
        <source>Security code</source>
        <translation>Sicherheitscode</translation>
    </message>
    <message>
        <source>32 characters</source>
        <translation>32 Zeichen</translation>
    </message>
    <message>
        <source>Admin username</source>
        <translation>Administrator-Benutzername</translation>
    </message>
    <message>
        <source>I3 administrator</source>
        <translation>I3-Administrator</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <source>&amp;Remember the password on this computer</source>
        <translation>&amp;Kennwort auf diesem Computer speichern</translation>
    </message>
    <message>
        <source>&amp;One user</source>
        <translation>&amp;Ein Benutzer</translation>
    </message>
    <message>
        <source>A&amp;ll users</source>
        <translation>A&amp;lle Benutzer</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>I3 id of the person, e.g. 42</source>
        <translation>I3-ID der Person, z. B. 42</translation>
    </message>
    <message>
        <source>Location id</source>
        <translation>Standort-ID</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>With a location, the sync starts by itself when the page opens; without one, you choose the location on the page.</source>
        <translation>Mit Standort startet die Synchronisierung beim Öffnen der Seite automatisch; ohne Standort wählen Sie ihn auf der Seite aus.</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>Security &amp;code:</source>
        <translation>Sicherheits&amp;code:</translation>
    </message>
    <message>
        <source>&amp;Admin username:</source>
        <translation>Administrator-&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Kenn&amp;wort:</translation>
    </message>
    <message>
        <source>Synchronise:</source>
        <translation>Synchronisieren:</translation>
    </message>
    <message>
        <source>&amp;User id:</source>
        <translation>Benutzer-&amp;ID:</translation>
    </message>
    <message>
        <source>Loca&amp;tion id:</source>
        <translation>Sta&amp;ndort-ID:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Sign in to ESWS</source>
        <translation>Bei ESWS anmelden</translation>
    </message>
    <message>
        <source>What to synchronise</source>
        <translation>Was synchronisiert wird</translation>
    </message>
</context>
<context>
    <name>SyncOutcome</name>
    <message>
        <source>Note: the {fields} contains characters that I3 cannot store (above U+00FF), which ESWS receives as “?”.</source>
        <translation>Hinweis: Diese Angaben enthalten Zeichen, die I3 nicht speichern kann (über U+00FF) und die bei ESWS als „?“ ankommen: {fields}.</translation>
    </message>
    <message>
        <source>Ready to synchronise all users with profile “{profile}”.</source>
        <translation>Bereit, alle Benutzer mit dem Profil „{profile}“ zu synchronisieren.</translation>
    </message>
    <message>
        <source>Ready to synchronise user {user} at location {location} with profile “{profile}”.</source>
        <translation>Bereit, Benutzer {user} an Standort {location} mit dem Profil „{profile}“ zu synchronisieren.</translation>
    </message>
    <message>
        <source>Ready to synchronise user {user} with profile “{profile}”.</source>
        <translation>Bereit, Benutzer {user} mit dem Profil „{profile}“ zu synchronisieren.</translation>
    </message>
    <message>
        <source>Check the form and press Sync to continue.</source>
        <translation>Prüfen Sie das Formular, und klicken Sie auf „Synchronisieren“, um fortzufahren.</translation>
    </message>
    <message>
        <source>Complete the form and press Sync to continue.</source>
        <translation>Füllen Sie das Formular aus, und klicken Sie auf „Synchronisieren“, um fortzufahren.</translation>
    </message>
    <message>
        <source>There is no profile named “{name}”.</source>
        <translation>Es gibt kein Profil namens „{name}“.</translation>
    </message>
    <message>
        <source>Nothing was selected. Choose the profile to use, or create one named “{name}” with Manage profiles.</source>
        <translation>Es wurde nichts ausgewählt. Wählen Sie das zu verwendende Profil aus, oder erstellen Sie über „Profile verwalten“ eines namens „{name}“.</translation>
    </message>
</context>
<context>
    <name>SyncTab</name>
    <message>
        <source>Create a profile to say where ESWS and I3 are.</source>
        <translation>Erstellen Sie ein Profil, das angibt, wo ESWS und I3 zu finden sind.</translation>
    </message>
    <message>
        <source>ESWS at {esws} · I3 at {i3} · EasyConnect cloud</source>
        <translation>ESWS unter {esws} · I3 unter {i3} · EasyConnect-Cloud</translation>
    </message>
    <message>
        <source>ESWS at {esws} · I3 at {i3} · on-premise API Agent / API Server</source>
        <translation>ESWS unter {esws} · I3 unter {i3} · API Agent / API Server On-Premises</translation>
    </message>
    <message>
        <source>No password vault is available on this computer.</source>
        <translation>Auf diesem Computer ist kein Kennworttresor verfügbar.</translation>
    </message>
    <message>
        <source>The security code and password cannot be remembered: you will type them for each sync.</source>
        <translation>Sicherheitscode und Kennwort können nicht gespeichert werden: Sie geben sie bei jeder Synchronisierung ein.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <source>Save a file from {host}?</source>
        <translation>Datei von {host} speichern?</translation>
    </message>
    <message>
        <source>Saving &lt;b&gt;{file}&lt;/b&gt;…</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved &lt;b&gt;{file}&lt;/b&gt; in {folder}.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; wurde in {folder} gespeichert.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt; was not saved.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>← &amp;Back to form</source>
        <translation>← &amp;Zurück zum Formular</translation>
    </message>
    <message>
        <source>Back to the form (Alt+Left)</source>
        <translation>Zurück zum Formular (Alt+Nach-links)</translation>
    </message>
    <message>
        <source>Page title</source>
        <translation>Seitentitel</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Load the I3 page again (F5, Ctrl+R)</source>
        <translation>I3-Seite neu laden (F5, Strg+R)</translation>
    </message>
    <message>
        <source>Page loading</source>
        <translation>Seite wird geladen</translation>
    </message>
    <message>
        <source>I3 sync page</source>
        <translation>I3-Synchronisierungsseite</translation>
    </message>
    <message>
        <source>Opening I3 at {host}…</source>
        <translation>I3 unter {host} wird geöffnet…</translation>
    </message>
    <message>
        <source>Getting a new sync token…</source>
        <translation>Neues Synchronisierungstoken wird abgerufen…</translation>
    </message>
    <message>
        <source>The I3 page could not be opened</source>
        <translation>Die I3-Seite konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The I3 page at {host} was not opened: its security certificate is not trusted.</source>
        <translation>Die I3-Seite unter {host} wurde nicht geöffnet: Ihrem Sicherheitszertifikat wird nicht vertraut.</translation>
    </message>
    <message>
        <source>{description} This can mean the connection is being intercepted. Nothing was sent. Ask your IT department to check the certificate of this address.</source>
        <translation>{description} Möglicherweise wird die Verbindung abgefangen. Es wurde nichts gesendet. Bitten Sie Ihre IT-Abteilung, das Zertifikat dieser Adresse zu prüfen.</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>A link to &lt;b&gt;{host}&lt;/b&gt; was not opened here: only I3&apos;s own pages open in this window. If it is one of I3&apos;s own addresses, add it to the profile&apos;s other I3 addresses (Manage profiles).</source>
        <translation>Ein Link zu &lt;b&gt;{host}&lt;/b&gt; wurde hier nicht geöffnet: In diesem Fenster werden nur die eigenen Seiten von I3 geöffnet. Wenn es eine der eigenen Adressen von I3 ist, fügen Sie sie den weiteren I3-Adressen des Profils hinzu (Profile verwalten).</translation>
    </message>
    <message>
        <source>Blocked a link to {host}</source>
        <translation>Link zu {host} blockiert</translation>
    </message>
</context>
<context>
    <name>Vault</name>
    <message>
        <source>nowhere: no password vault is available on this computer</source>
        <translation>nirgends: Auf diesem Computer ist kein Kennworttresor verfügbar</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS-Schlüsselbund</translation>
    </message>
    <message>
        <source>Secret Service</source>
        <translation>Secret Service</translation>
    </message>
    <message>
        <source>KWallet</source>
        <translation>KWallet</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to {app}</source>
        <translation>Willkommen bei {app}</translation>
    </message>
    <message>
        <source>To synchronise people with I3, first say where your ESWS server and your I3 site are: that is a connection profile. You create it once; the security code and password are asked for when you sync.</source>
        <translation>Um Personen mit I3 zu synchronisieren, geben Sie zuerst an, wo sich Ihr ESWS-Server und Ihre I3-Website befinden: Das ist ein Verbindungsprofil. Sie erstellen es einmal; Sicherheitscode und Kennwort werden bei jeder Synchronisierung abgefragt.</translation>
    </message>
    <message>
        <source>&amp;Create connection profile…</source>
        <translation>Verbindungsprofil &amp;erstellen…</translation>
    </message>
    <message>
        <source>You can add more profiles later with Manage profiles.</source>
        <translation>Weitere Profile können Sie später über „Profile verwalten“ hinzufügen.</translation>
    </message>
</context>
</TS>
