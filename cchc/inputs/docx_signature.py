"""A signature block told by where it stands: a position and a name with no authority line above them, or alone in a
borderless table."""

from __future__ import annotations

import dataclasses

from cchc.inputs import docx_prose as prose
from cchc.inputs.docx_body import Para
from cchc.inputs.docx_table import is_caps


#: The most paragraphs a signature block with no authority line is looked for in (a position, a "(Đã ký)", a name).
_BARE_SIGNATURE_PARAGRAPHS = 4


def bare_signature(events: list) -> list:
    """*events*, a signature block with no authority line ("GIÁM ĐỐC", then the name: a head signing in their
    own name) marked as the signature when nothing but Nơi nhận, an appendix or the end follows it."""
    for k, event in enumerate(events):
        if not isinstance(event, Para) or event.landmark is not None or prose.kind(event) is not None or not is_caps(event.text.split("\n")[0]):
            continue
        end = k + 1
        while end < len(events) and end - k < _BARE_SIGNATURE_PARAGRAPHS and isinstance(events[end], Para) and prose.kind(events[end]) is None:
            end += 1
        if end < len(events) and (not isinstance(events[end], Para) or prose.kind(events[end]) not in ("recipients", "appendix")):
            continue
        lines = [line.strip() for para in events[k:end] for line in para.text.split("\n") if line.strip()]
        if prose.bare_signature(lines):
            events[k] = dataclasses.replace(event, landmark="signer")
    return events


def signature_table(grid, paragraphs: list[Para]) -> bool:
    """A signature block alone in a borderless one-row table (no Nơi nhận beside it): a position in capitals
    and a name, centred, in one cell; read as the signature, which it is only by where it stands."""
    if len(grid.slots) != 1 or grid.width > 2 or not 1 <= len(paragraphs) <= 6:
        return False
    if len({p.place for p in paragraphs}) != 1 or not all(p.centered and len(p.text) <= 80 for p in paragraphs):
        return False
    signer, recipients, unused = prose.closing(paragraphs)
    return signer is not None and not recipients and not unused

