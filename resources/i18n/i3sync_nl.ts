<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
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
</TS>
