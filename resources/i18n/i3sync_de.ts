<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
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
</TS>
