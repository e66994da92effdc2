<?php
/*
 * ESWS stand-in for the I3 Sync Desktop integration tests.
 *
 * A real NuSOAP 0.9.5 rpc/encoded service (namespace "uen:esws") that mirrors the
 * vendor's ESWS operations Esws.getSyncToken and Esws.getTotalSyncToken, including
 * the vendor's error strings and their order. It is started by tests/nusoap_server.py
 * (`php -S`), which copies this file into a temporary document root next to a copy of
 * Debian's libnusoap-php patched for PHP 8 (PHP-4 style constructors renamed to
 * __construct; without that, PHP 8 never runs them and the parser silently yields no
 * parameters).
 *
 * Environment (set by the helper; defaults are the helper's temp dir layout):
 *   ESWS_NUSOAP_LIB   path of the patched nusoap.php      (../nusoap/nusoap.php)
 *   ESWS_SEED_FILE    JSON seed written from tests/esws_seed.py (../esws-seed.json)
 *   ESWS_CALLS_FILE   JSON-lines call log, one line per SOAP call (../esws-calls.jsonl)
 *
 * Encoding: NuSOAP's default decode_utf8=true is kept (that is what the vendor runs).
 * A request whose Content-Type says charset=UTF-8 is parsed by PHP's XML parser to
 * UTF-8 and then utf8_decode()d, so the PHP method receives ISO-8859-1 bytes and every
 * character above U+00FF arrives as "?". Without a charset in the Content-Type NuSOAP
 * assumes ISO-8859-1 and the XML parser converts to it directly (same result; the
 * body's own XML declaration, or UTF-8 without one, decides how it is read). A charset
 * other than ISO-8859-1/US-ASCII/UTF-8 (or "charset=utf-8; action=..." with a trailing
 * parameter) makes NuSOAP pick US-ASCII, and then an XML declaration saying UTF-8 is a
 * fault ("Charset from HTTP Content-Type 'US-ASCII' does not match ...").
 * The seed (UTF-8 JSON) is therefore converted the same way (U+0100 and above -> "?",
 * then ISO-8859-1) before comparing, and the call log converts received strings back
 * from ISO-8859-1 to UTF-8.
 *
 * How NuSOAP 0.9.5 (server side, PHP 8.2) hands p_locationID to the method, found
 * empirically (pinned by tests/integration/test_nusoap_server.py). NuSOAP does NOT use
 * the registered WSDL types to decode a request: only the request's own xsi:type counts,
 * and of that only the local name (any prefix, even an undeclared-namespace one, works):
 *   <p_locationID xsi:type="xsd:string"></p_locationID>  -> string ""
 *   <p_locationID/>  or  <p_locationID></p_locationID>   -> string ""  (no xsi:type)
 *   <p_locationID>17</p_locationID>  (no xsi:type)       -> string "17" (zeep sends this)
 *   <p_locationID xsi:type="xsd:string">17</p_locationID> -> string "17"
 *   <p_locationID xsi:type="xsd:int">17</p_locationID>   -> int 17
 *   <p_locationID xsi:type="xsd:int"></p_locationID>     -> int 0 (also for <.../> and "abc")
 *   <p_locationID xsi:nil="true"/>                        -> NULL (with or without a type)
 *   element missing entirely                             -> absent from the parameter list:
 *       the method gets its PHP default (here ''); a PHP 8 method without a default would
 *       die with ArgumentCountError (HTTP 500, empty body).
 * Parameters are passed to the method POSITIONALLY in document order
 * (call_user_func_array(array_values(...))): NuSOAP ignores element names, so a missing
 * or reordered element shifts the values after it; extra elements are ignored. The
 * request's namespace is not checked either (the reply echoes whatever namespace the
 * request used). Requests must be Content-Type text/xml (SOAP 1.1); application/soap+xml
 * gets a fault "Operation '' is not defined in the WSDL for this service".
 */

ini_set('display_errors', '0');

$esws_lib = getenv('ESWS_NUSOAP_LIB') ?: __DIR__ . '/../nusoap/nusoap.php';
require_once $esws_lib;

/** utf8_decode() semantics without its PHP 8.2 deprecation: U+0100.. -> '?', then Latin-1. */
function esws_to_latin1($utf8)
{
    $utf8 = (string) $utf8;
    $narrowed = preg_replace('/[^\x{0}-\x{FF}]/u', '?', $utf8);
    if ($narrowed === null) {
        return $utf8; // not valid UTF-8: leave as is
    }
    return iconv('UTF-8', 'ISO-8859-1', $narrowed);
}

/** ISO-8859-1 bytes (what NuSOAP hands the methods) back to UTF-8 for the call log. */
function esws_to_utf8($value)
{
    if (is_string($value)) {
        return iconv('ISO-8859-1', 'UTF-8', $value);
    }
    if (is_array($value)) {
        $out = array();
        foreach ($value as $k => $v) {
            $out[is_string($k) ? esws_to_utf8($k) : $k] = esws_to_utf8($v);
        }
        return $out;
    }
    return $value;
}

class Esws
{
    /** The companies of tests/esws_seed.py; all comparisons are exact (case, spaces). */
    private static function seed()
    {
        static $seed = null;
        if ($seed === null) {
            $file = getenv('ESWS_SEED_FILE') ?: __DIR__ . '/../esws-seed.json';
            $seed = json_decode(file_get_contents($file), true, 512, JSON_THROW_ON_ERROR);
        }
        return $seed;
    }

    private static function findCompany($companyID)
    {
        foreach (self::seed()['companies'] as $company) {
            if (esws_to_latin1($company['code']) === $companyID) {
                return $company;
            }
        }
        return null;
    }

    private static function adminMatches($company, $username, $password)
    {
        foreach ($company['admins'] as $admin) {
            if (esws_to_latin1($admin['username']) === $username
                && esws_to_latin1($admin['password']) === $password) {
                return true;
            }
        }
        return false;
    }

    private static function userExists($company, $userId)
    {
        foreach ($company['users'] as $user) {
            if (esws_to_latin1((string) $user) === $userId) {
                return true;
            }
        }
        return false;
    }

    private static function isBlank($value)
    {
        // Only a truly empty value counts as "not provided" ("0" and " " do not).
        return $value === null || (string) $value === '';
    }

    /** Shared checks, in the vendor's documented order. Returns an error string or null. */
    private static function check($companyID, $username, $password, $userId, $withUser, &$company)
    {
        if (self::isBlank($companyID)) {
            return 'ERROR_NO_SECURITY_HASH';
        }
        $company = self::findCompany((string) $companyID);
        if ($company === null) {
            return 'ERROR_UNKNOWN_SECURITY_HASH';
        }
        if (self::isBlank($username)) {
            return 'NO USERNAME PROVIDED';
        }
        if (self::isBlank($password)) {
            return 'NO PASSWORD PROVIDED';
        }
        if ($withUser && self::isBlank($userId)) {
            return 'NO USERID PROVIDED';
        }
        if (!self::adminMatches($company, (string) $username, (string) $password)) {
            return 'NO ADMIN FOUND BASED ON USERNAME AND PASSWORD';
        }
        if ($withUser && !self::userExists($company, (string) $userId)) {
            return 'NO USER FOUND BASED ON THE ID PROVIDED';
        }
        return null;
    }

    private static function newToken()
    {
        return bin2hex(random_bytes(64)); // 128 lowercase hex characters
    }

    private static function record($operation, $signature, $args, $result, $company)
    {
        global $server;
        $file = getenv('ESWS_CALLS_FILE') ?: __DIR__ . '/../esws-calls.jsonl';
        $received = (isset($server) && is_array($server->methodparams)) ? $server->methodparams : array();
        $params = array();
        foreach ($signature as $i => $name) {
            $present = array_key_exists($name, $received);
            $raw = $present ? $received[$name] : null;
            $params[$name] = array(
                'present' => $present,
                'raw' => esws_to_utf8($raw),
                'type' => $present ? gettype($raw) : null,
            );
        }
        $named_args = array();
        foreach ($signature as $i => $name) {
            $named_args[$name] = esws_to_utf8($args[$i]);
        }
        $line = array(
            'time' => microtime(true),
            'operation' => $operation,
            'method' => isset($server) ? $server->methodname : null,
            'args' => $named_args,
            'arg_types' => array_combine($signature, array_map('gettype', $args)),
            'params' => $params,
            'received_names' => array_map('esws_to_utf8', array_keys($received)),
            'result' => $result,
            'company' => $company === null ? null : $company['name'],
            'soap_action' => isset($server) ? $server->SOAPAction : null,
            'content_type' => isset($server->headers['content-type']) ? $server->headers['content-type'] : null,
            'xml_encoding' => isset($server) ? $server->xml_encoding : null,
            'request' => esws_to_utf8_raw($GLOBALS['esws_request_body'] ?? ''),
        );
        file_put_contents(
            $file,
            json_encode($line, JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE) . "\n",
            FILE_APPEND | LOCK_EX
        );
    }

    public function getSyncToken($p_companyID = '', $p_adminUsername = '', $p_adminPassword = '', $p_userId = '', $p_locationID = '')
    {
        // Extra arguments (more elements than parameters) are ignored, as PHP does.
        $args = array_slice(array_pad(func_get_args(), 5, ''), 0, 5);
        $company = null;
        $error = self::check($p_companyID, $p_adminUsername, $p_adminPassword, $p_userId, true, $company);
        $result = $error === null ? self::newToken() : $error;
        self::record(
            'getSyncToken',
            array('p_companyID', 'p_adminUsername', 'p_adminPassword', 'p_userId', 'p_locationID'),
            $args,
            $result,
            $company
        );
        return $result;
    }

    public function getTotalSyncToken($p_companyID = '', $p_adminUsername = '', $p_adminPassword = '')
    {
        $args = array_slice(array_pad(func_get_args(), 3, ''), 0, 3);
        $company = null;
        $error = self::check($p_companyID, $p_adminUsername, $p_adminPassword, null, false, $company);
        $result = $error === null ? self::newToken() : $error;
        self::record(
            'getTotalSyncToken',
            array('p_companyID', 'p_adminUsername', 'p_adminPassword'),
            $args,
            $result,
            $company
        );
        return $result;
    }
}

/** The raw request as received: UTF-8 bodies are kept, anything else is read as Latin-1. */
function esws_to_utf8_raw($body)
{
    if (preg_match('//u', $body) === 1) {
        return $body;
    }
    return iconv('ISO-8859-1', 'UTF-8', $body);
}

$server = new soap_server();
$server->configureWSDL('esws', 'uen:esws');

$server->register(
    'Esws.getSyncToken',
    array(
        'p_companyID' => 'xsd:string',
        'p_adminUsername' => 'xsd:string',
        'p_adminPassword' => 'xsd:string',
        'p_userId' => 'xsd:string',
        'p_locationID' => 'xsd:int',
    ),
    array('return' => 'xsd:string'),
    'uen:esws',
    'uen:esws#getSyncToken',
    'rpc',
    'encoded',
    'Returns a token for a one-user sync (I3 users/oneSyncUserLogin/<token>).'
);

$server->register(
    'Esws.getTotalSyncToken',
    array(
        'p_companyID' => 'xsd:string',
        'p_adminUsername' => 'xsd:string',
        'p_adminPassword' => 'xsd:string',
    ),
    array('return' => 'xsd:string'),
    'uen:esws',
    'uen:esws#getTotalSyncToken',
    'rpc',
    'encoded',
    'Returns a token for a multi-user sync (I3 users/totalSyncUsersLogin/<token>).'
);

$esws_request_body = file_get_contents('php://input');
$server->service($esws_request_body);
