"""A long output made by two processes: its second half by a forked child while this process makes the first.

Python runs one line of code at a time. A table of 100,000 items, the JSON
of 50,000 or a calendar of 150,000 events is seconds of Python after the plan
is loaded, with a second core idle. On a machine with two or more cores a
child made by ``fork`` shares the loaded plan (copy on write) and makes the
second half of the output into an anonymous file in memory, while this
process makes and writes the first half; then this process copies the child's
bytes after its own. Only this process writes the output, in order.

The result is byte for byte the output of one process: both halves are made
by the same code. When the child cannot start, fails or is stopped, this
process makes the second half itself; where there is no ``fork`` or one core,
everything is made here.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from cchc.forks import Child as _Child, cores as _cores

#: Below this many units (rows, events) everything is made here: a fork costs some milliseconds.
LEAST = 8192

#: The part this process makes, in hundredths: the child is the slower one, as its first write to each
#: page of the plan it shares copies the page (measured: a calendar of 155,000 events waited 0.44 s for it).
PARENT_SHARE = 56


def in_two(
    make: Callable[[int, int], Iterable], count: int, step: int = 1, text: bool = True, least: int | None = None, middle: int | None = None
) -> Iterator:
    """What ``make(0, count)`` yields, its part from a little past the middle made by a child process meanwhile.

    ``make(start, stop)`` yields the pieces (str when *text*, else bytes) of
    units start to stop; the pieces of two parts joined are those of the whole.
    The middle is a multiple of *step* (a chunk of rows laid out together), or *middle* when given.
    """
    middle = (count * PARENT_SHARE // 100) // step * step if middle is None else middle
    least = LEAST if least is None else least
    child = _Child.start(make, middle, count, text) if count >= least and middle and _cores() > 1 else None
    if child is None:
        yield from make(0, count)
        return
    try:
        yield from make(0, middle)
        yield from child.pieces()
    finally:
        child.stop()
