"""Watching a window from outside its process: when it is mapped, and when its content is painted.

Used by ``bench/gui_ratios.py --outside`` under ``Xvfb`` (Linux). Talks to the X server through
libX11 (ctypes, no extra package), so that nothing in the watched process helps the measurement:

* ``mapped``: the first top-level window at least 300 x 300 pixels is mapped (a ``MapNotify`` on
  the root window; no polling);
* ``painted``: that window's pixels, read back from the server (``XGetImage``), are no longer one
  colour. Xvfb runs with ``-br`` (a black root) and no window manager or compositor, so what the
  server holds is what a screen would show: the window's content once the process has drawn it.

The painted check polls every ``POLL_SECONDS`` (1 ms of the watcher's time per poll for a
900 x 780 window here), so the figure is late by at most one poll.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import select
import time

POLL_SECONDS = 0.004
MIN_SIDE = 300
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
MAP_NOTIFY = 19
Z_PIXMAP = 2
ALL_PLANES = ctypes.c_ulong(0xFFFFFFFF)


class _MapEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    ]


class _Event(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", _MapEvent), ("pad", ctypes.c_long * 24)]


class _Attributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("rest", ctypes.c_char * 256),  # the fields after these four are not read
    ]


class _Image(ctypes.Structure):
    _fields_ = [
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("xoffset", ctypes.c_int),
        ("format", ctypes.c_int),
        ("data", ctypes.POINTER(ctypes.c_char)),
        ("byte_order", ctypes.c_int),
        ("bitmap_unit", ctypes.c_int),
        ("bitmap_bit_order", ctypes.c_int),
        ("bitmap_pad", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("bytes_per_line", ctypes.c_int),
        ("bits_per_pixel", ctypes.c_int),
    ]


def _xlib() -> ctypes.CDLL:
    lib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
    lib.XConnectionNumber.argtypes = [ctypes.c_void_p]
    lib.XPending.argtypes = [ctypes.c_void_p]
    lib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_Event)]
    lib.XFlush.argtypes = [ctypes.c_void_p]
    lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.XGetWindowAttributes.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.POINTER(_Attributes),
    ]
    lib.XGetImage.restype = ctypes.POINTER(_Image)
    lib.XGetImage.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_uint,
        ctypes.c_uint,
        ctypes.c_ulong,
        ctypes.c_int,
    ]
    lib.XFree.argtypes = [ctypes.c_void_p]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    lib.XSetErrorHandler.restype = ctypes.c_void_p
    return lib


_ERROR_HANDLER_TYPE = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


def _ignore(display: int, event: int) -> int:
    return 0  # a window gone between its MapNotify and our read (BadWindow, BadMatch)


_ignore_x_errors = _ERROR_HANDLER_TYPE(_ignore)


class Watcher:
    """One connection to ``display`` (``":97"``), watching for the next big window to appear."""

    def __init__(self, display: str) -> None:
        self._x = _xlib()
        self._x.XSetErrorHandler(_ignore_x_errors)
        self._display = self._x.XOpenDisplay(display.encode())
        if not self._display:
            raise RuntimeError(f"cannot open X display {display}")
        self._root = self._x.XDefaultRootWindow(self._display)
        self._x.XSelectInput(self._display, self._root, SUBSTRUCTURE_NOTIFY_MASK)
        self._x.XSync(self._display, 1)  # subscribed, and no event from before kept

    def close(self) -> None:
        self._x.XCloseDisplay(self._display)

    def _size(self, window: int) -> tuple[int, int]:
        attributes = _Attributes()
        if not self._x.XGetWindowAttributes(self._display, window, ctypes.byref(attributes)):
            return 0, 0
        return attributes.width, attributes.height

    def wait_mapped(self, deadline: float) -> tuple[int, float]:
        """The next mapped top-level window of at least MIN_SIDE pixels, and when it was seen."""
        event = _Event()
        fd = self._x.XConnectionNumber(self._display)
        while time.monotonic() < deadline:
            while self._x.XPending(self._display):
                self._x.XNextEvent(self._display, ctypes.byref(event))
                if event.type == MAP_NOTIFY and not event.xmap.override_redirect:
                    seen = time.monotonic()
                    window = event.xmap.window
                    width, height = self._size(window)
                    if width >= MIN_SIDE and height >= MIN_SIDE:
                        return window, seen
            select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        raise TimeoutError("no window was mapped")

    def painted(self, window: int) -> bool | None:
        """True once the window's pixels are not all one colour; None if it is gone."""
        width, height = self._size(window)
        if not width:
            return None
        image = self._x.XGetImage(self._display, window, 0, 0, width, height, ALL_PLANES, Z_PIXMAP)
        if not image:
            return None
        try:
            row = image.contents.bytes_per_line
            data = ctypes.string_at(image.contents.data, row * image.contents.height)
        finally:
            self._x.XFree(image.contents.data)
            self._x.XFree(image)
        first = data[:4]
        return data.count(first) * 4 < len(data)  # not one pixel repeated everywhere

    def wait_painted(self, window: int, deadline: float) -> float:
        """When the window was first seen painted."""
        while time.monotonic() < deadline:
            state = self.painted(window)
            if state is None:
                raise RuntimeError("the window went away before it was painted")
            if state:
                return time.monotonic()
            time.sleep(POLL_SECONDS)
        raise TimeoutError("the window was never painted")
