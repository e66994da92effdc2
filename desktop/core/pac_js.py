"""The functions a PAC script may call (Netscape's list and Microsoft's IPv6 "Ex" additions),
written in JavaScript so that they run inside the time-limited engine.

The ``quickjs`` package refuses calls from JavaScript into Python while a time limit is set, so
nothing here calls out. DNS is answered from a table that :mod:`desktop.core.pac` fills in:
a look-up the table cannot answer yet is listed in ``__missing`` and answered ``null`` (the
script is then run again with the answer in the table, as Chromium's resolver does), so DNS
happens in Python, bounded, and never while JavaScript holds the engine.
"""

from __future__ import annotations

import json

MY_IP = "myIpAddress"
MY_IPS = "myIpAddressEx"
ONE = "dnsResolve:"
ALL = "dnsResolveEx:"


def helpers_with(answers: dict[str, str | None]) -> str:
    """The helper library, with DNS ``answers`` known so far (key → address(es) or ``None``)."""
    return f"var __dns = {json.dumps(answers)};\nvar __missing = [];\n{HELPERS}"


HELPERS = r"""
function __lookup(key) {
  if (Object.prototype.hasOwnProperty.call(__dns, key)) return __dns[key];
  if (__missing.indexOf(key) < 0) __missing.push(key);
  return null;
}
function dnsResolve(host) { return __lookup("dnsResolve:" + String(host).toLowerCase()); }
function dnsResolveEx(host) {
  var found = __lookup("dnsResolveEx:" + String(host).toLowerCase());
  return found === null ? "" : found;
}
function isResolvable(host) { return dnsResolve(host) !== null; }
function isResolvableEx(host) { return dnsResolveEx(host) !== ""; }
function myIpAddress() { var ip = __lookup("myIpAddress"); return ip === null ? "127.0.0.1" : ip; }
function myIpAddressEx() { var ip = __lookup("myIpAddressEx"); return ip === null ? "" : ip; }
function getClientVersion() { return "1.0"; }
function alert(message) { }

function isPlainHostName(host) {
  host = String(host);
  return host.indexOf(".") < 0 && host.indexOf(":") < 0;
}
function dnsDomainIs(host, domain) {
  host = String(host).toLowerCase(); domain = String(domain).toLowerCase();
  return host.length >= domain.length && host.substring(host.length - domain.length) === domain;
}
function localHostOrDomainIs(host, hostdom) {
  host = String(host).toLowerCase(); hostdom = String(hostdom).toLowerCase();
  if (host === hostdom) return true;
  return host.indexOf(".") < 0 && hostdom.indexOf(host + ".") === 0;
}
function dnsDomainLevels(host) { return String(host).split(".").length - 1; }
function shExpMatch(str, pattern) {
  var source = String(pattern).replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp("^" + source + "$").test(String(str));
}

function __ipv4(text) {
  var m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(String(text));
  if (!m) return null;
  var n = 0;
  for (var i = 1; i <= 4; i++) {
    var b = Number(m[i]);
    if (b > 255) return null;
    n = n * 256 + b;
  }
  return n;
}
function convert_addr(ipchars) { var n = __ipv4(ipchars); return n === null ? 0 : n; }
function __inNet(address, net, mask) {
  return ((address & mask) >>> 0) === ((net & mask) >>> 0);
}
function isInNet(host, pattern, mask) {
  var address = __ipv4(host);
  if (address === null) {
    var resolved = dnsResolve(host);
    address = resolved === null ? null : __ipv4(resolved);
  }
  var net = __ipv4(pattern), bits = __ipv4(mask);
  if (address === null || net === null || bits === null) return false;
  return __inNet(address, net, bits);
}
function isInNetEx(host, prefix) {
  var parts = String(prefix).split("/");
  var net = __ipv4(parts[0]), length = parts.length === 2 ? Number(parts[1]) : NaN;
  if (net === null || !(length >= 0 && length <= 32)) return false;
  var mask = length === 0 ? 0 : (0xFFFFFFFF << (32 - length)) >>> 0;
  var candidates = __ipv4(host) !== null ? [String(host)] : dnsResolveEx(host).split(";");
  for (var i = 0; i < candidates.length; i++) {
    var address = __ipv4(candidates[i]);
    if (address !== null && __inNet(address, net, mask)) return true;
  }
  return false;
}
function sortIpAddressList(list) {
  var items = String(list).split(";");
  var v4 = items.filter(function (a) { return __ipv4(a) !== null; });
  var other = items.filter(function (a) { return __ipv4(a) === null && a !== ""; });
  v4.sort(function (a, b) { return __ipv4(a) - __ipv4(b); });
  return other.sort().concat(v4).join(";");
}

var __DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
var __MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
function __args(list) {
  var args = Array.prototype.slice.call(list);
  var gmt = args.length > 0 && String(args[args.length - 1]).toUpperCase() === "GMT";
  if (gmt) args.pop();
  return { args: args, now: new Date(), gmt: gmt };
}
function __within(value, start, end) {
  return start <= end ? value >= start && value <= end : value >= start || value <= end;
}
function weekdayRange() {
  var c = __args(arguments);
  var today = c.gmt ? c.now.getUTCDay() : c.now.getDay();
  var first = __DAYS.indexOf(String(c.args[0]).toUpperCase());
  if (first < 0) return false;
  if (c.args.length < 2) return today === first;
  var last = __DAYS.indexOf(String(c.args[1]).toUpperCase());
  return last >= 0 && __within(today, first, last);
}
function timeRange() {
  var c = __args(arguments), a = c.args.map(Number), n = c.now;
  var now = c.gmt
    ? n.getUTCHours() * 3600 + n.getUTCMinutes() * 60 + n.getUTCSeconds()
    : n.getHours() * 3600 + n.getMinutes() * 60 + n.getSeconds();
  var start, end;
  if (a.length === 1) { start = a[0] * 3600; end = start + 3599; }
  else if (a.length === 2) { start = a[0] * 3600; end = a[1] * 3600 - 1; }
  else if (a.length === 4) { start = a[0] * 3600 + a[1] * 60; end = a[2] * 3600 + a[3] * 60 + 59; }
  else if (a.length === 6) {
    start = a[0] * 3600 + a[1] * 60 + a[2]; end = a[3] * 3600 + a[4] * 60 + a[5];
  } else return false;
  if (isNaN(start) || isNaN(end)) return false;
  return __within(now, start, end);
}
function dateRange() {
  var c = __args(arguments), n = c.now;
  var today = {
    day: c.gmt ? n.getUTCDate() : n.getDate(),
    month: c.gmt ? n.getUTCMonth() : n.getMonth(),
    year: c.gmt ? n.getUTCFullYear() : n.getFullYear()
  };
  var parts = c.args.map(function (value) {
    var month = __MONTHS.indexOf(String(value).toUpperCase());
    if (month >= 0) return { kind: "month", value: month };
    var number = Number(value);
    if (isNaN(number)) return null;
    return number > 31 ? { kind: "year", value: number } : { kind: "day", value: number };
  });
  if (parts.length === 0 || parts.indexOf(null) >= 0) return false;
  var half = parts.length === 1 ? 1 : parts.length / 2;
  if (parts.length > 1 && parts.length % 2 !== 0) return false;
  var kinds = parts.slice(0, half).map(function (p) { return p.kind; });
  function key(fields, source) {
    var k = 0, names = ["year", "month", "day"], scale = [10000, 100, 1];
    for (var i = 0; i < names.length; i++) {
      var at = fields.indexOf(names[i]);
      if (at >= 0) k += source(at, names[i]) * scale[i];
    }
    return k;
  }
  var now = key(kinds, function (at, name) { return today[name]; });
  var start = key(kinds, function (at) { return parts[at].value; });
  if (parts.length === 1) return now === start;
  var end = key(kinds, function (at) { return parts[half + at].value; });
  return __within(now, start, end);
}
"""
