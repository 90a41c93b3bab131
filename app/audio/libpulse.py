"""One PulseAudio playback stream through libpulse itself (ctypes), for what Qt cannot do.

Qt's sink cannot take queued sound back, so its queue must stay short. libpulse can
(``pa_stream_flush``): a stream here may hold a second of sound and still drop it at a pause.
Its clock is the server's (``pa_stream_get_time``: the time of the sample being heard, the
sink's latency included), which runs on through a flush and through an underrun.

With ``prebuf`` 0 the server never waits for data: when the queue runs dry (a feeder held up)
it plays silence and its read index moves on at the sink's rate, and sound written late to
what has already been played is dropped. A gap therefore costs the sound of its own length but
never delays later sound, which stays on its samples.

Works with PulseAudio and with PipeWire's pulse layer (libpulse.so.0 talks to either).
Every call takes the threaded main loop's lock, as libpulse requires.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
from collections.abc import Callable
from typing import Any

SAMPLE_S16LE = 3
_CONTEXT_READY, _CONTEXT_FAILED, _CONTEXT_TERMINATED = 4, 5, 6
_STREAM_READY, _STREAM_FAILED, _STREAM_TERMINATED = 2, 3, 4
_OPERATION_RUNNING = 0
_INTERPOLATE_TIMING = 0x2
_AUTO_TIMING_UPDATE = 0x8
_FIX_RATE = 0x80  # the sink's own rate: the server does not resample
_SEEK_ABSOLUTE = 1
_NO_AUTOSPAWN = 0x1  # never start a sound server of our own
_NO_VALUE = 0xFFFFFFFF  # (uint32_t) -1: "the server's default"
CONNECT_TIMEOUT_S = 5.0


class PulseError(RuntimeError):
    """libpulse is missing, the server cannot be reached, or the stream failed."""


class _SampleSpec(ctypes.Structure):
    _fields_ = (("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8))


class _BufferAttr(ctypes.Structure):
    _fields_ = (
        ("maxlength", ctypes.c_uint32),
        ("tlength", ctypes.c_uint32),
        ("prebuf", ctypes.c_uint32),
        ("minreq", ctypes.c_uint32),
        ("fragsize", ctypes.c_uint32),
    )


class _TimingInfo(ctypes.Structure):
    _fields_ = (
        ("tv_sec", ctypes.c_long),
        ("tv_usec", ctypes.c_long),
        ("synchronized_clocks", ctypes.c_int),
        ("sink_usec", ctypes.c_uint64),
        ("source_usec", ctypes.c_uint64),
        ("transport_usec", ctypes.c_uint64),
        ("playing", ctypes.c_int),
        ("write_index_corrupt", ctypes.c_int),
        ("write_index", ctypes.c_int64),
        ("read_index_corrupt", ctypes.c_int),
        ("read_index", ctypes.c_int64),
        ("configured_sink_usec", ctypes.c_uint64),
        ("configured_source_usec", ctypes.c_uint64),
        ("since_underrun", ctypes.c_int64),
    )


_NOTIFY = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)
_SUCCESS = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)

_SIGNATURES: dict[str, tuple[Any, tuple[Any, ...]]] = {
    "pa_threaded_mainloop_new": (ctypes.c_void_p, ()),
    "pa_threaded_mainloop_start": (ctypes.c_int, (ctypes.c_void_p,)),
    "pa_threaded_mainloop_stop": (None, (ctypes.c_void_p,)),
    "pa_threaded_mainloop_free": (None, (ctypes.c_void_p,)),
    "pa_threaded_mainloop_lock": (None, (ctypes.c_void_p,)),
    "pa_threaded_mainloop_unlock": (None, (ctypes.c_void_p,)),
    "pa_threaded_mainloop_wait": (None, (ctypes.c_void_p,)),
    "pa_threaded_mainloop_signal": (None, (ctypes.c_void_p, ctypes.c_int)),
    "pa_threaded_mainloop_get_api": (ctypes.c_void_p, (ctypes.c_void_p,)),
    "pa_context_new": (ctypes.c_void_p, (ctypes.c_void_p, ctypes.c_char_p)),
    "pa_context_connect": (
        ctypes.c_int,
        (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_void_p),
    ),
    "pa_context_set_state_callback": (None, (ctypes.c_void_p, _NOTIFY, ctypes.c_void_p)),
    "pa_context_get_state": (ctypes.c_int, (ctypes.c_void_p,)),
    "pa_context_errno": (ctypes.c_int, (ctypes.c_void_p,)),
    "pa_context_disconnect": (None, (ctypes.c_void_p,)),
    "pa_context_unref": (None, (ctypes.c_void_p,)),
    "pa_strerror": (ctypes.c_char_p, (ctypes.c_int,)),
    "pa_stream_new": (
        ctypes.c_void_p,
        (ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(_SampleSpec), ctypes.c_void_p),
    ),
    "pa_stream_connect_playback": (
        ctypes.c_int,
        (
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.POINTER(_BufferAttr),
            ctypes.c_int,
            ctypes.c_void_p,
            ctypes.c_void_p,
        ),
    ),
    "pa_stream_set_state_callback": (None, (ctypes.c_void_p, _NOTIFY, ctypes.c_void_p)),
    "pa_stream_set_underflow_callback": (None, (ctypes.c_void_p, _NOTIFY, ctypes.c_void_p)),
    "pa_stream_get_state": (ctypes.c_int, (ctypes.c_void_p,)),
    "pa_stream_get_sample_spec": (ctypes.POINTER(_SampleSpec), (ctypes.c_void_p,)),
    "pa_stream_write": (
        ctypes.c_int,
        (
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_void_p,
            ctypes.c_int64,
            ctypes.c_int,
        ),
    ),
    "pa_stream_flush": (ctypes.c_void_p, (ctypes.c_void_p, _SUCCESS, ctypes.c_void_p)),
    "pa_stream_update_timing_info": (
        ctypes.c_void_p,
        (ctypes.c_void_p, _SUCCESS, ctypes.c_void_p),
    ),
    "pa_stream_get_timing_info": (ctypes.POINTER(_TimingInfo), (ctypes.c_void_p,)),
    "pa_stream_get_time": (ctypes.c_int, (ctypes.c_void_p, ctypes.POINTER(ctypes.c_uint64))),
    "pa_stream_disconnect": (ctypes.c_int, (ctypes.c_void_p,)),
    "pa_stream_unref": (None, (ctypes.c_void_p,)),
    "pa_operation_get_state": (ctypes.c_int, (ctypes.c_void_p,)),
    "pa_operation_unref": (None, (ctypes.c_void_p,)),
}

_library: ctypes.CDLL | None = None


def load_libpulse() -> ctypes.CDLL:
    """libpulse with the signatures used here; PulseError if it is not installed."""
    global _library  # noqa: PLW0603 (loaded once per process)
    if _library is not None:
        return _library
    name = ctypes.util.find_library("pulse") or "libpulse.so.0"
    try:
        library = ctypes.CDLL(name)
        for function, (restype, argtypes) in _SIGNATURES.items():
            call = getattr(library, function)
            call.restype, call.argtypes = restype, argtypes
    except (OSError, AttributeError) as error:
        raise PulseError(f"libpulse cannot be loaded ({error})") from None
    _library = library
    return library


SINK_LATENCY_S = 0.04
"""The sink latency the stream asks for: how long after the sink takes a frame from the queue
it is heard. Low, so that writing over the queue reaches the sound quickly; the queue itself
stays deep."""


def _buffer_attr(rate: int, queue_s: float) -> _BufferAttr:
    """A queue ``queue_s`` deep (``tlength``), played by a sink ``SINK_LATENCY_S`` behind.

    Without PA_STREAM_ADJUST_LATENCY the server runs the sink ``tlength - 2 * minreq`` behind
    (protocol-native's fix_playback_buffer_attr): with the default ``minreq`` that is half the
    queue, and a second of sound taken by the sink could only be won back by rewinding it. A
    ``minreq`` just under half the queue keeps the sink close (what ``flush`` reads back as
    ``sink_latency_frames``, and a sink that was idle may first play out one long block from
    before); this stream writes on its own
    schedule and never waits for the server's requests, which ``minreq`` sizes.
    """
    depth = round(queue_s * rate) * 2
    request = max(2, (depth - round(SINK_LATENCY_S * rate) * 2) // 4 * 2)
    return _BufferAttr(_NO_VALUE, depth, 0, request, _NO_VALUE)


class PulseStream:
    """A mono 16-bit playback stream to the default sink, ``queue_s`` of sound deep, at the
    sink's own rate (``rate``; ``rate`` asked is only the first guess).

    Frames are counted from the stream's start. ``write`` appends at the write index;
    ``played_frames`` is the frame being heard (the server's clock); ``flush`` drops what is
    queued and returns the frame the next write will land on; ``underflows`` counts the times
    the queue ran dry.
    """

    def __init__(self, rate: int, queue_s: float, *, name: str = "Tempo Trainer") -> None:
        self.rate = rate
        self.underflows = 0
        self.sink_latency_frames = 0
        """Frames between the one the sink takes from the queue and the one heard (``flush``)."""
        self._pa = load_libpulse()
        self._loop: int | None = None
        self._context: int | None = None
        self._stream: int | None = None
        # Callbacks are kept referenced for as long as libpulse may call them.
        self._on_state = _NOTIFY(self._signal)
        self._on_underflow = _NOTIFY(self._count_underflow)
        self._on_done = _SUCCESS(self._signal_done)
        self._closing = threading.Event()
        try:
            self._connect(name, queue_s)
        except PulseError:
            self.close()
            raise

    # --- the stream -----------------------------------------------------------------------

    def write(self, frame: int, data: bytes) -> None:
        """Put ``data`` at stream frame ``frame``, over whatever was queued there. What lands
        before the frame being read is dropped by the server."""
        with self._locked():
            if self._pa.pa_stream_write(
                self._stream, data, len(data), None, frame * 2, _SEEK_ABSOLUTE
            ):
                raise PulseError(f"writing to the stream failed: {self._error()}")

    def played_frames(self) -> int:
        """The frame of the stream being heard now (interpolated between server reports)."""
        usec = ctypes.c_uint64(0)
        with self._locked():
            if self._pa.pa_stream_get_time(self._stream, ctypes.byref(usec)):
                return 0  # no timing report yet: nothing played
        return usec.value * self.rate // 1_000_000

    def flush(self) -> int:
        """Drop every frame queued and not yet taken by the sink; the first frame a write can
        still reach (the sink's read position). Sets ``sink_latency_frames``."""
        with self._locked():
            self._wait_for(self._pa.pa_stream_flush(self._stream, self._on_done, None))
            self._wait_for(self._pa.pa_stream_update_timing_info(self._stream, self._on_done, None))
            info = self._pa.pa_stream_get_timing_info(self._stream)
            if not info:
                return 0
            timing = info.contents
            # The latency the sink was set to for this stream, not its passing level: a sink
            # that was idle may still be playing out one long block from before.
            self.sink_latency_frames = timing.configured_sink_usec * self.rate // 1_000_000
            index = int(max(timing.write_index, timing.read_index))
        return max(0, index) // 2

    @property
    def alive(self) -> bool:
        with self._locked():
            return bool(self._pa.pa_stream_get_state(self._stream) == _STREAM_READY)

    def close(self) -> None:
        """Disconnect and free everything; safe to call twice."""
        self._closing.set()
        pa, loop = self._pa, self._loop
        if loop is None:
            return
        pa.pa_threaded_mainloop_lock(loop)
        if self._stream is not None:
            pa.pa_stream_disconnect(self._stream)
            pa.pa_stream_unref(self._stream)
            self._stream = None
        if self._context is not None:
            pa.pa_context_disconnect(self._context)
            pa.pa_context_unref(self._context)
            self._context = None
        pa.pa_threaded_mainloop_unlock(loop)
        pa.pa_threaded_mainloop_stop(loop)
        pa.pa_threaded_mainloop_free(loop)
        self._loop = None

    # --- connecting -----------------------------------------------------------------------

    def _connect(self, name: str, queue_s: float) -> None:
        pa = self._pa
        self._loop = pa.pa_threaded_mainloop_new()
        if not self._loop:
            raise PulseError("libpulse could not make its main loop")
        api = pa.pa_threaded_mainloop_get_api(self._loop)
        self._context = pa.pa_context_new(api, name.encode())
        pa.pa_context_set_state_callback(self._context, self._on_state, None)
        if pa.pa_context_connect(self._context, None, _NO_AUTOSPAWN, None) < 0:
            raise PulseError(f"no sound server: {self._error()}")
        if pa.pa_threaded_mainloop_start(self._loop) < 0:
            raise PulseError("libpulse could not start its main loop")
        with self._locked():
            self._wait_until(
                lambda: pa.pa_context_get_state(self._context),
                _CONTEXT_READY,
                (_CONTEXT_FAILED, _CONTEXT_TERMINATED),
                "the sound server refused the connection",
            )
            spec = _SampleSpec(SAMPLE_S16LE, self.rate, 1)
            self._stream = pa.pa_stream_new(self._context, b"cues", ctypes.byref(spec), None)
            if not self._stream:
                raise PulseError(f"the server refused the stream: {self._error()}")
            pa.pa_stream_set_state_callback(self._stream, self._on_state, None)
            pa.pa_stream_set_underflow_callback(self._stream, self._on_underflow, None)
            attr = _buffer_attr(self.rate, queue_s)
            flags = _INTERPOLATE_TIMING | _AUTO_TIMING_UPDATE | _FIX_RATE
            if pa.pa_stream_connect_playback(
                self._stream, None, ctypes.byref(attr), flags, None, None
            ):
                raise PulseError(f"the stream could not be connected: {self._error()}")
            self._wait_until(
                lambda: pa.pa_stream_get_state(self._stream),
                _STREAM_READY,
                (_STREAM_FAILED, _STREAM_TERMINATED),
                "the sound server ended the stream",
            )
            self.rate = pa.pa_stream_get_sample_spec(self._stream).contents.rate

    def _wait_until(
        self, state: Callable[[], int], ready: int, failed: tuple[int, ...], why: str
    ) -> None:
        """Wait (lock held) for ``state`` to be ready; the state callbacks signal the loop."""
        waited = threading.Timer(CONNECT_TIMEOUT_S, self._give_up)
        waited.start()
        try:
            while (now := state()) != ready:
                if now in failed or self._closing.is_set():
                    raise PulseError(f"{why}: {self._error()}")
                self._pa.pa_threaded_mainloop_wait(self._loop)
        finally:
            waited.cancel()

    def _wait_for(self, operation: int | None) -> None:
        """Wait (lock held) for ``operation`` to finish; its callback signals the loop."""
        if not operation:
            raise PulseError(f"the server refused the request: {self._error()}")
        try:
            while self._pa.pa_operation_get_state(operation) == _OPERATION_RUNNING:
                self._pa.pa_threaded_mainloop_wait(self._loop)
        finally:
            self._pa.pa_operation_unref(operation)

    def _give_up(self) -> None:
        self._closing.set()
        if self._loop is not None:
            with self._locked():
                self._signal(None, None)

    # --- callbacks (libpulse's thread, lock held) -----------------------------------------

    def _signal(self, _object: int | None, _userdata: int | None) -> None:
        if self._loop is not None:
            self._pa.pa_threaded_mainloop_signal(self._loop, 0)

    def _signal_done(self, _object: int | None, _ok: int, _userdata: int | None) -> None:
        self._signal(None, None)

    def _count_underflow(self, _object: int | None, _userdata: int | None) -> None:
        self.underflows += 1

    # --- helpers --------------------------------------------------------------------------

    def _error(self) -> str:
        if not self._context:
            return "no context"
        message = self._pa.pa_strerror(self._pa.pa_context_errno(self._context))
        return message.decode(errors="replace") if message else "unknown error"

    def _locked(self) -> _LoopLock:
        if self._loop is None:
            raise PulseError("the stream is closed")
        return _LoopLock(self._pa, self._loop)


class _LoopLock:
    def __init__(self, pa: ctypes.CDLL, loop: int) -> None:
        self._pa, self._loop = pa, loop

    def __enter__(self) -> None:
        self._pa.pa_threaded_mainloop_lock(self._loop)

    def __exit__(self, *_: object) -> None:
        self._pa.pa_threaded_mainloop_unlock(self._loop)
