<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Built with these libraries, under these licences:</source>
        <translation>Gebouwd met deze bibliotheken, onder deze licenties:</translation>
    </message>
    <message>
        <source>Qt is used under the GNU LGPL version 3; its source is at https://download.qt.io.</source>
        <translation>Qt wordt gebruikt onder de GNU LGPL versie 3; de broncode staat op https://download.qt.io.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Info over {app}</translation>
    </message>
    <message>
        <source>Version and licences</source>
        <translation>Versie en licenties</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Information</source>
        <translation>Informatie</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Waarschuwing</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
</context>
<context>
    <name>CheckView</name>
    <message>
        <source>Test &amp;connection</source>
        <translation>Verbinding &amp;testen</translation>
    </message>
    <message>
        <source>Check, step by step, the way to ESWS and I3. No password or security code is sent.</source>
        <translation>Controleert stap voor stap de weg naar ESWS en I3. Er wordt geen wachtwoord of beveiligingscode verzonden.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Cancel the connection check</source>
        <translation>De verbindingscontrole annuleren</translation>
    </message>
    <message>
        <source>Problem found</source>
        <translation>Probleem gevonden</translation>
    </message>
    <message>
        <source>Connection check status</source>
        <translation>Status van verbindingscontrole</translation>
    </message>
    <message>
        <source>Connection check results</source>
        <translation>Resultaten van verbindingscontrole</translation>
    </message>
    <message>
        <source>Notes on the connection</source>
        <translation>Opmerkingen over de verbinding</translation>
    </message>
    <message>
        <source>the address could not be read.</source>
        <translation>de adres kan niet worden gelezen.</translation>
    </message>
    <message>
        <source>The connection cannot be tested: {problem}</source>
        <translation>De verbinding kan niet worden getest: {problem}</translation>
    </message>
    <message>
        <source>Testing… {done} of {total} steps done.</source>
        <translation>Testen… {done} van {total} stappen voltooid.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <source>Failed at {steps}: see the advice on its line.</source>
        <translation>Mislukt bij {steps}: zie het advies op de betreffende regel.</translation>
    </message>
    <message>
        <source>Every step is ok.</source>
        <translation>Alle stappen zijn in orde.</translation>
    </message>
    <message>
        <source>Some steps did not run.</source>
        <translation>Sommige stappen zijn niet uitgevoerd.</translation>
    </message>
</context>
<context>
    <name>ConnectionCheck</name>
    <message>
        <source>resolve</source>
        <translation>opzoeken</translation>
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
        <translation>I3 draait on-premise voor dit profiel: voor de synchronisatiepagina moet deze computer ook in hetzelfde netwerk zitten als de API Agent (API Server), en dat kan geen controle vanaf hier aantonen.</translation>
    </message>
    <message>
        <source>warning: the ESWS endpoint is plain http:// on another computer: the admin password and the token would travel unencrypted; use https://</source>
        <translation>waarschuwing: het ESWS-eindpunt is gewone http:// op een andere computer: het wachtwoord van de beheerder en het token zouden onversleuteld worden verzonden; gebruik https://</translation>
    </message>
    <message>
        <source>warning: the I3 address is plain http:// on another computer: the sync link (a login token) would travel unencrypted; use https://</source>
        <translation>waarschuwing: het I3-adres is gewone http:// op een andere computer: de synchronisatiekoppeling (een aanmeldingstoken) zou onversleuteld worden verzonden; gebruik https://</translation>
    </message>
    <message>
        <source>note: </source>
        <translation>opmerking: </translation>
    </message>
    <message>
        <source>{step} failed</source>
        <translation>{step} mislukt</translation>
    </message>
    <message>
        <source>no time left ({seconds} s for the whole check)</source>
        <translation>geen tijd meer over ({seconds} s voor de hele controle)</translation>
    </message>
    <message>
        <source>direct route: ESWS is asked {way}</source>
        <translation>directe route: ESWS wordt benaderd: {way}</translation>
    </message>
    <message>
        <source>ESWS is asked {way}</source>
        <translation>ESWS wordt benaderd: {way}</translation>
    </message>
    <message>
        <source>direct route: ESWS is asked through the proxy {proxy}</source>
        <translation>directe route: ESWS wordt benaderd via de proxy {proxy}</translation>
    </message>
    <message>
        <source>TCP connection to {address}:{port}</source>
        <translation>TCP-verbinding met {address}:{port}</translation>
    </message>
    <message>
        <source>the bundled WSDL does not declare {operations}; use the bundled WSDL (leave the WSDL unset) or the server&apos;s own (&lt;endpoint&gt;?wsdl)</source>
        <translation>de meegeleverde WSDL declareert {operations} niet; gebruik de meegeleverde WSDL (laat het veld WSDL leeg) of die van de server zelf (&lt;endpoint&gt;?wsdl)</translation>
    </message>
    <message>
        <source>the WSDL does not declare {operations}; use the bundled WSDL (leave the WSDL unset) or the server&apos;s own (&lt;endpoint&gt;?wsdl)</source>
        <translation>de WSDL declareert {operations} niet; gebruik de meegeleverde WSDL (laat het veld WSDL leeg) of die van de server zelf (&lt;endpoint&gt;?wsdl)</translation>
    </message>
    <message>
        <source>the bundled WSDL declares {operations}</source>
        <translation>de meegeleverde WSDL declareert {operations}</translation>
    </message>
    <message>
        <source>the WSDL declares {operations}</source>
        <translation>de WSDL declareert {operations}</translation>
    </message>
    <message>
        <source>ESWS issued a token although no security code was sent (not shown): this is not how ESWS behaves; check that the endpoint is your company&apos;s ESWS</source>
        <translation>ESWS heeft een token uitgegeven hoewel er geen beveiligingscode is verzonden (niet weergegeven): zo gedraagt ESWS zich niet; controleer of het eindpunt de ESWS van uw bedrijf is</translation>
    </message>
    <message>
        <source>ESWS answered {code}, as expected for an empty security code (nothing secret sent, no token spent)</source>
        <translation>ESWS antwoordde met {code}, zoals verwacht bij een lege beveiligingscode (niets geheims verzonden, geen token verbruikt)</translation>
    </message>
    <message>
        <source>ESWS answered {code}, a documented refusal: the service answers</source>
        <translation>ESWS antwoordde met {code}, een gedocumenteerde weigering: de service antwoordt</translation>
    </message>
    <message>
        <source>ESWS answered {code}, a refusal this version does not know: it answers</source>
        <translation>ESWS antwoordde met {code}, een weigering die deze versie niet kent: de service antwoordt</translation>
    </message>
    <message>
        <source>{detail}; {route}</source>
        <translation>{detail}; {route}</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FOUT</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>over</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} en {second}</translation>
    </message>
    <message>
        <source>check this computer&apos;s network connection (and VPN, if the server needs one)</source>
        <translation>controleer de netwerkverbinding van deze computer (en de VPN, als de server die vereist)</translation>
    </message>
    <message>
        <source>check the host name, and this computer&apos;s DNS, network or VPN</source>
        <translation>controleer de hostnaam en de DNS, het netwerk of de VPN van deze computer</translation>
    </message>
    <message>
        <source>nothing accepts connections on that port: check the port, and that the service runs</source>
        <translation>niets accepteert verbindingen op die poort: controleer de poort en of de service wordt uitgevoerd</translation>
    </message>
    <message>
        <source>a firewall may drop the connection: check the address and port, and whether this network needs a proxy</source>
        <translation>mogelijk blokkeert een firewall de verbinding: controleer het adres en de poort, en of dit netwerk een proxy vereist</translation>
    </message>
    <message>
        <source>the server is slow or stuck: try again, or allow more time</source>
        <translation>de server is traag of reageert niet: probeer het opnieuw of sta meer tijd toe</translation>
    </message>
    <message>
        <source>if your network inspects TLS, ask IT to add its certificate authority to this computer&apos;s trust store; otherwise the server&apos;s certificate is wrong: tell its administrator, and do not send secrets to it</source>
        <translation>als uw netwerk TLS inspecteert, vraag IT dan om de certificeringsinstantie daarvan toe te voegen aan de vertrouwde certificaten van deze computer; anders is het certificaat van de server onjuist: meld dit aan de beheerder van de server en verzend er geen geheimen naartoe</translation>
    </message>
    <message>
        <source>this is not the expected server: check the address</source>
        <translation>dit is niet de verwachte server: controleer het adres</translation>
    </message>
    <message>
        <source>run the check again</source>
        <translation>voer de controle opnieuw uit</translation>
    </message>
    <message>
        <source>check the WSDL&apos;s path or address, or leave it unset to use the bundled WSDL</source>
        <translation>controleer het pad of adres van de WSDL, of laat het veld leeg om de meegeleverde WSDL te gebruiken</translation>
    </message>
    <message>
        <source>the server answers, but not as ESWS: check the endpoint&apos;s path (e.g. https://ws.i3.identysoft.com/webservicesesws)</source>
        <translation>de server antwoordt, maar niet als ESWS: controleer het pad van het eindpunt (bijv. https://ws.i3.identysoft.com/webservicesesws)</translation>
    </message>
    <message>
        <source>check the I3 address (e.g. https://i3.identysoft.com)</source>
        <translation>controleer het I3-adres (bijv. https://i3.identysoft.com)</translation>
    </message>
    <message>
        <source>{endpoint}: {problem} ({detail}); presented: {certificate}; {advice}</source>
        <translation>{endpoint}: {problem} ({detail}); aangeboden: {certificate}; {advice}</translation>
    </message>
    <message>
        <source>{endpoint}: {problem} ({detail}); {advice}</source>
        <translation>{endpoint}: {problem} ({detail}); {advice}</translation>
    </message>
    <message>
        <source>{endpoint}: {problem}; presented: {certificate}; {advice}</source>
        <translation>{endpoint}: {problem}; aangeboden: {certificate}; {advice}</translation>
    </message>
    <message>
        <source>{endpoint}: {problem}; {advice}</source>
        <translation>{endpoint}: {problem}; {advice}</translation>
    </message>
    <message>
        <source>{host} → {addresses} and {more} more</source>
        <translation>{host} → {addresses} en nog {more}</translation>
    </message>
    <message>
        <source>{host} → {addresses}</source>
        <translation>{host} → {addresses}</translation>
    </message>
    <message>
        <source>expiry unknown</source>
        <translation>vervaldatum onbekend</translation>
    </message>
    <message>
        <source>expired within the last day</source>
        <translation>minder dan een dag geleden verlopen</translation>
    </message>
    <message>
        <source>expired 1 day ago</source>
        <translation>1 dag geleden verlopen</translation>
    </message>
    <message>
        <source>expired {days} days ago</source>
        <translation>{days} dagen geleden verlopen</translation>
    </message>
    <message>
        <source>expires within a day</source>
        <translation>verloopt binnen een dag</translation>
    </message>
    <message>
        <source>expires in 1 day</source>
        <translation>verloopt over 1 dag</translation>
    </message>
    <message>
        <source>expires in {days} days</source>
        <translation>verloopt over {days} dagen</translation>
    </message>
    <message>
        <source>subject {subject}; issuer {issuer}; {expiry}</source>
        <translation>onderwerp {subject}; verlener {issuer}; {expiry}</translation>
    </message>
    <message>
        <source>auto-detection (WPAD)</source>
        <translation>de automatische detectie (WPAD)</translation>
    </message>
    <message>
        <source>the PAC file {address}</source>
        <translation>het PAC-bestand {address}</translation>
    </message>
    <message>
        <source>direct: {pac} could not be used ({problem})</source>
        <translation>direct: {pac} kon niet worden gebruikt ({problem})</translation>
    </message>
    <message>
        <source>the PAC file</source>
        <translation>het PAC-bestand</translation>
    </message>
    <message>
        <source>through the proxy {proxy} (chosen by {pac})</source>
        <translation>via de proxy {proxy} (gekozen door {pac})</translation>
    </message>
    <message>
        <source>through the proxy {proxy}</source>
        <translation>via de proxy {proxy}</translation>
    </message>
    <message>
        <source>direct (as {pac} says)</source>
        <translation>direct (zoals {pac} aangeeft)</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direct</translation>
    </message>
    <message>
        <source>{version}, trusted by this computer; the certificate&apos;s names could not be read</source>
        <translation>{version}, vertrouwd door deze computer; de namen in het certificaat kunnen niet worden gelezen</translation>
    </message>
    <message>
        <source>{version}, trusted by this computer; {certificate} (soon: tell the server&apos;s administrator)</source>
        <translation>{version}, vertrouwd door deze computer; {certificate} (binnenkort: meld dit aan de beheerder van de server)</translation>
    </message>
    <message>
        <source>{version}, trusted by this computer; {certificate}</source>
        <translation>{version}, vertrouwd door deze computer; {certificate}</translation>
    </message>
    <message>
        <source>I3 answered {status}</source>
        <translation>I3 antwoordde met {status}</translation>
    </message>
    <message>
        <source>the same site</source>
        <translation>dezelfde site</translation>
    </message>
    <message>
        <source>an invalid address</source>
        <translation>een ongeldig adres</translation>
    </message>
    <message>
        <source>I3 answered {status}, redirecting to {target}</source>
        <translation>I3 antwoordde met {status}, omleiding naar {target}</translation>
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
        <translation>De gebruikersnaam of het wachtwoord is onjuist</translation>
    </message>
    <message>
        <source>Check both; passwords are case-sensitive. After several wrong attempts CRM.COM may lock the user.</source>
        <translation>Controleer beide; wachtwoorden zijn hoofdlettergevoelig. Na enkele onjuiste pogingen kan CRM.COM de gebruiker blokkeren.</translation>
    </message>
    <message>
        <source>CRM.COM did not accept the access token</source>
        <translation>CRM.COM heeft het toegangstoken niet geaccepteerd</translation>
    </message>
    <message>
        <source>Check the access token identifier and pass code, or the authentication code, with whoever set up the access token in CRM.COM.</source>
        <translation>Controleer de toegangstoken-ID en de toegangscode, of de authenticatiecode, met degene die het toegangstoken in CRM.COM heeft ingesteld.</translation>
    </message>
    <message>
        <source>CRM.COM does not know this organisation</source>
        <translation>CRM.COM kent deze organisatie niet</translation>
    </message>
    <message>
        <source>Check the organisation&apos;s name as your CRM.COM provider spells it.</source>
        <translation>Controleer de naam van de organisatie zoals uw CRM.COM-provider die schrijft.</translation>
    </message>
    <message>
        <source>This user cannot log in to that unit</source>
        <translation>Deze gebruiker kan zich niet aanmelden bij die eenheid</translation>
    </message>
    <message>
        <source>Check the unit, or leave it empty to use the user&apos;s default unit.</source>
        <translation>Controleer de eenheid, of laat deze leeg om de standaardeenheid van de gebruiker te gebruiken.</translation>
    </message>
    <message>
        <source>CRM.COM could not read the login</source>
        <translation>CRM.COM kan de aanmelding niet lezen</translation>
    </message>
    <message>
        <source>Check the CRM.COM address: it must be the Web API address your CRM.COM provider gave you.</source>
        <translation>Controleer het CRM.COM-adres: dit moet het Web API-adres zijn dat u van uw CRM.COM-provider hebt gekregen.</translation>
    </message>
    <message>
        <source>Nothing answered at {where}</source>
        <translation>Er reageerde niets op {where}</translation>
    </message>
    <message>
        <source>Check the CRM.COM address, and that this computer can reach it.</source>
        <translation>Controleer het CRM.COM-adres en of deze computer het kan bereiken.</translation>
    </message>
    <message>
        <source>The server {where} could not be found</source>
        <translation>De server {where} is niet gevonden</translation>
    </message>
    <message>
        <source>Check the CRM.COM address and this computer&apos;s network connection.</source>
        <translation>Controleer het CRM.COM-adres en de netwerkverbinding van deze computer.</translation>
    </message>
    <message>
        <source>Could not reach CRM.COM at {where} in time</source>
        <translation>CRM.COM op {where} kan niet op tijd worden bereikt</translation>
    </message>
    <message>
        <source>Check the network, VPN or proxy, then try again.</source>
        <translation>Controleer het netwerk, de VPN of de proxy en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>No answer in time from CRM.COM at {where}</source>
        <translation>Geen tijdig antwoord van CRM.COM op {where}</translation>
    </message>
    <message>
        <source>CRM.COM accepted the request but did not answer. Try again shortly.</source>
        <translation>CRM.COM heeft de aanvraag geaccepteerd, maar niet geantwoord. Probeer het zo meteen opnieuw.</translation>
    </message>
    <message>
        <source>The secure connection to {where} failed</source>
        <translation>De beveiligde verbinding met {where} is mislukt</translation>
    </message>
    <message>
        <source>This computer does not trust the server&apos;s certificate. Ask your IT department to check it.</source>
        <translation>Deze computer vertrouwt het certificaat van de server niet. Vraag uw IT-afdeling om het te controleren.</translation>
    </message>
    <message>
        <source>The server at {where} answered with an error</source>
        <translation>De server op {where} antwoordde met een fout</translation>
    </message>
    <message>
        <source>Try again shortly. If it persists, check that the CRM.COM address is the Web API address your CRM.COM provider gave you.</source>
        <translation>Probeer het zo meteen opnieuw. Als het probleem blijft, controleer dan of het CRM.COM-adres het Web API-adres is dat u van uw CRM.COM-provider hebt gekregen.</translation>
    </message>
    <message>
        <source>The answer from {where} was not what CRM.COM sends</source>
        <translation>Het antwoord van {where} is niet wat CRM.COM verzendt</translation>
    </message>
    <message>
        <source>Check that the CRM.COM address is the Web API address your CRM.COM provider gave you.</source>
        <translation>Controleer of het CRM.COM-adres het Web API-adres is dat u van uw CRM.COM-provider hebt gekregen.</translation>
    </message>
    <message>
        <source>Could not reach CRM.COM at {where}</source>
        <translation>CRM.COM op {where} kan niet worden bereikt</translation>
    </message>
    <message>
        <source>Check this computer&apos;s network connection, then try again.</source>
        <translation>Controleer de netwerkverbinding van deze computer en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>CRM.COM refused the login</source>
        <translation>CRM.COM heeft de aanmelding geweigerd</translation>
    </message>
    <message>
        <source>CRM.COM said: “{message}”.</source>
        <translation>CRM.COM meldde: “{message}”.</translation>
    </message>
    <message>
        <source>CRM.COM gave no reason. Give the error code below to your CRM.COM administrator.</source>
        <translation>CRM.COM heeft geen reden opgegeven. Geef de foutcode hieronder door aan uw CRM.COM-beheerder.</translation>
    </message>
    <message>
        <source>Error code: {code}</source>
        <translation>Foutcode: {code}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <source>No token was requested.</source>
        <translation>Er is geen token aangevraagd.</translation>
    </message>
    <message>
        <source>No answer within {seconds} s from {where}</source>
        <translation>Geen antwoord binnen {seconds} s van {where}</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>Details: {details}</translation>
    </message>
    <message>
        <source>Check the {field}: {problem}.</source>
        <translation>Controleer het veld {field}: {problem}.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Er is iets misgegaan</translation>
    </message>
    <message>
        <source>The details are in the log file.</source>
        <translation>De details staan in het logbestand.</translation>
    </message>
    <message>
        <source>It lets another program (an API client or an integration) call CRM.COM as this login until it expires.</source>
        <translation>Hiermee kan een ander programma (een API-client of een integratie) CRM.COM aanroepen met deze aanmelding, totdat het token verloopt.</translation>
    </message>
    <message>
        <source>Waited {seconds} s.</source>
        <translation>{seconds} s gewacht.</translation>
    </message>
    <message>
        <source>Token {token} valid for {left}.</source>
        <translation>Token {token} is nog {left} geldig.</translation>
    </message>
    <message>
        <source>{status} Getting a new one…</source>
        <translation>{status} Er wordt een nieuwe opgehaald…</translation>
    </message>
    <message>
        <source>more than 99 days</source>
        <translation>meer dan 99 dagen</translation>
    </message>
    <message>
        <source>Getting a token from CRM.COM…</source>
        <translation>Token ophalen bij CRM.COM…</translation>
    </message>
    <message>
        <source>No token yet.</source>
        <translation>Nog geen token.</translation>
    </message>
    <message>
        <source>Token {token} expired at {time}.</source>
        <translation>Token {token} is verlopen om {time}.</translation>
    </message>
    <message>
        <source>Token {token} has expired.</source>
        <translation>Token {token} is verlopen.</translation>
    </message>
    <message>
        <source>Token {token} valid for {left} (until {time}).</source>
        <translation>Token {token} is nog {left} geldig (tot {time}).</translation>
    </message>
</context>
<context>
    <name>CrmForm</name>
    <message>
        <source>Username and password</source>
        <translation>Gebruikersnaam en wachtwoord</translation>
    </message>
    <message>
        <source>Access token identifier and pass code</source>
        <translation>Toegangstoken-ID en toegangscode</translation>
    </message>
    <message>
        <source>Access token authentication code</source>
        <translation>Authenticatiecode van toegangstoken</translation>
    </message>
    <message>
        <source>CRM.COM &amp;address:</source>
        <translation>CRM.COM-&amp;adres:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisatie:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Eenheid:</translation>
    </message>
    <message>
        <source>&amp;Log in with:</source>
        <translation>Aan&amp;melden met:</translation>
    </message>
    <message>
        <source>User&amp;name:</source>
        <translation>Gebruikers&amp;naam:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>Access token &amp;identifier:</source>
        <translation>Toegangstoken-&amp;ID:</translation>
    </message>
    <message>
        <source>Pass &amp;code:</source>
        <translation>Toegangs&amp;code:</translation>
    </message>
    <message>
        <source>Au&amp;thentication code:</source>
        <translation>A&amp;uthenticatiecode:</translation>
    </message>
    <message>
        <source>e.g. CRMDEMO</source>
        <translation>bijv. CRMDEMO</translation>
    </message>
    <message>
        <source>Optional: the user&apos;s default unit</source>
        <translation>Optioneel: de standaardeenheid van de gebruiker</translation>
    </message>
    <message>
        <source>Re&amp;member the secret (looking for the vault…)</source>
        <translation>&amp;Geheim onthouden (wachtwoordkluis zoeken…)</translation>
    </message>
    <message>
        <source>&amp;Get token</source>
        <translation>&amp;Token ophalen</translation>
    </message>
    <message>
        <source>Log in to CRM.COM (Enter)</source>
        <translation>Aanmelden bij CRM.COM (Enter)</translation>
    </message>
    <message>
        <source>Canc&amp;el</source>
        <translation>Annu&amp;leren</translation>
    </message>
    <message>
        <source>Stop asking CRM.COM (Esc)</source>
        <translation>Stoppen met de aanvraag bij CRM.COM (Esc)</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>&amp;Kopiëren</translation>
    </message>
    <message>
        <source>Copy the token; the clipboard is cleared again shortly.</source>
        <translation>Het token kopiëren; het klembord wordt kort daarna weer gewist.</translation>
    </message>
    <message>
        <source>&amp;Renew automatically before it expires</source>
        <translation>Automatisch &amp;vernieuwen voordat het verloopt</translation>
    </message>
    <message>
        <source>Whose token</source>
        <translation>Eigenaar van het token</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbinding</translation>
    </message>
    <message>
        <source>Sign in to CRM.COM</source>
        <translation>Aanmelden bij CRM.COM</translation>
    </message>
</context>
<context>
    <name>CrmPanel</name>
    <message>
        <source>The token for {owner} was put away: the new login failed.</source>
        <translation>Het token voor {owner} is verwijderd: de nieuwe aanmelding is mislukt.</translation>
    </message>
    <message>
        <source>{status} {waited}</source>
        <translation>{status} {waited}</translation>
    </message>
    <message>
        <source>Token for {owner}.</source>
        <translation>Token voor {owner}.</translation>
    </message>
    <message>
        <source>Token copied. The clipboard is cleared again in {seconds} s.</source>
        <translation>Token gekopieerd. Het klembord wordt over {seconds} s weer gewist.</translation>
    </message>
    <message>
        <source>The token was removed from the clipboard.</source>
        <translation>Het token is van het klembord verwijderd.</translation>
    </message>
</context>
<context>
    <name>CrmSecrets</name>
    <message>
        <source>Re&amp;member the secret in {where}</source>
        <translation>&amp;Geheim onthouden in {where}</translation>
    </message>
    <message>
        <source>Secrets are not saved: this computer has no password vault.</source>
        <translation>Geheimen worden niet opgeslagen: deze computer heeft geen wachtwoordkluis.</translation>
    </message>
    <message>
        <source>The saved CRM.COM secrets of this organisation are removed.</source>
        <translation>De opgeslagen CRM.COM-geheimen van deze organisatie zijn verwijderd.</translation>
    </message>
    <message>
        <source>The saved CRM.COM secrets could not be removed.</source>
        <translation>De opgeslagen CRM.COM-geheimen kunnen niet worden verwijderd.</translation>
    </message>
    <message>
        <source>The {secret} is saved in {where}.</source>
        <translation>Opgeslagen in {where}: {secret}.</translation>
    </message>
    <message>
        <source>The {secret} was not saved: the vault refused it.</source>
        <translation>Niet opgeslagen, want de wachtwoordkluis heeft het geweigerd: {secret}.</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>memory only (demo mode)</source>
        <translation>het werkgeheugen (demomodus)</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchroniseren</translation>
    </message>
    <message>
        <source>Demo mode.</source>
        <translation>Demomodus.</translation>
    </message>
    <message>
        <source>A simulator on this computer stands in for ESWS, I3 and CRM.COM; nothing leaves this computer.</source>
        <translation>Een simulator op deze computer vervangt ESWS, I3 en CRM.COM; er verlaat niets deze computer.</translation>
    </message>
    <message>
        <source>The Demo profile is filled in: press {sync}.</source>
        <translation>Het profiel Demo is ingevuld: klik op {sync}.</translation>
    </message>
    <message>
        <source>Users: {users}. Locations: {locations}.</source>
        <translation>Gebruikers: {users}. Locaties: {locations}.</translation>
    </message>
    <message>
        <source>Change the password to see ESWS refuse it.</source>
        <translation>Wijzig het wachtwoord om te zien dat ESWS het weigert.</translation>
    </message>
    <message>
        <source>The CRM.COM tab&apos;s demo password is {password}.</source>
        <translation>Het demowachtwoord op het tabblad CRM.COM is {password}.</translation>
    </message>
    <message>
        <source>Demo mode: a simulator on this computer stands in for CRM.COM. The address, organisation and username are filled in: type the password {password} and press Get token. The access token identifier {identifier} with pass code {pass_code}, or the authentication code {code}, work too.</source>
        <translation>Demomodus: een simulator op deze computer vervangt CRM.COM. Het adres, de organisatie en de gebruikersnaam zijn ingevuld: typ het wachtwoord {password} en klik op Token ophalen. De toegangstoken-ID {identifier} met toegangscode {pass_code}, of de authenticatiecode {code}, werken ook.</translation>
    </message>
</context>
<context>
    <name>FailurePanel</name>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message>
        <source>The I3 page could not be opened</source>
        <translation>De I3-pagina kan niet worden geopend</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Opnieuw proberen</translation>
    </message>
    <message>
        <source>Back to the f&amp;orm</source>
        <translation>Te&amp;rug naar het formulier</translation>
    </message>
    <message>
        <source>Nothing was synchronised. The sync token is kept until you go back.</source>
        <translation>Er is niets gesynchroniseerd. Het synchronisatietoken blijft bewaard totdat u teruggaat.</translation>
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
        <translation>Wachten op ESWS</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Synchronisatiestatus</translation>
    </message>
    <message>
        <source>What the sync needs</source>
        <translation>Wat de synchronisatie nodig heeft</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Cancel the request</source>
        <translation>De aanvraag annuleren</translation>
    </message>
    <message>
        <source>Cancel the request (Esc)</source>
        <translation>De aanvraag annuleren (Esc)</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synchroniseren</translation>
    </message>
    <message>
        <source>Asking ESWS at {where} for a sync token… ({seconds} s)</source>
        <translation>Synchronisatietoken aanvragen bij ESWS op {where}… ({seconds} s)</translation>
    </message>
    <message>
        <source>Asking ESWS at {where} for a sync token…</source>
        <translation>Synchronisatietoken aanvragen bij ESWS op {where}…</translation>
    </message>
    <message>
        <source>To sync, complete: {fields}.</source>
        <translation>Vul in om te synchroniseren: {fields}.</translation>
    </message>
    <message>
        <source>Ready. Press Enter or Sync.</source>
        <translation>Gereed. Druk op Enter of klik op Synchroniseren.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>CRM.COM address</source>
        <translation>CRM.COM-adres</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>organisatie</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>eenheid</translation>
    </message>
    <message>
        <source>username</source>
        <translation>gebruikersnaam</translation>
    </message>
    <message>
        <source>password</source>
        <translation>wachtwoord</translation>
    </message>
    <message>
        <source>access token identifier</source>
        <translation>toegangstoken-ID</translation>
    </message>
    <message>
        <source>pass code</source>
        <translation>toegangscode</translation>
    </message>
    <message>
        <source>authentication code</source>
        <translation>authenticatiecode</translation>
    </message>
    <message>
        <source>cloud</source>
        <translation>cloud</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>WSDL</source>
        <translation>WSDL</translation>
    </message>
    <message>
        <source>other I3 addresses</source>
        <translation>andere I3-adressen</translation>
    </message>
    <message>
        <source>total sync page</source>
        <translation>pagina voor volledige synchronisatie</translation>
    </message>
    <message>
        <source>security code</source>
        <translation>beveiligingscode</translation>
    </message>
    <message>
        <source>admin username</source>
        <translation>gebruikersnaam beheerder</translation>
    </message>
    <message>
        <source>user id</source>
        <translation>gebruikers-ID</translation>
    </message>
    <message>
        <source>location id</source>
        <translation>locatie-ID</translation>
    </message>
    <message>
        <source>ESWS endpoint</source>
        <translation>ESWS-eindpunt</translation>
    </message>
    <message>
        <source>I3 address</source>
        <translation>I3-adres</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>profiel</translation>
    </message>
    <message>
        <source>list of other I3 addresses</source>
        <translation>lijst met andere I3-adressen</translation>
    </message>
</context>
<context>
    <name>FormSecrets</name>
    <message>
        <source>The security code is kept in {where} after a successful sync; the password only when this box is ticked.</source>
        <translation>De beveiligingscode wordt na een geslaagde synchronisatie bewaard in {where}; het wachtwoord alleen als dit vakje is ingeschakeld.</translation>
    </message>
    <message>
        <source>No password vault: nothing is remembered.</source>
        <translation>Geen wachtwoordkluis: er wordt niets onthouden.</translation>
    </message>
    <message>
        <source>The profile could not be saved.</source>
        <translation>Het profiel kan niet worden opgeslagen.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Gebruikershandleiding</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Logmap openen</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>&amp;Info over {app}</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Gebruikershandleiding</translation>
    </message>
    <message>
        <source>The user guide could not be opened on this computer. It is the README of {app}, which your IT department or the project&apos;s site can provide.</source>
        <translation>De gebruikershandleiding kan op deze computer niet worden geopend. Het is de README van {app}, die u kunt krijgen van uw IT-afdeling of via de website van het project.</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Interrupted on the command line.</source>
        <translation>Onderbroken op de opdrachtregel.</translation>
    </message>
    <message>
        <source>Failed inside I3 Sync; the log has the details.</source>
        <translation>Mislukt in I3 Sync; het logboek bevat de details.</translation>
    </message>
    <message>
        <source>Connection refused.</source>
        <translation>Verbinding geweigerd.</translation>
    </message>
    <message>
        <source>Host name could not be resolved.</source>
        <translation>Hostnaam kan niet worden omgezet.</translation>
    </message>
    <message>
        <source>No connection within the timeout.</source>
        <translation>Geen verbinding binnen de time-out.</translation>
    </message>
    <message>
        <source>No answer within the timeout.</source>
        <translation>Geen antwoord binnen de time-out.</translation>
    </message>
    <message>
        <source>TLS certificate or handshake failed.</source>
        <translation>TLS-certificaat of -handshake mislukt.</translation>
    </message>
    <message>
        <source>HTTP error.</source>
        <translation>HTTP-fout.</translation>
    </message>
    <message>
        <source>SOAP fault.</source>
        <translation>SOAP-fout.</translation>
    </message>
    <message>
        <source>Reply is not well-formed.</source>
        <translation>Antwoord is niet goed opgemaakt.</translation>
    </message>
    <message>
        <source>Reply is too large.</source>
        <translation>Antwoord is te groot.</translation>
    </message>
    <message>
        <source>Unexpected reply.</source>
        <translation>Onverwacht antwoord.</translation>
    </message>
    <message>
        <source>Network error.</source>
        <translation>Netwerkfout.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profiel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultaat</translation>
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
        <translation>Pagina</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>geweigerd</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <source>window</source>
        <translation>venster</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>opdrachtregel</translation>
    </message>
    <message>
        <source>one user</source>
        <translation>één gebruiker</translation>
    </message>
    <message>
        <source>all users</source>
        <translation>alle gebruikers</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>geladen</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>niet geladen</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Gebruikers-ID</translation>
    </message>
    <message>
        <source>Filter by user id</source>
        <translation>Filteren op gebruikers-ID</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation>&amp;Van</translation>
    </message>
    <message>
        <source>First day shown</source>
        <translation>Eerste weergegeven dag</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;tot</translation>
    </message>
    <message>
        <source>Last day shown</source>
        <translation>Laatste weergegeven dag</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profiel</translation>
    </message>
    <message>
        <source>O&amp;utcome</source>
        <translation>&amp;Resultaat</translation>
    </message>
    <message>
        <source>Sync history</source>
        <translation>Synchronisatiegeschiedenis</translation>
    </message>
    <message>
        <source>Entries found</source>
        <translation>Gevonden items</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>The sync history cannot be shown</source>
        <translation>De synchronisatiegeschiedenis kan niet worden weergegeven</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Wat er is gebeurd</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exporteren…</translation>
    </message>
    <message>
        <source>Sync &amp;again</source>
        <translation>&amp;Opnieuw synchroniseren</translation>
    </message>
    <message>
        <source>Fill the sync form with this entry; nothing is sent.</source>
        <translation>Het synchronisatieformulier invullen met dit item; er wordt niets verzonden.</translation>
    </message>
    <message>
        <source>The sync history cannot be shown: {problem}</source>
        <translation>De synchronisatiegeschiedenis kan niet worden weergegeven: {problem}</translation>
    </message>
    <message>
        <source>{entries} (newest {shown} shown)</source>
        <translation>{entries} (nieuwste {shown} weergegeven)</translation>
    </message>
    <message>
        <source>Export the sync history</source>
        <translation>Synchronisatiegeschiedenis exporteren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>The export failed: {problem}</source>
        <translation>Het exporteren is mislukt: {problem}</translation>
    </message>
    <message>
        <source>Exported {entries} to {file}.</source>
        <translation>{entries} geëxporteerd naar {file}.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>{count} entry</source>
        <translation>{count} item</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>{count} items</translation>
    </message>
</context>
<context>
    <name>Input</name>
    <message>
        <source>holds bytes that are not valid text in this system&apos;s encoding</source>
        <translation>bevat bytes die in de tekencodering van dit systeem geen geldige tekst zijn</translation>
    </message>
    <message>
        <source>must not contain control characters or line breaks</source>
        <translation>mag geen stuurtekens of regeleinden bevatten</translation>
    </message>
    <message>
        <source>must not contain bidirectional-text control characters</source>
        <translation>mag geen stuurtekens voor bidirectionele tekst bevatten</translation>
    </message>
    <message>
        <source>is longer than {count} characters</source>
        <translation>is langer dan {count} tekens</translation>
    </message>
    <message>
        <source>is not a valid address (check the host name, brackets and port)</source>
        <translation>is geen geldig adres (controleer de hostnaam, de haakjes en de poort)</translation>
    </message>
    <message>
        <source>has an invalid port number or a space</source>
        <translation>bevat een ongeldig poortnummer of een spatie</translation>
    </message>
    <message>
        <source>must be an http:// or https:// address, e.g. {example}</source>
        <translation>moet een http://- of https://-adres zijn, bijvoorbeeld {example}</translation>
    </message>
    <message>
        <source>must not contain a query, fragment or credentials</source>
        <translation>mag geen query, fragment of aanmeldingsgegevens bevatten</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>is vereist</translation>
    </message>
    <message>
        <source>is already taken: a profile with this name already exists</source>
        <translation>is al in gebruik: er bestaat al een profiel met deze naam</translation>
    </message>
    <message>
        <source>is the name of a profile your IT department manages: choose another</source>
        <translation>is de naam van een profiel dat door uw IT-afdeling wordt beheerd: kies een andere naam</translation>
    </message>
    <message>
        <source>is managed by your IT department: it cannot be changed or removed here</source>
        <translation>wordt beheerd door uw IT-afdeling: het kan hier niet worden gewijzigd of verwijderd</translation>
    </message>
    <message>
        <source>“{name}” is already taken: a profile with this name already exists</source>
        <translation>“{name}” is al in gebruik: er bestaat al een profiel met deze naam</translation>
    </message>
    <message>
        <source>“{name}” is the name of a profile your IT department manages: choose another</source>
        <translation>“{name}” is de naam van een profiel dat door uw IT-afdeling wordt beheerd: kies een andere naam</translation>
    </message>
    <message>
        <source>must be addresses such as https://i3.example.com</source>
        <translation>moet bestaan uit adressen zoals https://i3.example.com</translation>
    </message>
    <message>
        <source>holds an address that is not valid</source>
        <translation>bevat een adres dat niet geldig is</translation>
    </message>
    <message>
        <source>must be addresses without a path</source>
        <translation>moet bestaan uit adressen zonder pad</translation>
    </message>
    <message>
        <source>may list at most {count}</source>
        <translation>mag maximaal {count} adressen bevatten</translation>
    </message>
    <message>
        <source>must be written as https://host[:port]</source>
        <translation>moet worden geschreven als https://host[:poort]</translation>
    </message>
    <message>
        <source>must be a file path or an address, or left unset</source>
        <translation>moet een bestandspad of een adres zijn, of leeg blijven</translation>
    </message>
    <message>
        <source>must be one of {first} or {second}</source>
        <translation>moet {first} of {second} zijn</translation>
    </message>
    <message>
        <source>has an invalid profile id</source>
        <translation>heeft een ongeldige profiel-ID</translation>
    </message>
    <message>
        <source>must not start or end with a space</source>
        <translation>mag niet met een spatie beginnen of eindigen</translation>
    </message>
    <message>
        <source>must be at most {count} characters</source>
        <translation>mag maximaal {count} tekens lang zijn</translation>
    </message>
    <message>
        <source>must not contain control characters, line breaks or direction marks</source>
        <translation>mag geen stuurtekens, regeleinden of richtingsmarkeringen bevatten</translation>
    </message>
    <message>
        <source>is not a valid address</source>
        <translation>is geen geldig adres</translation>
    </message>
    <message>
        <source>is listed twice (the same profile id)</source>
        <translation>komt twee keer voor (dezelfde profiel-ID)</translation>
    </message>
    <message>
        <source>belongs to a profile that was deleted meanwhile</source>
        <translation>hoort bij een profiel dat inmiddels is verwijderd</translation>
    </message>
    <message>
        <source>names no saved profile</source>
        <translation>verwijst niet naar een opgeslagen profiel</translation>
    </message>
    <message>
        <source>is empty; paste the 32-character code from Identysoft</source>
        <translation>is leeg; plak de code van 32 tekens die u van Identysoft hebt gekregen</translation>
    </message>
    <message>
        <source>must be exactly {length} characters, got {count}</source>
        <translation>moet precies {length} tekens lang zijn, maar is {count} tekens lang</translation>
    </message>
    <message>
        <source>must be a whole number, or empty for none</source>
        <translation>moet een geheel getal zijn, of leeg blijven</translation>
    </message>
    <message>
        <source>is too large</source>
        <translation>is te groot</translation>
    </message>
    <message>
        <source>must be a positive number, or empty for none</source>
        <translation>moet een positief getal zijn, of leeg blijven</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>The language choice could not be saved.</source>
        <translation>De taalkeuze kan niet worden opgeslagen.</translation>
    </message>
    <message>
        <source>{app} is shown in {language}.</source>
        <translation>Taal van {app}: {language}.</translation>
    </message>
    <message>
        <source>{app} will be shown in {language} from its next start. Close and start it again to change the language now.</source>
        <translation>Vanaf de volgende start wordt {app} weergegeven in deze taal: {language}. Sluit het programma en start het opnieuw om de taal nu te wijzigen.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>This sync request was not opened.</source>
        <translation>Dit synchronisatieverzoek is niet geopend.</translation>
    </message>
    <message>
        <source>A sync is in progress; the request for {profile} was not opened.</source>
        <translation>Er loopt een synchronisatie; het verzoek voor {profile} is niet geopend.</translation>
    </message>
</context>
<context>
    <name>LoadingPanel</name>
    <message>
        <source>I3 is taking long to answer.</source>
        <translation>Het duurt lang voordat I3 antwoordt.</translation>
    </message>
    <message>
        <source>The I3 page at {host} did not answer within {seconds} s.</source>
        <translation>De I3-pagina op {host} heeft niet binnen {seconds} s geantwoord.</translation>
    </message>
    <message>
        <source>Time waited</source>
        <translation>Wachttijd</translation>
    </message>
    <message>
        <source>Why it may take long</source>
        <translation>Waarom het lang kan duren</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuleren</translation>
    </message>
    <message>
        <source>Stop waiting and go back to the form (Esc)</source>
        <translation>Stoppen met wachten en teruggaan naar het formulier (Esc)</translation>
    </message>
    <message>
        <source>Opening I3 at {host}…</source>
        <translation>I3 openen op {host}…</translation>
    </message>
    <message>
        <source>Waiting for I3&apos;s page: {seconds} s</source>
        <translation>Wachten op de pagina van I3: {seconds} s</translation>
    </message>
    <message>
        <source>Waiting for I3&apos;s page…</source>
        <translation>Wachten op de pagina van I3…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>I3 sync</source>
        <translation>I3-synchronisatie</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Manage profiles…</source>
        <translation>&amp;Profielen beheren…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>A sync is under way: try again once it has ended.</source>
        <translation>Er loopt een synchronisatie: probeer het opnieuw wanneer deze is voltooid.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Error code: {code}</source>
        <translation>Foutcode: {code}</translation>
    </message>
    <message>
        <source>This profile uses the EasyConnect cloud, so no local API Agent is needed: check this computer&apos;s internet connection, proxy and firewall.</source>
        <translation>Dit profiel gebruikt de EasyConnect-cloud, dus er is geen lokale API Agent nodig: controleer de internetverbinding, de proxy en de firewall van deze computer.</translation>
    </message>
    <message>
        <source>This computer must be on the same network as the company&apos;s API Agent / API Server (for example on site or over the VPN), unless the company uses the EasyConnect cloud.</source>
        <translation>Deze computer moet in hetzelfde netwerk zitten als de API Agent / API Server van het bedrijf (bijvoorbeeld op locatie of via de VPN), tenzij het bedrijf de EasyConnect-cloud gebruikt.</translation>
    </message>
    <message>
        <source>Nothing answered at that address. Check the ESWS address in the profile (Manage profiles).</source>
        <translation>Er reageerde niets op dat adres. Controleer het ESWS-adres in het profiel (Profielen beheren).</translation>
    </message>
    <message>
        <source>The server&apos;s name could not be found. Check the ESWS address in the profile and this computer&apos;s network connection.</source>
        <translation>De naam van de server is niet gevonden. Controleer het ESWS-adres in het profiel en de netwerkverbinding van deze computer.</translation>
    </message>
    <message>
        <source>No connection could be made in time. Check the network, VPN or proxy, then try again.</source>
        <translation>Er kon niet op tijd verbinding worden gemaakt. Controleer het netwerk, de VPN of de proxy en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The server accepted the request but did not answer. Try again in a moment.</source>
        <translation>De server heeft de aanvraag geaccepteerd, maar niet geantwoord. Probeer het zo meteen opnieuw.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted by this computer. Ask your IT department to check it.</source>
        <translation>Deze computer vertrouwt het certificaat van de server niet. Vraag uw IT-afdeling om het te controleren.</translation>
    </message>
    <message>
        <source>Check that the ESWS address in the profile is the one Identysoft gave you.</source>
        <translation>Controleer of het ESWS-adres in het profiel het adres is dat u van Identysoft hebt gekregen.</translation>
    </message>
    <message>
        <source>The server reported an internal fault. Try again; if it persists, contact Identysoft with the time of the attempt.</source>
        <translation>De server meldde een interne fout. Probeer het opnieuw; als het probleem blijft, neem dan contact op met Identysoft en vermeld het tijdstip van de poging.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s network connection, then try again.</source>
        <translation>Controleer de netwerkverbinding van deze computer en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Could not reach ESWS at {where}</source>
        <translation>ESWS op {where} kan niet worden bereikt</translation>
    </message>
    <message>
        <source>Could not find the server {where}</source>
        <translation>De server {where} is niet gevonden</translation>
    </message>
    <message>
        <source>Could not reach ESWS at {where} in time</source>
        <translation>ESWS op {where} kan niet op tijd worden bereikt</translation>
    </message>
    <message>
        <source>The secure connection to {where} failed</source>
        <translation>De beveiligde verbinding met {where} is mislukt</translation>
    </message>
    <message>
        <source>The server at {where} answered with an error</source>
        <translation>De server op {where} antwoordde met een fout</translation>
    </message>
    <message>
        <source>ESWS at {where} reported an error</source>
        <translation>ESWS op {where} meldde een fout</translation>
    </message>
    <message>
        <source>The answer from {where} could not be read</source>
        <translation>Het antwoord van {where} kan niet worden gelezen</translation>
    </message>
    <message>
        <source>The answer from {where} was far too large</source>
        <translation>Het antwoord van {where} was veel te groot</translation>
    </message>
    <message>
        <source>The answer from {where} was not what I3 sends</source>
        <translation>Het antwoord van {where} is niet wat I3 verzendt</translation>
    </message>
    <message>
        <source>The security code is missing</source>
        <translation>De beveiligingscode ontbreekt</translation>
    </message>
    <message>
        <source>No company has this security code</source>
        <translation>Geen enkel bedrijf heeft deze beveiligingscode</translation>
    </message>
    <message>
        <source>The admin username is missing</source>
        <translation>De gebruikersnaam beheerder ontbreekt</translation>
    </message>
    <message>
        <source>The password is missing</source>
        <translation>Het wachtwoord ontbreekt</translation>
    </message>
    <message>
        <source>The user id is missing</source>
        <translation>De gebruikers-ID ontbreekt</translation>
    </message>
    <message>
        <source>The username or password is not correct</source>
        <translation>De gebruikersnaam of het wachtwoord is onjuist</translation>
    </message>
    <message>
        <source>I3 has no user with this id</source>
        <translation>I3 heeft geen gebruiker met deze ID</translation>
    </message>
    <message>
        <source>Could not reach {where}</source>
        <translation>{where} kan niet worden bereikt</translation>
    </message>
    <message>
        <source>I3 refused the request</source>
        <translation>I3 heeft de aanvraag geweigerd</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <source>No token was used and no sync was started.</source>
        <translation>Er is geen token gebruikt en geen synchronisatie gestart.</translation>
    </message>
    <message>
        <source>No answer within {seconds} from ESWS at {where}</source>
        <translation>Geen antwoord binnen {seconds} van ESWS op {where}</translation>
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
        <translation>Wordt de API Agent / API Server uitgevoerd en is deze bereikbaar vanaf deze computer?</translation>
    </message>
    <message>
        <source>Check the {field}: {problem}.</source>
        <translation>Controleer het veld {field}: {problem}.</translation>
    </message>
    <message>
        <source>The sync could not start.</source>
        <translation>De synchronisatie kan niet worden gestart.</translation>
    </message>
    <message>
        <source>Something went wrong inside I3 Sync Desktop.</source>
        <translation>Er is iets misgegaan in I3 Sync Desktop.</translation>
    </message>
    <message>
        <source>({name}) The details are in the log file; please send it to support.</source>
        <translation>({name}) De details staan in het logbestand; stuur dit naar de ondersteuning.</translation>
    </message>
    <message>
        <source>Was a space pasted at the start or end?</source>
        <translation>Is er aan het begin of einde een spatie geplakt?</translation>
    </message>
    <message>
        <source>The {field} {problem}.</source>
        <translation>Het veld {field} {problem}.</translation>
    </message>
    <message>
        <source>The I3 page at {host} could not be opened ({reason}).</source>
        <translation>De I3-pagina op {host} kan niet worden geopend ({reason}).</translation>
    </message>
</context>
<context>
    <name>PopupWindow</name>
    <message>
        <source>Window opened by the I3 page</source>
        <translation>Venster geopend door de I3-pagina</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>{path} (as in the ESWS reference)</source>
        <translation>{path} (zoals in de ESWS-referentie)</translation>
    </message>
    <message>
        <source>Ad&amp;vanced</source>
        <translation>Ge&amp;avanceerd</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Geavanceerde instellingen</translation>
    </message>
    <message>
        <source>Show or hide the settings only IT should change</source>
        <translation>De instellingen die alleen IT mag wijzigen weergeven of verbergen</translation>
    </message>
    <message>
        <source>Other I3 addresses</source>
        <translation>Andere I3-adressen</translation>
    </message>
    <message>
        <source>e.g. {address}</source>
        <translation>bijv. {address}</translation>
    </message>
    <message>
        <source>Total-sync page</source>
        <translation>Pagina voor volledige synchronisatie</translation>
    </message>
    <message>
        <source>WSDL</source>
        <translation>WSDL</translation>
    </message>
    <message>
        <source>Bundled (leave empty)</source>
        <translation>Meegeleverd (leeg laten)</translation>
    </message>
    <message>
        <source>Only change these when Identysoft or your IT department asks you to.</source>
        <translation>Wijzig deze alleen als Identysoft of uw IT-afdeling u daarom vraagt.</translation>
    </message>
    <message>
        <source>Ot&amp;her I3 addresses:</source>
        <translation>Ande&amp;re I3-adressen:</translation>
    </message>
    <message>
        <source>Further I3 addresses its sync page may move to (separate with spaces or commas). The I3 address above is always allowed.</source>
        <translation>Andere I3-adressen waarnaar de synchronisatiepagina mag navigeren (scheiden met spaties of komma&apos;s). Het I3-adres hierboven is altijd toegestaan.</translation>
    </message>
    <message>
        <source>&amp;Total-sync page:</source>
        <translation>Pagina voor volle&amp;dige synchronisatie:</translation>
    </message>
    <message>
        <source>How I3 spells the page that synchronises all users.</source>
        <translation>Hoe I3 de pagina schrijft die alle gebruikers synchroniseert.</translation>
    </message>
    <message>
        <source>&amp;WSDL:</source>
        <translation>&amp;WSDL:</translation>
    </message>
    <message>
        <source>Only if Identysoft asks you to use another WSDL.</source>
        <translation>Alleen als Identysoft u vraagt een andere WSDL te gebruiken.</translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation>Verbindingsprofielen</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <source>Discard the changes to this profile?</source>
        <translation>Wijzigingen in dit profiel negeren?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Wijzigingen negeren</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Doorgaan met bewerken</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Profiel verwijderen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profielnaam</translation>
    </message>
    <message>
        <source>e.g. Head office</source>
        <translation>bijv. Hoofdkantoor</translation>
    </message>
    <message>
        <source>ESWS endpoint</source>
        <translation>ESWS-eindpunt</translation>
    </message>
    <message>
        <source>I3 address</source>
        <translation>I3-adres</translation>
    </message>
    <message>
        <source>Admin username</source>
        <translation>Gebruikersnaam beheerder</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optioneel</translation>
    </message>
    <message>
        <source>&amp;Remember the password on this computer</source>
        <translation>Wachtwoord op deze computer ont&amp;houden</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>Wachtwoord op deze computer onthouden</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Naa&amp;m:</translation>
    </message>
    <message>
        <source>ESWS end&amp;point:</source>
        <translation>ESWS-&amp;eindpunt:</translation>
    </message>
    <message>
        <source>&amp;I3 address:</source>
        <translation>&amp;I3-adres:</translation>
    </message>
    <message>
        <source>Admin &amp;username:</source>
        <translation>&amp;Gebruikersnaam beheerder:</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Verbinding:</translation>
    </message>
    <message>
        <source>Managed by your IT department</source>
        <translation>Beheerd door uw IT-afdeling</translation>
    </message>
    <message>
        <source>Not encrypted: with http:// to another computer, the admin password (ESWS endpoint) and the one-time sync link (I3 address) can be read on the network. Use https:// unless the server is on this computer.</source>
        <translation>Niet versleuteld: met http:// naar een andere computer kunnen het wachtwoord van de beheerder (ESWS-eindpunt) en de eenmalige synchronisatiekoppeling (I3-adres) op het netwerk worden gelezen. Gebruik https://, tenzij de server op deze computer staat.</translation>
    </message>
    <message>
        <source>Not encrypted: with http:// to another computer, the admin password (ESWS endpoint) can be read on the network. Use https:// unless the server is on this computer.</source>
        <translation>Niet versleuteld: met http:// naar een andere computer kan het wachtwoord van de beheerder (ESWS-eindpunt) op het netwerk worden gelezen. Gebruik https://, tenzij de server op deze computer staat.</translation>
    </message>
    <message>
        <source>Not encrypted: with http:// to another computer, the one-time sync link (I3 address) can be read on the network. Use https:// unless the server is on this computer.</source>
        <translation>Niet versleuteld: met http:// naar een andere computer kan de eenmalige synchronisatiekoppeling (I3-adres) op het netwerk worden gelezen. Gebruik https://, tenzij de server op deze computer staat.</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Opgeslagen profielen</translation>
    </message>
    <message>
        <source>{name} (managed)</source>
        <translation>{name} (beheerd)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nieuw</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Saved pro&amp;files:</source>
        <translation>Opgeslagen pro&amp;fielen:</translation>
    </message>
    <message>
        <source>&amp;On-premise (API Agent / API Server)</source>
        <translation>&amp;On-premise (API Agent / API Server)</translation>
    </message>
    <message>
        <source>&amp;EasyConnect cloud</source>
        <translation>EasyConnect-&amp;cloud</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbinding</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>Toe&amp;passen</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Nieuw profiel</translation>
    </message>
    <message>
        <source>New profile {number}</source>
        <translation>Nieuw profiel {number}</translation>
    </message>
    <message>
        <source>Delete the profile “{name}”? Its saved security code and password are removed from this computer too.</source>
        <translation>Het profiel “{name}” verwijderen? De opgeslagen beveiligingscode en het opgeslagen wachtwoord worden ook van deze computer verwijderd.</translation>
    </message>
    <message>
        <source>Managed by your IT department: only the admin username and “Remember the password” can be changed here.</source>
        <translation>Beheerd door uw IT-afdeling: hier kunnen alleen de gebruikersnaam beheerder en “Wachtwoord op deze computer onthouden” worden gewijzigd.</translation>
    </message>
    <message>
        <source>No password vault is available on this computer, so secrets are not kept.</source>
        <translation>Er is geen wachtwoordkluis beschikbaar op deze computer, dus geheimen worden niet bewaard.</translation>
    </message>
    <message>
        <source>The profile could not be saved to {path} ({reason}).</source>
        <translation>Het profiel kan niet worden opgeslagen in {path} ({reason}).</translation>
    </message>
    <message>
        <source>The profile could not be deleted ({reason}).</source>
        <translation>Het profiel kan niet worden verwijderd ({reason}).</translation>
    </message>
</context>
<context>
    <name>ProfileFile</name>
    <message>
        <source>its {value} is not text</source>
        <translation>de waarde {value} is geen tekst</translation>
    </message>
    <message>
        <source>its {value} is not 0 or 1</source>
        <translation>de waarde {value} is niet 0 of 1</translation>
    </message>
    <message>
        <source>it has no {value}</source>
        <translation>de waarde {value} ontbreekt</translation>
    </message>
    <message>
        <source>its {value} {problem}</source>
        <translation>de waarde {value} {problem}</translation>
    </message>
    <message>
        <source>another managed profile has the same name</source>
        <translation>een ander beheerd profiel heeft dezelfde naam</translation>
    </message>
    <message>
        <source>The profile {name} set by your IT department (registry policy) could not be used ({reason}); it is left out.</source>
        <translation>Het profiel {name} dat door uw IT-afdeling is ingesteld (registerbeleid), kan niet worden gebruikt ({reason}); het wordt weggelaten.</translation>
    </message>
    <message>
        <source>The profile {name} your IT department provides in {path} could not be used ({reason}); it is left out.</source>
        <translation>Het profiel {name} dat uw IT-afdeling beschikbaar stelt in {path}, kan niet worden gebruikt ({reason}); het wordt weggelaten.</translation>
    </message>
    <message>
        <source>The profiles your IT department provides in {path} could not be read ({reason}); they are left out.</source>
        <translation>De profielen die uw IT-afdeling beschikbaar stelt in {path}, kunnen niet worden gelezen ({reason}); ze worden weggelaten.</translation>
    </message>
    <message>
        <source>The profile “{name}” in {path} is left out: the registry policy sets a profile with the same name.</source>
        <translation>Het profiel “{name}” in {path} wordt weggelaten: het registerbeleid stelt een profiel met dezelfde naam in.</translation>
    </message>
    <message>
        <source>Your profile “{name}” has the name of a profile your IT department manages; the managed one is shown, yours is kept in the file as it is.</source>
        <translation>Uw profiel “{name}” heeft de naam van een profiel dat door uw IT-afdeling wordt beheerd; het beheerde profiel wordt weergegeven, uw profiel blijft ongewijzigd in het bestand bewaard.</translation>
    </message>
    <message>
        <source>Your saved profiles could not be read ({error}); the file {path} is left as it was. Profiles start empty.</source>
        <translation>Uw opgeslagen profielen kunnen niet worden gelezen ({error}); het bestand {path} blijft ongewijzigd. U begint zonder profielen.</translation>
    </message>
    <message>
        <source>Your saved profiles could not be read ({reason}), and the file {path} could not be moved aside; it is left as it was. Profiles start empty.</source>
        <translation>Uw opgeslagen profielen kunnen niet worden gelezen ({reason}), en het bestand {path} kan niet opzij worden gezet; het blijft ongewijzigd. U begint zonder profielen.</translation>
    </message>
    <message>
        <source>Your saved profiles could not be read ({reason}). The file was kept as {moved}; profiles start empty.</source>
        <translation>Uw opgeslagen profielen kunnen niet worden gelezen ({reason}). Het bestand is bewaard als {moved}; u begint zonder profielen.</translation>
    </message>
    <message>
        <source>The profiles your IT department manages could not be read ({error}).</source>
        <translation>De profielen die door uw IT-afdeling worden beheerd, kunnen niet worden gelezen ({error}).</translation>
    </message>
    <message>
        <source>The saved profile {name} could not be used ({reason}) and was set aside; it stays in {path} as it was.</source>
        <translation>Het opgeslagen profiel {name} kan niet worden gebruikt ({reason}) en is opzijgezet; het blijft ongewijzigd in {path} staan.</translation>
    </message>
    <message>
        <source>Your profiles file was written by a newer version of I3 Sync (format {version}); settings this version does not know are kept as they are when it saves.</source>
        <translation>Uw profielbestand is geschreven door een nieuwere versie van I3 Sync (indeling {version}); instellingen die deze versie niet kent, blijven bij het opslaan ongewijzigd bewaard.</translation>
    </message>
    <message>
        <source>its {field} {problem}</source>
        <translation>het veld {field} {problem}</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>het is een map, geen bestand</translation>
    </message>
    <message>
        <source>it could not be opened ({error})</source>
        <translation>het kan niet worden geopend ({error})</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>“{name}”</translation>
    </message>
    <message>
        <source>number {number}</source>
        <translation>nummer {number}</translation>
    </message>
    <message>
        <source>it is too large</source>
        <translation>het is te groot</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>het is geen UTF-8-tekst</translation>
    </message>
    <message>
        <source>it is not valid JSON</source>
        <translation>het is geen geldige JSON</translation>
    </message>
    <message>
        <source>it does not hold a profiles object</source>
        <translation>het bevat geen profielenobject</translation>
    </message>
    <message>
        <source>it has no valid version number</source>
        <translation>het heeft geen geldig versienummer</translation>
    </message>
    <message>
        <source>its profiles are not a list</source>
        <translation>de profielen zijn geen lijst</translation>
    </message>
    <message>
        <source>it could not be read</source>
        <translation>het kan niet worden gelezen</translation>
    </message>
    <message>
        <source>it is not an object</source>
        <translation>het is geen object</translation>
    </message>
    <message>
        <source>another profile has the same name</source>
        <translation>een ander profiel heeft dezelfde naam</translation>
    </message>
    <message>
        <source>another profile has the same id</source>
        <translation>een ander profiel heeft dezelfde ID</translation>
    </message>
    <message>
        <source>its {value} is not true or false</source>
        <translation>de waarde {value} is geen true of false</translation>
    </message>
    <message>
        <source>it has no name</source>
        <translation>het heeft geen naam</translation>
    </message>
    <message>
        <source>its id is not valid</source>
        <translation>de ID is ongeldig</translation>
    </message>
    <message>
        <source>its {value} is not a list of addresses</source>
        <translation>de waarde {value} is geen lijst met adressen</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>I3 received no security code. Enter the 32-character company security code.</source>
        <translation>I3 heeft geen beveiligingscode ontvangen. Voer de beveiligingscode van 32 tekens van het bedrijf in.</translation>
    </message>
    <message>
        <source>Check the security code Identysoft gave you, character for character, and that the profile&apos;s ESWS address is your company&apos;s.</source>
        <translation>Controleer teken voor teken de beveiligingscode die u van Identysoft hebt gekregen, en of het ESWS-adres in het profiel dat van uw bedrijf is.</translation>
    </message>
    <message>
        <source>I3 received no admin username. Enter the username of an I3 administrator.</source>
        <translation>I3 heeft geen gebruikersnaam beheerder ontvangen. Voer de gebruikersnaam van een I3-beheerder in.</translation>
    </message>
    <message>
        <source>I3 received no password. Enter the I3 administrator&apos;s password.</source>
        <translation>I3 heeft geen wachtwoord ontvangen. Voer het wachtwoord van de I3-beheerder in.</translation>
    </message>
    <message>
        <source>I3 received no user id. Enter the I3 id of the person to synchronise.</source>
        <translation>I3 heeft geen gebruikers-ID ontvangen. Voer de I3-ID in van de persoon die u wilt synchroniseren.</translation>
    </message>
    <message>
        <source>The admin username and password do not match an I3 administrator of this company. Check both (passwords are case-sensitive).</source>
        <translation>De gebruikersnaam beheerder en het wachtwoord komen niet overeen met een I3-beheerder van dit bedrijf. Controleer beide (wachtwoorden zijn hoofdlettergevoelig).</translation>
    </message>
    <message>
        <source>Check the person&apos;s user id in I3.</source>
        <translation>Controleer de gebruikers-ID van de persoon in I3.</translation>
    </message>
    <message>
        <source>I3 refused with a message this version does not know. Check the security code, the admin username and password, and the user id; if they are right, ask Identysoft what it means.</source>
        <translation>I3 weigerde met een melding die deze versie niet kent. Controleer de beveiligingscode, de gebruikersnaam beheerder, het wachtwoord en de gebruikers-ID; als die kloppen, vraag Identysoft dan wat de melding betekent.</translation>
    </message>
</context>
<context>
    <name>Sandbox</name>
    <message>
        <source>The embedded browser cannot start: {app} is running as root (administrator).</source>
        <translation>De ingesloten browser kan niet starten: {app} wordt uitgevoerd als root (beheerder).</translation>
    </message>
    <message>
        <source>Chromium, which shows I3&apos;s page, refuses to run as root with its sandbox switched on. Start {app} as your normal user account. Only if you must run it as root, and trust the I3 server, start it with the environment variable {variable}=1.</source>
        <translation>Chromium, dat de pagina van I3 weergeeft, weigert als root te worden uitgevoerd met de sandbox ingeschakeld. Start {app} met uw normale gebruikersaccount. Alleen als u het als root moet uitvoeren en de I3-server vertrouwt, start u het met de omgevingsvariabele {variable}=1.</translation>
    </message>
</context>
<context>
    <name>SyncForm</name>
    <message>
        <source>The profile is not chosen: choose one, or create a profile with Manage profiles.</source>
        <translation>Er is geen profiel gekozen: kies een profiel of maak er een met Profielen beheren.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Weergeven</translation>
    </message>
    <message>
        <source>Hide the security code</source>
        <translation>De beveiligingscode verbergen</translation>
    </message>
    <message>
        <source>Show the security code</source>
        <translation>De beveiligingscode weergeven</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profiel</translation>
    </message>
    <message>
        <source>No profile yet</source>
        <translation>Nog geen profiel</translation>
    </message>
    <message>
        <source>&amp;Manage profiles…</source>
        <translation>Profielen behe&amp;ren…</translation>
    </message>
    <message>
        <source>Create, edit or delete connection profiles (Ctrl+P)</source>
        <translation>Verbindingsprofielen maken, bewerken of verwijderen (Ctrl+P)</translation>
    </message>
    <message>
        <source>Security code</source>
        <translation>Beveiligingscode</translation>
    </message>
    <message>
        <source>32 characters</source>
        <translation>32 tekens</translation>
    </message>
    <message>
        <source>Admin username</source>
        <translation>Gebruikersnaam beheerder</translation>
    </message>
    <message>
        <source>I3 administrator</source>
        <translation>I3-beheerder</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>&amp;Remember the password on this computer</source>
        <translation>Wachtwoord op deze computer &amp;onthouden</translation>
    </message>
    <message>
        <source>&amp;One user</source>
        <translation>Eé&amp;n gebruiker</translation>
    </message>
    <message>
        <source>A&amp;ll users</source>
        <translation>&amp;Alle gebruikers</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Gebruikers-ID</translation>
    </message>
    <message>
        <source>I3 id of the person, e.g. 42</source>
        <translation>I3-ID van de persoon, bijv. 42</translation>
    </message>
    <message>
        <source>Location id</source>
        <translation>Locatie-ID</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optioneel</translation>
    </message>
    <message>
        <source>With a location, the sync starts by itself when the page opens; without one, you choose the location on the page.</source>
        <translation>Met een locatie start de synchronisatie vanzelf wanneer de pagina wordt geopend; zonder locatie kiest u de locatie op de pagina.</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profiel:</translation>
    </message>
    <message>
        <source>Security &amp;code:</source>
        <translation>Beveiligings&amp;code:</translation>
    </message>
    <message>
        <source>&amp;Admin username:</source>
        <translation>&amp;Gebruikersnaam beheerder:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>Synchronise:</source>
        <translation>Synchroniseren:</translation>
    </message>
    <message>
        <source>&amp;User id:</source>
        <translation>Gebr&amp;uikers-ID:</translation>
    </message>
    <message>
        <source>Loca&amp;tion id:</source>
        <translation>&amp;Locatie-ID:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbinding</translation>
    </message>
    <message>
        <source>Sign in to ESWS</source>
        <translation>Aanmelden bij ESWS</translation>
    </message>
    <message>
        <source>What to synchronise</source>
        <translation>Wat u wilt synchroniseren</translation>
    </message>
</context>
<context>
    <name>SyncOutcome</name>
    <message>
        <source>Note: the {fields} contains characters that I3 cannot store (above U+00FF), which ESWS receives as “?”.</source>
        <translation>Let op: het veld {fields} bevat tekens die I3 niet kan opslaan (boven U+00FF) en die ESWS ontvangt als “?”.</translation>
    </message>
    <message>
        <source>Ready to synchronise all users with profile “{profile}”.</source>
        <translation>Klaar om alle gebruikers te synchroniseren met profiel “{profile}”.</translation>
    </message>
    <message>
        <source>Ready to synchronise user {user} at location {location} with profile “{profile}”.</source>
        <translation>Klaar om gebruiker {user} op locatie {location} te synchroniseren met profiel “{profile}”.</translation>
    </message>
    <message>
        <source>Ready to synchronise user {user} with profile “{profile}”.</source>
        <translation>Klaar om gebruiker {user} te synchroniseren met profiel “{profile}”.</translation>
    </message>
    <message>
        <source>Check the form and press Sync to continue.</source>
        <translation>Controleer het formulier en klik op Synchroniseren om door te gaan.</translation>
    </message>
    <message>
        <source>Complete the form and press Sync to continue.</source>
        <translation>Vul het formulier aan en klik op Synchroniseren om door te gaan.</translation>
    </message>
    <message>
        <source>There is no profile named “{name}”.</source>
        <translation>Er is geen profiel met de naam “{name}”.</translation>
    </message>
    <message>
        <source>Nothing was selected. Choose the profile to use, or create one named “{name}” with Manage profiles.</source>
        <translation>Er is niets geselecteerd. Kies het profiel dat u wilt gebruiken, of maak met Profielen beheren een profiel met de naam “{name}”.</translation>
    </message>
</context>
<context>
    <name>SyncTab</name>
    <message>
        <source>Create a profile to say where ESWS and I3 are.</source>
        <translation>Maak een profiel om aan te geven waar ESWS en I3 zich bevinden.</translation>
    </message>
    <message>
        <source>ESWS at {esws} · I3 at {i3} · EasyConnect cloud</source>
        <translation>ESWS op {esws} · I3 op {i3} · EasyConnect-cloud</translation>
    </message>
    <message>
        <source>ESWS at {esws} · I3 at {i3} · on-premise API Agent / API Server</source>
        <translation>ESWS op {esws} · I3 op {i3} · on-premise API Agent / API Server</translation>
    </message>
    <message>
        <source>No password vault is available on this computer.</source>
        <translation>Er is geen wachtwoordkluis beschikbaar op deze computer.</translation>
    </message>
    <message>
        <source>The security code and password cannot be remembered: you will type them for each sync.</source>
        <translation>De beveiligingscode en het wachtwoord kunnen niet worden onthouden: u moet ze bij elke synchronisatie typen.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <source>Save a file from {host}?</source>
        <translation>Een bestand van {host} opslaan?</translation>
    </message>
    <message>
        <source>Saving &lt;b&gt;{file}&lt;/b&gt;…</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; opslaan…</translation>
    </message>
    <message>
        <source>Saved &lt;b&gt;{file}&lt;/b&gt; in {folder}.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; is opgeslagen in {folder}.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Map openen</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt; was not saved.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; is niet opgeslagen.</translation>
    </message>
    <message>
        <source>← &amp;Back to form</source>
        <translation>← Terug naar &amp;formulier</translation>
    </message>
    <message>
        <source>Back to the form (Alt+Left)</source>
        <translation>Terug naar het formulier (Alt+Pijl-links)</translation>
    </message>
    <message>
        <source>Page title</source>
        <translation>Paginatitel</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Load the I3 page again (F5, Ctrl+R)</source>
        <translation>De I3-pagina opnieuw laden (F5, Ctrl+R)</translation>
    </message>
    <message>
        <source>Page loading</source>
        <translation>Pagina wordt geladen</translation>
    </message>
    <message>
        <source>I3 sync page</source>
        <translation>I3-synchronisatiepagina</translation>
    </message>
    <message>
        <source>Opening I3 at {host}…</source>
        <translation>I3 openen op {host}…</translation>
    </message>
    <message>
        <source>Getting a new sync token…</source>
        <translation>Nieuw synchronisatietoken ophalen…</translation>
    </message>
    <message>
        <source>The I3 page could not be opened</source>
        <translation>De I3-pagina kan niet worden geopend</translation>
    </message>
    <message>
        <source>The I3 page at {host} was not opened: its security certificate is not trusted.</source>
        <translation>De I3-pagina op {host} is niet geopend: het beveiligingscertificaat wordt niet vertrouwd.</translation>
    </message>
    <message>
        <source>{description} This can mean the connection is being intercepted. Nothing was sent. Ask your IT department to check the certificate of this address.</source>
        <translation>{description} Dit kan betekenen dat de verbinding wordt onderschept. Er is niets verzonden. Vraag uw IT-afdeling om het certificaat van dit adres te controleren.</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Openen in browser</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>A link to &lt;b&gt;{host}&lt;/b&gt; was not opened here: only I3&apos;s own pages open in this window. If it is one of I3&apos;s own addresses, add it to the profile&apos;s other I3 addresses (Manage profiles).</source>
        <translation>Een koppeling naar &lt;b&gt;{host}&lt;/b&gt; is hier niet geopend: alleen de eigen pagina&apos;s van I3 worden in dit venster geopend. Als het een eigen adres van I3 is, voegt u het toe aan de andere I3-adressen van het profiel (Profielen beheren).</translation>
    </message>
    <message>
        <source>Blocked a link to {host}</source>
        <translation>Koppeling naar {host} geblokkeerd</translation>
    </message>
</context>
<context>
    <name>Vault</name>
    <message>
        <source>nowhere: no password vault is available on this computer</source>
        <translation>nergens, want er is geen wachtwoordkluis beschikbaar op deze computer</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Referentiebeheer</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS-sleutelhanger</translation>
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
        <translation>Welkom bij {app}</translation>
    </message>
    <message>
        <source>To synchronise people with I3, first say where your ESWS server and your I3 site are: that is a connection profile. You create it once; the security code and password are asked for when you sync.</source>
        <translation>Als u personen met I3 wilt synchroniseren, geeft u eerst aan waar uw ESWS-server en uw I3-site zich bevinden: dat is een verbindingsprofiel. U maakt het één keer; de beveiligingscode en het wachtwoord worden gevraagd wanneer u synchroniseert.</translation>
    </message>
    <message>
        <source>&amp;Create connection profile…</source>
        <translation>&amp;Verbindingsprofiel maken…</translation>
    </message>
    <message>
        <source>You can add more profiles later with Manage profiles.</source>
        <translation>U kunt later meer profielen toevoegen met Profielen beheren.</translation>
    </message>
</context>
</TS>
